/**
 * Orderings of names: code-point order (rows, columns, paths) must not follow JavaScript's
 * UTF-16 `<`, which puts astral characters (emoji) before U+E000-U+FFFF (full-width letters).
 */
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareUtf8 } from '../../src/lib/compare.ts';

/** The oracle: compare the strings' code points one by one. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

const ALPHABET = [
  'a',
  'b',
  '_',
  'é',
  '\uD7FF',
  '\uE000',
  'Ａ',
  '\uFFFD',
  '😀',
  '😁',
  '𝒜',
  '\u{10FFFF}',
];

/** A deterministic pseudo-random string over the alphabet. */
function sampleString(seed: number): string {
  let state = seed;
  let text = '';
  const length = 1 + (seed % 5);
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += ALPHABET[state % ALPHABET.length];
  }
  return text;
}

describe('compareCodePoints', () => {
  it('puts a full-width letter before an emoji, unlike UTF-16 order', () => {
    expect('😀' < 'Ａ').toBe(true); // the UTF-16 order this function corrects
    expect(compareCodePoints('Ａ', '😀')).toBe(-1);
    expect(compareCodePoints('😀', 'Ａ')).toBe(1);
    expect(compareCodePoints('xＡ_1', 'x😀_1')).toBe(-1);
  });

  it('agrees with a code point by code point comparison and with UTF-8 byte order', () => {
    const strings = Array.from({ length: 400 }, (_, i) => sampleString(i + 1));
    for (const a of strings) {
      for (const b of strings.slice(0, 60)) {
        expect(compareCodePoints(a, b)).toBe(byCodePoints(a, b));
        expect(Math.sign(compareUtf8(a, b))).toBe(byCodePoints(a, b));
      }
    }
  });

  it('orders equal strings and prefixes', () => {
    expect(compareCodePoints('😀', '😀')).toBe(0);
    expect(compareCodePoints('😀', '😀a')).toBe(-1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
  });
});
