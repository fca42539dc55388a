/** How values and text are written for people (scoring.md section 6). */

/** 2 decimals, half away from zero on the exact binary value; `-0.00` is written `0.00`. */
export function formatNumber(value: number | null): string {
  if (value === null) return '';
  // toFixed rounds the exact value of the double, ties away from zero (on the magnitude).
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== '0.00' ? `-${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A surrogate that is not half of a pair (a JSON key may hold `"\ud800"`). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Quotes a CSV field when needed, and defuses text a spreadsheet would run as a formula. A lone
 * surrogate, which UTF-8 cannot hold (it would be written as U+FFFD, so that two task names
 * read alike), is written as its `\uXXXX` escape, as results.json writes it.
 */
export function csvText(raw: string): string {
  const text = raw.replace(LONE_SURROGATE, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\n`;
}
