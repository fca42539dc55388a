/**
 * The key to score tables: what a trailing `*`, an en dash and the row badges mean. Only the
 * marks the rows show are explained, so the line stays short.
 */

import { MISSING } from './format.ts';
import { STATUS_CODES } from './site-data.ts';

/** What the key needs of a row: its status codes (STATUS_CODES) and its badges. */
export interface KeyRow {
  readonly status: string;
  readonly limited: boolean;
  readonly baseline: boolean;
}

const EMPTY_CODES: readonly string[] = [
  STATUS_CODES.missing,
  STATUS_CODES.failed,
  STATUS_CODES.invalid,
];

function anyStatus(rows: readonly KeyRow[], codes: readonly string[]): boolean {
  return rows.some((row) => [...row.status].some((code) => codes.includes(code)));
}

/** One entry per mark the rows show, in the order a reader meets them. */
export function tableKey(rows: readonly KeyRow[]): string[] {
  const partial = anyStatus(rows, [STATUS_CODES.partial]);
  const empty = anyStatus(rows, EMPTY_CODES);
  const entries: string[] = [];
  if (partial) entries.push('* partial: some inputs missing');
  if (empty) entries.push(`${MISSING} no value: missing, failed or invalid (never 0)`);
  if (rows.some((row) => row.limited)) {
    entries.push('LIMIT: an lm-eval --limit run, English not comparable');
  }
  if (rows.some((row) => row.baseline)) entries.push('shaded: baselines');
  if (partial || empty) entries.push('a cell’s tooltip, and the missing values report, say why');
  return entries;
}
