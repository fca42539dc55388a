/**
 * `__proto__` cannot be a config key: turned into JavaScript, a mapping with that key sets the
 * object's prototype instead of holding an entry, so a run or metric of that name would vanish
 * without a word. It is refused wherever it is, before the config is turned into data.
 */

import { isMap, isScalar, isSeq } from 'yaml';
import type { PathSegment, Problem } from './errors.ts';

const RESERVED = '__proto__';

export function reservedKeyProblems(node: unknown, at: readonly PathSegment[] = []): Problem[] {
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => reservedKeyProblems(item, [...at, index]));
  }
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === null) return [];
    const path = [...at, key];
    if (key === RESERVED) {
      const what = `'${RESERVED}' cannot be a key (JavaScript reserves it for prototypes); rename it`;
      return [{ path, atKey: true, what }];
    }
    return reservedKeyProblems(pair.value, path);
  });
}
