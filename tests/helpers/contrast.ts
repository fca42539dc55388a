/**
 * WCAG 2 contrast, written out for the tests on their own: what the project's colours are
 * checked against must not be the project's code.
 */

/** `#rrggbb` or `rgb(r, g, b)` -> [r, g, b], 0-255. */
export function rgbOf(css: string): number[] {
  if (css.startsWith('#')) return [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16));
  return (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

/** Relative luminance of an sRGB colour (WCAG 2). */
function luminance(css: string): number {
  const channel = (c: number) =>
    c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
  const [r = 0, g = 0, b = 0] = rgbOf(css);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}
