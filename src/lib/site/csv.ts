/**
 * "Download CSV" of what a table shows: the rows left by search and filters, in their current
 * order, and the chosen columns. Values with 2 decimals and missing cells empty, as in the CSV
 * reports; text cells are defused against spreadsheet formulas by the reports' own `csvText`.
 */

import { csvLine, csvText, formatNumber } from '../report/format.ts';

export interface CsvColumn {
  readonly label: string;
}

export interface CsvRow {
  /** Leading text cells (e.g. run, model). */
  readonly text: readonly string[];
  /** One value per column, aligned with the columns. */
  readonly values: readonly (number | null)[];
}

export function tableCsv(
  textHeaders: readonly string[],
  columns: readonly CsvColumn[],
  rows: readonly CsvRow[],
): string {
  const header = csvLine([...textHeaders, ...columns.map((c) => c.label)].map(csvText));
  const body = rows.map((row) =>
    csvLine([...row.text.map(csvText), ...row.values.map((v) => formatNumber(v))]),
  );
  return header + body.join('');
}

/**
 * A file name from data, never empty: letters and digits of any script (a Thai or Chinese run key
 * names its downloads as an English one does), `.`, `_` and `-`, and no leading dot, which would
 * hide the file.
 */
export function csvFileName(...parts: readonly string[]): string {
  const name = parts
    .map((p) => p.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, ''))
    .filter((p) => p !== '')
    .join('_');
  return `${name || 'table'}.csv`;
}
