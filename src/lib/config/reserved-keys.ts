/**
 * `__proto__` cannot be a config key: turned into JavaScript, a mapping with that key sets the
 * object's prototype instead of holding an entry, so a run or metric of that name would vanish
 * without a word. It is refused wherever it is, before the config is turned into data.
 */

import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { PathSegment, Problem } from './errors.ts';

const RESERVED = '__proto__';

export function reservedKeyProblems(doc: Document): Problem[] {
  return problemsIn(doc, doc.contents, []);
}

function problemsIn(doc: Document, node: unknown, at: readonly PathSegment[]): Problem[] {
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => problemsIn(doc, item, [...at, index]));
  }
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    // A key may be an alias of a scalar written elsewhere (`*k`).
    const keyNode: unknown = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : null;
    if (key === null) return [];
    const path = [...at, key];
    if (key === RESERVED) {
      const what = `'${RESERVED}' cannot be a key (JavaScript reserves it for prototypes); rename it`;
      return [{ path, atKey: true, what }];
    }
    return problemsIn(doc, pair.value, path);
  });
}
