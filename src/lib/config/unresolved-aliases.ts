/**
 * An alias (`*name`) with no anchor (`&name`) before it. The parser accepts it and only turning
 * the document into data fails, with no place: each one is found here, with where it is written.
 */
import { isAlias, isMap, isSeq, type Document } from 'yaml';
import { keyText } from './locate.ts';
import type { PathSegment } from './errors.ts';

export interface UnresolvedAlias {
  /** The key path of the value (or of the mapping, for an alias used as a key). */
  readonly path: readonly PathSegment[];
  /** Offset of the alias in the source. */
  readonly offset: number;
  readonly what: string;
}

export function unresolvedAliases(doc: Document): UnresolvedAlias[] {
  return aliasesIn(doc, doc.contents, []);
}

function aliasesIn(doc: Document, node: unknown, at: readonly PathSegment[]): UnresolvedAlias[] {
  if (isAlias(node)) {
    if (node.resolve(doc) !== undefined) return [];
    const offset = node.range?.[0] ?? 0;
    const what = `the alias *${node.source} has no anchor &${node.source} before it`;
    return [{ path: at, offset, what }];
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => aliasesIn(doc, item, [...at, index]));
  }
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => [
    ...aliasesIn(doc, pair.key, at),
    ...aliasesIn(doc, pair.value, [...at, keyText(pair.key)]),
  ]);
}
