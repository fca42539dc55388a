/**
 * Mapping keys as the user wrote them. YAML reads a plain `001:` or `1e3:` as a number, and a
 * plain JS object names it by that number (`1`, `1000`): a run would write its reports to a
 * folder of another name, and messages would name a key the file does not have.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';

/** A key's source text where YAML read it as a number, boolean or null; else its value. */
export function writtenKey(key: unknown): unknown {
  if (!isScalar(key)) return key;
  return typeof key.value !== 'string' && typeof key.source === 'string' ? key.source : key.value;
}

/** Whether two keys of one mapping are the same key as written (`001` and `1` are not). */
export function sameWrittenKey(a: unknown, b: unknown): boolean {
  return a === b || (isScalar(a) && isScalar(b) && writtenKey(a) === writtenKey(b));
}

/** Gives every plain key that YAML read as a number, boolean or null its source text instead. */
export function keepKeysAsWritten(doc: Document): void {
  visit(doc.contents);
}

function visit(node: unknown): void {
  if (isSeq(node)) {
    for (const item of node.items) visit(item);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    // An alias key (`*k :`) is left as it is: its scalar is written, and read, elsewhere.
    const key: unknown = pair.key;
    if (isScalar(key)) key.value = writtenKey(key);
    visit(pair.value);
  }
}
