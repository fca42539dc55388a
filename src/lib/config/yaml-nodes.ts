/**
 * Every node of a parsed YAML document with the key path it stands at, in source order: the
 * config's messages find a node by its offset or kind (an escape, a repeated key, an alias) and
 * name it by that path.
 */
import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { PathSegment } from './errors.ts';
import { keyText } from './locate.ts';

export interface PlacedNode {
  readonly node: unknown;
  /** The key path of the value; for a mapping key, the path of its mapping. */
  readonly path: readonly PathSegment[];
  /** The mapping whose key the node is; null for a value. */
  readonly keyOf: YAMLMap | null;
}

/** `node` and every node below it, each mapping key before its value. */
export function* placedNodes(
  node: unknown,
  path: readonly PathSegment[] = [],
): Generator<PlacedNode> {
  yield { node, path, keyOf: null };
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) yield* placedNodes(item, [...path, index]);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      yield { node: pair.key, path, keyOf: node };
      yield* placedNodes(pair.value, [...path, keyText(pair.key)]);
    }
  }
}
