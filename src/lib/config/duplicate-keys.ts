/**
 * A key written twice in one mapping. The parser says only "Map keys must be unique" at the
 * second one: this finds which key it is and where the first one is, so the message can name
 * the key path and both lines.
 */
import type { Document } from 'yaml';
import type { PathSegment } from './errors.ts';
import { keyText } from './locate.ts';
import { placedNodes } from './yaml-nodes.ts';

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

/** The duplicate key whose second occurrence starts at `offset`, if the document has it. */
export function duplicateKeyAt(doc: Document, offset: number): DuplicateKey | null {
  for (const { node, path, keyOf } of placedNodes(doc.contents)) {
    if (keyOf === null || startOf(node) !== offset) continue;
    const key = keyText(node);
    const first = keyOf.items.find((other) => keyText(other.key) === key);
    return { path: [...path, key], firstOffset: startOf(first?.key) ?? offset };
  }
  return null;
}
