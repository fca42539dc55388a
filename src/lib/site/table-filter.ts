/**
 * The table's row filters: the model-name search (case-insensitive substring, `;` separates
 * alternatives) and the inclusive min–max range per numeric column, which filters nothing
 * until the reader sets a bound.
 */

/** `"llama; Qwen "` -> `['llama', 'qwen']`; no terms = no search. */
export function searchTerms(query: string): string[] {
  return query
    .split(';')
    .map((term) => term.trim().toLowerCase())
    .filter((term) => term !== '');
}

export function matchesSearch(model: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const name = model.toLowerCase();
  return terms.some((term) => name.includes(term));
}

export interface Range {
  readonly min: number | null;
  readonly max: number | null;
}

/** A bound typed by the reader: empty or not a number = no bound. */
export function parseBound(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export function isActive(range: Range): boolean {
  return range.min !== null || range.max !== null;
}

/**
 * Inclusive, on the value as the tables show it (2 decimals): a row showing 24.95 passes a
 * maximum of 24.95 even when its full value is 24.9531. A missing value never satisfies an
 * active range.
 */
export function inRange(value: number | null | undefined, range: Range): boolean {
  if (!isActive(range)) return true;
  if (value === null || value === undefined) return false;
  const shown = Number(value.toFixed(2));
  if (range.min !== null && shown < range.min) return false;
  if (range.max !== null && shown > range.max) return false;
  return true;
}

/** Smallest and largest present value of a column (for the inputs' hints), or null. */
export function valueExtent(values: Iterable<number | null | undefined>): Range | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? null : { min, max };
}
