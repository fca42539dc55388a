/**
 * Keys written twice in one object of a results file. JSON.parse (as Python's json) keeps the
 * last value of a repeated key, so the earlier values would be lost without a word: a file
 * joined by hand from two runs, say, where each `id` block holds other competencies.
 */

export interface DuplicateKey {
  /** Key path of the repeated key, as other diagnostics write it (`id.nlr.causal`). */
  readonly keyPath: string;
  /** The top-level key it lies under (or is). */
  readonly topKey: string;
  /** Lines (1-based) of every occurrence, in the order of the file. */
  readonly lines: readonly number[];
}

/** One object or list being scanned. */
interface Frame {
  /** Keys met so far, with the offsets where each is written; null for a list. */
  readonly keys: Map<string, number[]> | null;
  /** The object or list it lies in, and its key or index there (none for the root). */
  readonly parent: Frame | null;
  readonly slot: string;
  /** The top-level key it lies under ('' for the root). */
  readonly topKey: string;
  /** The key whose value comes next, or the index of the next item of a list. */
  key: string;
  index: number;
}

interface Found {
  readonly frame: Frame;
  readonly key: string;
  readonly offsets: number[];
}

/**
 * The repeated keys of `text`, which JSON.parse read as `value`. Every key is followed by a
 * colon, so a text with no more colons than `value` has members repeats none, and needs no scan
 * (colons inside strings only make the scan run).
 */
export function repeatedKeys(text: string, value: unknown): DuplicateKey[] {
  return colonCount(text) === memberCount(value) ? [] : findDuplicateKeys(text);
}

function colonCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/** Members of every object in a parsed value. */
function memberCount(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === null || typeof next !== 'object') continue;
    const children = Array.isArray(next) ? next : Object.values(next);
    if (!Array.isArray(next)) count += children.length;
    for (const child of children)
      if (child !== null && typeof child === 'object') pending.push(child);
  }
  return count;
}

/** What the scan stops at: the only characters that change its state. */
const STRUCTURE = /["{}[\],]/g;

/**
 * The repeated keys of a text that JSON.parse accepted (bare NaN / Infinity tokens aside, which
 * this scan steps over like any other value), in the order of the file. Iterative: a file may
 * nest deeply. The regular expression jumps from one structural character to the next, which
 * costs about what JSON.parse does; a loop over every character cost twice that.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const stack: Frame[] = [];
  const found: Found[] = [];
  let expectKey = false;
  const structure = new RegExp(STRUCTURE.source, 'g');
  for (let match = structure.exec(text); match !== null; match = structure.exec(text)) {
    const at = match.index;
    const top = stack.at(-1) ?? null;
    switch (text.charCodeAt(at)) {
      case 0x22 /* " */: {
        const end = stringEnd(text, at);
        if (expectKey && top?.keys) noteKey(top, decodeKey(text, at, end), at, found);
        expectKey = false;
        structure.lastIndex = end + 1;
        break;
      }
      case 0x7b /* { */:
      case 0x5b /* [ */: {
        const isObject = text.charCodeAt(at) === 0x7b;
        stack.push({
          keys: isObject ? new Map() : null,
          parent: top,
          slot: top === null ? '' : slotOf(top),
          topKey: top === null ? '' : topKeyOf(top),
          key: '',
          index: 0,
        });
        expectKey = isObject;
        break;
      }
      case 0x2c /* , */:
        if (top?.keys) expectKey = true;
        else if (top) top.index++;
        break;
      default:
        stack.pop();
    }
  }
  const lineOf = lineFinder(text);
  return found.map(({ frame, key, offsets }) => ({
    keyPath: pathOf(frame, key),
    topKey: frame.parent === null ? key : frame.topKey,
    lines: offsets.map(lineOf),
  }));
}

/** Notes a key of an object; its second occurrence makes it a repeat (later ones join it). */
function noteKey(frame: Frame, key: string, at: number, found: Found[]): void {
  frame.key = key;
  const offsets = frame.keys?.get(key);
  if (offsets === undefined) frame.keys?.set(key, [at]);
  else {
    if (offsets.length === 1) found.push({ frame, key, offsets });
    offsets.push(at);
  }
}

/** The key or index of the value that comes next in `frame`. */
function slotOf(frame: Frame): string {
  return frame.keys === null ? `[${frame.index}]` : frame.key;
}

/** The top-level key of the value that comes next in `frame`. */
function topKeyOf(frame: Frame): string {
  return frame.parent === null ? slotOf(frame) : frame.topKey;
}

/**
 * The key path of `key` in `frame`, built only for a repeat: the frames keep their slot alone,
 * as paths built for each of 100,000 nested lists would take time and memory by their square.
 */
function pathOf(frame: Frame, key: string): string {
  const chain: Frame[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) chain.push(f);
  let path = '';
  for (const f of chain.reverse()) path = joinSlot(path, f.slot, f.parent?.keys === null);
  return joinSlot(path, key, false);
}

function joinSlot(path: string, slot: string, inList: boolean): string {
  if (inList) return `${path}${slot}`;
  return path === '' ? slot : `${path}.${slot}`;
}

/** The index of the quote that closes the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** The key as JSON.parse reads it, escapes decoded (`"\u0069d"` is `id`). */
function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** The 1-based line of an offset, by a binary search of the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) newlines.push(at);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((newlines[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}
