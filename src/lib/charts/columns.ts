/** Column lookups and display titles shared by the charts. */

import type { ColumnData } from '../site/site-data.ts';
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
