/**
 * An alias (`*name`) with no anchor (`&name`) before it. The parser accepts it and only turning
 * the document into data fails, with no place: each one is found here, with where it is written.
 */
import { isAlias, type Document } from 'yaml';
import type { PathSegment } from './errors.ts';
import { placedNodes } from './yaml-nodes.ts';

export interface UnresolvedAlias {
  /** The key path of the value (or of the mapping, for an alias used as a key). */
  readonly path: readonly PathSegment[];
  /** Offset of the alias in the source. */
  readonly offset: number;
  readonly what: string;
}

export function unresolvedAliases(doc: Document): UnresolvedAlias[] {
  const found: UnresolvedAlias[] = [];
  for (const { node, path } of placedNodes(doc.contents)) {
    if (!isAlias(node) || node.resolve(doc) !== undefined) continue;
    const what = `the alias *${node.source} has no anchor &${node.source} before it`;
    found.push({ path, offset: node.range?.[0] ?? 0, what });
  }
  return found;
}
