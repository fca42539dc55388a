/**
 * A `\` in a double-quoted YAML string starts an escape, so a regular expression or a Windows
 * path written there ("ba(\d+)", "C:\Users\me") is a syntax error that the parser names only as
 * "Invalid escape sequence". This names the value, by its key path, and says how to write it.
 */
import { isScalar, type Document, type YAMLError } from 'yaml';
import type { PathSegment } from './errors.ts';
import { placedNodes } from './yaml-nodes.ts';
import { printable } from '../printable.ts';

export interface BadEscape {
  readonly path: readonly PathSegment[];
  readonly what: string;
}

/** The key path of the scalar value written over `offset`, if one is. */
function valuePathAt(root: unknown, offset: number): readonly PathSegment[] | null {
  for (const { node, path, keyOf } of placedNodes(root)) {
    if (keyOf !== null || !isScalar(node)) continue;
    const [start, end] = node.range ?? [0, 0];
    if (start <= offset && offset < end) return path;
  }
  return null;
}

export function badEscape(doc: Document, error: YAMLError, text: string): BadEscape | null {
  if (error.code !== 'BAD_DQ_ESCAPE') return null;
  const offset = error.pos[0];
  const path = valuePathAt(doc.contents, offset);
  if (path === null) return null;
  const escape = printable(text.slice(offset, offset + 2));
  const what = `'${escape}' is no escape in a double-quoted YAML string, where '\\' starts one; write the value in single quotes, in which '\\' is itself`;
  return { path, what };
}
