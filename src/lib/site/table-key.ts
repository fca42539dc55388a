/**
 * The key to score tables: what a trailing `*`, an en dash and the row badges mean. The first
 * two are always explained (a reader who hides languages or leaves out competencies can make
 * them appear in any run); the badges only where rows have them, so the line stays short.
 */

import { MISSING } from './format.ts';

/** What the key needs of a row: its badges. */
export interface KeyRow {
  readonly limited: boolean;
  readonly baseline: boolean;
}

/** One entry per mark, in the order a reader meets them. */
export function tableKey(rows: readonly KeyRow[]): string[] {
  const entries = [
    '* partial: some inputs missing',
    `${MISSING} no value: missing, failed or invalid (never 0)`,
  ];
  if (rows.some((row) => row.limited)) {
    entries.push('LIMIT: an lm-eval --limit run, English not comparable');
  }
  if (rows.some((row) => row.baseline)) entries.push('shaded: baselines');
  entries.push(
    'why a value is partial or empty: click or tap it, or Tab to the table’s rows and move to it with the arrow keys (or point at it); the missing values report lists them all',
  );
  return entries;
}
