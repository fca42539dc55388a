/**
 * From a key path to where it is written in the YAML source, and mapping keys in source order.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment, Position } from './errors.ts';
import { writtenKey } from './keys-as-written.ts';

/** A node reached by a path step, with the key node it sits under (none for list items). */
interface Step {
  readonly value: unknown;
  readonly key: unknown;
}

/** A mapping key as the `yaml` library names it in plain JS objects. */
export function keyText(key: unknown): string {
  if (isScalar(key)) {
    const written = writtenKey(key);
    return written === null ? '' : String(written);
  }
  return String(key);
}

function child(doc: Document, node: unknown, segment: PathSegment): Step | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) {
    const pair = target.items.find((item) => keyText(item.key) === String(segment));
    return pair === undefined ? undefined : { value: pair.value, key: pair.key };
  }
  if (isSeq(target) && typeof segment === 'number') {
    const item: unknown = target.items[segment];
    return item === undefined ? undefined : { value: item, key: undefined };
  }
  return undefined;
}

/** The steps along `path` as far as the document has them. */
function walk(doc: Document, path: readonly PathSegment[]): Step[] {
  const steps: Step[] = [{ value: doc.contents, key: undefined }];
  for (const segment of path) {
    const next = child(doc, steps[steps.length - 1]?.value, segment);
    if (next === undefined) break;
    steps.push(next);
  }
  return steps;
}

/** Start offset of a node; an empty value (`key:` with nothing after it) has none worth showing. */
function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range: unknown = node.range;
  if (!Array.isArray(range)) return undefined;
  const [start, end]: unknown[] = range;
  return typeof start === 'number' && start !== end ? start : undefined;
}

/**
 * Where `path` is written: at its key for a mapping entry when `atKey` (or when the value is
 * empty), else at its value. A list item on the same line as the key holding the list is shown
 * at that key, the way the user reads it (`target_experiments: [0, 3]`); an item on a line of its
 * own is shown where it is. A path the document does not have (a missing key) points at the
 * deepest part it does have.
 */
export function locate(
  doc: Document,
  counter: LineCounter,
  path: readonly PathSegment[],
  atKey = false,
): Position {
  const steps = walk(doc, path);
  const complete = steps.length === path.length + 1;
  const listItem = complete && path.length > 0 && typeof path[path.length - 1] === 'number';
  const position = locateStep(steps, counter, atKey && complete);
  if (listItem) {
    const holder = [...steps].reverse().find((step) => startOf(step.key) !== undefined);
    const offset = startOf(holder?.key);
    const key = offset === undefined ? undefined : counter.linePos(offset);
    if (key !== undefined && key.line === position.line) return key;
  }
  return position;
}

function locateStep(steps: readonly Step[], counter: LineCounter, atKey: boolean): Position {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    const offset = atKey && i === steps.length - 1 ? startOf(step?.key) : undefined;
    const found = offset ?? startOf(step?.value) ?? startOf(step?.key);
    if (found !== undefined) return counter.linePos(found);
  }
  return { line: 1, col: 1 };
}

/** The keys of the mapping at `path`, in source order; none when it is not a mapping. */
export function mappingKeys(doc: Document, path: readonly PathSegment[]): string[] {
  const steps = walk(doc, path);
  const last = steps.length === path.length + 1 ? steps[steps.length - 1]?.value : undefined;
  const target = isAlias(last) ? last.resolve(doc) : last;
  return isMap(target) ? target.items.map((item) => keyText(item.key)) : [];
}
