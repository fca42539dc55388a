/**
 * A `\` in a double-quoted YAML string starts an escape, so a regular expression or a Windows
 * path written there ("ba(\d+)", "C:\Users\me") is a syntax error that the parser names only as
 * "Invalid escape sequence". This names the value, by its key path, and says how to write it.
 */
import { isMap, isScalar, isSeq, type Document, type YAMLError } from 'yaml';
import type { PathSegment } from './errors.ts';
import { keyText } from './locate.ts';
import { printable } from '../printable.ts';

export interface BadEscape {
  readonly path: readonly PathSegment[];
  readonly what: string;
}

/** The key path of the scalar value written over `offset`, if one is. */
function valuePathAt(
  node: unknown,
  offset: number,
  at: readonly PathSegment[],
): PathSegment[] | null {
  if (isScalar(node)) {
    const [start, end] = node.range ?? [0, 0];
    return start <= offset && offset < end ? [...at] : null;
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = valuePathAt(item, offset, [...at, index]);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    const found = valuePathAt(pair.value, offset, [...at, keyText(pair.key)]);
    if (found !== null) return found;
  }
  return null;
}

export function badEscape(doc: Document, error: YAMLError, text: string): BadEscape | null {
  if (error.code !== 'BAD_DQ_ESCAPE') return null;
  const offset = error.pos[0];
  const path = valuePathAt(doc.contents, offset, []);
  if (path === null) return null;
  const escape = printable(text.slice(offset, offset + 2));
  const what = `'${escape}' is no escape in a double-quoted YAML string, where '\\' starts one; write the value in single quotes, in which '\\' is itself`;
  return { path, what };
}
