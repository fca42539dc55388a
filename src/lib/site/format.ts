/** How numbers read on the pages: 2 decimals, missing as an en dash, deltas with a sign. */

export const MISSING = '–';

export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== '0.00' ? `-${text}` : text;
}

/** A signed difference (1 decimal in tables; tooltips ask for 2); a rounded 0 has no sign. */
export function formatDelta(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return MISSING;
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '-' : '+'}${text}`;
}

/** 1 decimal without a sign: the Delta view's reference row shows its own values this way. */
export function formatOneDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const text = Math.abs(value).toFixed(1);
  return value < 0 && text !== '0.0' ? `-${text}` : text;
}

/** `1 model`, `2 models`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
