/**
 * The key to a run's score tables: what a trailing `*`, an en dash and the row badges mean. Only
 * the marks the run's tables show are explained, so the line stays short.
 */

import { MISSING } from './format.ts';
import { STATUS_CODES, type RunData } from './site-data.ts';

const EMPTY_CODES: readonly string[] = [
  STATUS_CODES.missing,
  STATUS_CODES.failed,
  STATUS_CODES.invalid,
];

function anyStatus(run: RunData, codes: readonly string[]): boolean {
  return run.rows.some((row) => [...row.status].some((code) => codes.includes(code)));
}

/** One entry per mark the run's tables show, in the order a reader meets them. */
export function tableKey(run: RunData): string[] {
  const partial = anyStatus(run, [STATUS_CODES.partial]);
  const empty = anyStatus(run, EMPTY_CODES);
  const entries: string[] = [];
  if (partial) entries.push('* partial: some inputs missing');
  if (empty) entries.push(`${MISSING} no value: missing, failed or invalid (never 0)`);
  if (run.rows.some((row) => row.limited)) {
    entries.push('LIMIT: an lm-eval --limit run, English not comparable');
  }
  if (run.rows.some((row) => row.baseline !== null)) entries.push('shaded: baselines');
  if (partial || empty) entries.push('a cell’s tooltip, and the missing values report, say why');
  return entries;
}
