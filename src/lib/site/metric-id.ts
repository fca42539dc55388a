/**
 * A metric named as readers name it: a column id (`sea_total`, `th_nlu`) or its display name
 * (`SEA Avg`, `Thai nlu`), case-insensitively when that names one column. Write-up props and
 * page addresses both take them.
 */

import { columnTitle } from '../charts/columns.ts';
import { caseInsensitiveMatches } from '../loose-match.ts';
import { headerColumns, type ShownColumn } from './header-names.ts';
import type { Level, RunData } from './site-data.ts';

/** The column id a metric name stands for, or null. */
export function metricId(run: Pick<RunData, 'columns'>, name: string): string | null {
  const levels: readonly Level[] = ['lang', 'competency', 'task'];
  for (const level of levels) {
    const byId = run.columns.find((c) => c.level === level && c.id === name);
    if (byId !== undefined) return byId.id;
  }
  for (const level of levels) {
    const byTitle = run.columns.find((c) => c.level === level && columnTitle(c) === name);
    if (byTitle !== undefined) return byTitle.id;
  }
  const [loose] = caseInsensitiveMatches(
    run.columns,
    name,
    (c) => [c.id, columnTitle(c)],
    (c) => c.id,
  );
  return loose?.id ?? null;
}

/**
 * Of a table's columns (as it shows them), those an address names (`hide=`, `off=`): by id or
 * shown name, as metricId reads them, else by a header of that table (header-names.ts: `nlu` in
 * Thai's Competency table); a name that stands for none of them is dropped. Run and comparison
 * pages resolve their hidden columns with it, so one link reads the same on both, and Incl/Excl
 * the competencies it leaves out.
 */
export function namedColumns(
  table: Pick<RunData, 'columns'>,
  shown: readonly ShownColumn[],
  names: readonly string[],
): Set<number> {
  const found = new Set<number>();
  for (const name of names) {
    const id = metricId(table, name);
    const byId = shown.flatMap((c) => (table.columns[c.index]?.id === id ? [c.index] : []));
    for (const index of byId.length > 0 ? byId : headerColumns(shown, name)) found.add(index);
  }
  return found;
}

/** Column indexes as an address names them: their ids, in column order (one link per state). */
export function columnIds(table: Pick<RunData, 'columns'>, indexes: Iterable<number>): string[] {
  return [...indexes].sort((a, b) => a - b).flatMap((index) => table.columns[index]?.id ?? []);
}
