/** Column lookups and display titles shared by the charts. */

import type { ColumnData, RowData } from '../site/site-data.ts';
import { languageName } from '../site/names.ts';

/** Index of a column by id, preferring the given level (ids are unique per level). */
export function columnIndex(
  columns: readonly Pick<ColumnData, 'id' | 'level'>[],
  id: string,
  level?: ColumnData['level'],
): number {
  if (level !== undefined) {
    const exact = columns.findIndex((c) => c.id === id && c.level === level);
    if (exact >= 0) return exact;
  }
  return columns.findIndex((c) => c.id === id);
}

/** `SEA Avg`, `Indonesian`, `Indonesian nlu`, `English BBH`: what a reader calls a column. */
export function columnTitle(column: Pick<ColumnData, 'level' | 'lang' | 'label'>): string {
  if (column.level === 'lang' || column.lang === null) return column.label;
  return `${languageName(column.lang)} ${column.label}`;
}

export const PARTIAL_SEPARATOR = ' | ';

/** A row's status codes and notes (see `STATUS_CODES`), where a chart's input has them. */
export type Marks = Partial<Pick<RowData, 'status' | 'notes'>>;

/**
 * `SEA Avg is partial (5/7 missing: ms, my)` for each plotted value that is partial, joined by
 * `PARTIAL_SEPARATOR` (not a newline: an XML parser would turn it into a space in an attribute);
 * null when none is. Charts carry it to the tooltip, so a partial point is never read as
 * a complete one.
 */
export function partialNotes(
  row: Marks,
  plotted: readonly { readonly column: number; readonly title: string }[],
): string | null {
  const notes = plotted.flatMap(({ column, title }) => {
    const why = partialCoverage(row, column);
    if (why === null) return [];
    return [`${title} is partial${why === '' ? '' : ` (${why})`}`];
  });
  return notes.length === 0 ? null : notes.join(PARTIAL_SEPARATOR);
}

/** Why a row's value is partial (its coverage, `''` when none is given); null when it is not. */
export function partialCoverage(row: Marks, column: number): string | null {
  return row.status?.[column] === 'p' ? (row.notes?.[column] ?? '') : null;
}
