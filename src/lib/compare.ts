/** Orderings used wherever output order must not depend on locale or platform. */

/** Code-point order of two strings (UTF-16 code units; equal to code points outside astral planes). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Byte order of the UTF-8 encodings (scoring.md: "the later full path, compared as a byte string"). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
