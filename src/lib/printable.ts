/**
 * Text from disk (folder and file names, config keys) made safe for a terminal or a one-line
 * message: control characters (which could move the cursor, recolour or rewrite the line) and
 * the invisible bidirectional overrides (which could reorder what is shown) are written as
 * `\uXXXX` escapes, as are lone surrogates.
 */

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * UNSAFE, and a surrogate that is not half of a pair (a JSON key may hold `"\ud800"`), which a
 * terminal can only show as U+FFFD, so that two names would read alike. With the `u` flag a
 * pair is one character outside the range, so only lone halves match.
 */
const NOT_PRINTABLE = new RegExp(`${UNSAFE.source.slice(0, -1)}\\ud800-\\udfff]`, 'gu');

export function printable(text: string): string {
  return text.replace(NOT_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether text holds a control or direction character (which `printable` escapes). */
export function hasHiddenCharacters(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/** UNSAFE without the global flag: `test` then keeps no position between calls. */
const UNSAFE_ONE = new RegExp(UNSAFE.source, 'u');
