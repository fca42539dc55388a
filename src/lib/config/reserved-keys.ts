/**
 * `__proto__` cannot be a config key: turned into JavaScript, a mapping with that key sets the
 * object's prototype instead of holding an entry, so a run or metric of that name would vanish
 * without a word. It is refused wherever it is, before the config is turned into data.
 *
 * Neither can a plain `<<`: YAML 1.2 has no merge keys, so what PyYAML (the original app's
 * parser) merged would be read as a key named `<<`, an unknown key or a run of that name.
 */

import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { PathSegment, Problem } from './errors.ts';

const RESERVED = '__proto__';
const MERGE = '<<';
const MERGE_MESSAGE =
  "YAML merge keys ('<<') are not supported; write the keys out, or give a whole entry as an alias (exp_b: *exp_a)";

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
    // A quoted '<<' is a plain string key, as YAML intends.
    if (key === MERGE && isScalar(keyNode) && keyNode.type === 'PLAIN') {
      return [{ path, atKey: true, what: MERGE_MESSAGE }];
    }
    return problemsIn(doc, pair.value, path);
  });
}
