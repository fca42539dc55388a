/**
 * A key written twice in one mapping. The parser says only "Map keys must be unique" at the
 * second one: this finds which key it is and where the first one is, so the message can name
 * the key path and both lines.
 */
import { isMap, isSeq, type Document } from 'yaml';
import type { PathSegment } from './errors.ts';
import { keyText } from './locate.ts';

export interface DuplicateKey {
  readonly path: readonly PathSegment[];
  /** Offset of the first occurrence of the key in the same mapping. */
  readonly firstOffset: number;
}

function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

function search(node: unknown, offset: number, at: readonly PathSegment[]): DuplicateKey | null {
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = search(item, offset, [...at, index]);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    if (startOf(pair.key) === offset) {
      const key = keyText(pair.key);
      const first = node.items.find((other) => keyText(other.key) === key);
      return { path: [...at, key], firstOffset: startOf(first?.key) ?? offset };
    }
    const found = search(pair.value, offset, [...at, keyText(pair.key)]);
    if (found !== null) return found;
  }
  return null;
}

/** The duplicate key whose second occurrence starts at `offset`, if the document has it. */
export function duplicateKeyAt(doc: Document, offset: number): DuplicateKey | null {
  return search(doc.contents, offset, []);
}
