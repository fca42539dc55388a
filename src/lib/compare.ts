/** Orderings used wherever output order must not depend on locale or platform, and set equality. */

/** Code units at which the two orders can part: surrogates and U+E000-U+FFFF. */
const HIGH_UNITS = /[\uD800-\uFFFF]/;

/**
 * Code-point order of two strings. JavaScript's `<` compares UTF-16 code units, which puts an
 * astral character (a surrogate pair, e.g. an emoji) before U+E000-U+FFFF (e.g. full-width
 * letters); the two orders differ only when both strings hold such characters.
 */
export function compareCodePoints(a: string, b: string): number {
  if (!HIGH_UNITS.test(a) || !HIGH_UNITS.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** A code unit's place in code-point order: surrogates (astral characters) after U+FFFF. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

/** Byte order of the UTF-8 encodings (scoring.md: "the later full path, compared as a byte string"). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Whether two sets hold the same members. */
export function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
