/**
 * The four CSV reports of a run, and of all runs merged (scoring.md section 6). Pure: tables in,
 * file contents out.
 */

import { compareCodePoints } from '../compare.ts';
import { problemsByReason } from '../score/cell.ts';
import { detailAt, statusAt, valueAt, type CellStore } from '../score/cell-store.ts';
import { byLanguage, rankIn, sortByPreference, sortCompetencies } from '../score/languages.ts';
import type { ColumnOrigin, Table, TableColumns, TableRow } from '../score/table.ts';
import { ENGLISH_COLUMNS, BENCHMARKS } from '../score/english-benchmarks.ts';
import { csvLine, csvText, formatNumber } from './format.ts';

export type ReportName = 'lang' | 'competency' | 'task' | 'missing';

export const REPORT_FILES: Readonly<Record<ReportName, string>> = {
  lang: 'lang_report.csv',
  competency: 'competency_report.csv',
  task: 'task_report.csv',
  missing: 'missing_report.csv',
};

/** What the reports read of a table (plain data: a worker thread may write the reports). */
export type ReportTable = Pick<Table, 'columns' | 'grid'> & {
  readonly rows: readonly Pick<TableRow, 'model'>[];
};

/** One run's rows, tagged with the run for the merged reports. */
export interface RunTable {
  readonly run: string;
  readonly table: ReportTable;
}

export function runReports(table: ReportTable): Record<ReportName, string> {
  return buildReports([{ run: '', table }], table.columns, false);
}

export function mergedReports(
  tables: readonly RunTable[],
  seaLanguages: readonly string[],
): Record<ReportName, string> {
  return buildReports(
    tables,
    mergeColumns(
      tables.map((t) => t.table.columns),
      seaLanguages,
    ),
    true,
  );
}

function buildReports(
  tables: readonly RunTable[],
  columns: TableColumns,
  withRun: boolean,
): Record<ReportName, string> {
  const lead = withRun ? ['model', 'run'] : ['model'];
  const valueReport = (report: 'lang' | 'competency' | 'task') => {
    const names = columns[report];
    const lines = [csvLine([...lead, ...names].map(csvText))];
    for (const { run, table } of tables) {
      const values = formattedValues(table);
      // Only the run's own columns of this report: in another run the same name may be a
      // column of another report (a language `id_nlu` here, id's competency `nlu` there).
      const own = new Set(table.columns[report]);
      const byName = names.map((name) => (own.has(name) ? values.get(name) : undefined));
      table.rows.forEach((row, r) => {
        const cells = byName.map((column) => column?.[r] ?? '');
        lines.push(csvLine([...rowLead(row.model, run, withRun), ...cells]));
      });
    }
    return lines.join('');
  };
  return {
    lang: valueReport('lang'),
    competency: valueReport('competency'),
    task: valueReport('task'),
    missing: missingReport(tables, withRun, withRun ? columns : null),
  };
}

/**
 * A table's values as the reports write them: column -> one text per row. Made once per table,
 * as the run's reports and the merged ones write the same values.
 */
const formatted = new WeakMap<ReportTable, Map<string, string[]>>();

function formattedValues(table: ReportTable): Map<string, string[]> {
  let values = formatted.get(table);
  if (values === undefined) {
    values = new Map();
    const { store, width, position } = table.grid;
    for (const [column, p] of position) {
      values.set(
        column,
        table.rows.map((_, r) => formatNumber(valueAt(store, r * width + p))),
      );
    }
    formatted.set(table, values);
  }
  return values;
}

function rowLead(model: string, run: string, withRun: boolean): string[] {
  return withRun ? [csvText(model), csvText(run)] : [csvText(model)];
}

/**
 * One row per empty or partial cell and reason: `model, [run,] column, reason, detail`. In the
 * merged report (`columns` given), a row's cells in the columns its run does not have are empty
 * too, and listed after the run's own problems.
 */
function missingReport(
  tables: readonly RunTable[],
  withRun: boolean,
  columns: TableColumns | null,
): string {
  const lead = withRun ? ['model', 'run'] : ['model'];
  const lines = [csvLine([...lead, 'column', 'reason', 'detail'])];
  for (const { run, table } of tables) {
    const absent = columns === null ? [] : absentColumns(table, columns, run);
    problems(table).forEach((found, r) => {
      const start = rowLead(table.rows[r]?.model ?? '', run, withRun);
      for (const fields of [...found, ...absent]) lines.push(csvLine([...start, ...fields]));
    });
  }
  return lines.join('');
}

/** The merged columns a run's table does not have, as `column, reason, detail` CSV text. */
function absentColumns(table: ReportTable, columns: TableColumns, run: string): string[][] {
  const detail = `the run ${run} has no results for this column`;
  return (['lang', 'competency', 'task'] as const)
    .flatMap((report) => {
      const own = new Set(table.columns[report]);
      return columns[report].filter((column) => !own.has(column));
    })
    .map((column) => [column, 'missing', detail].map(csvText));
}

/**
 * A table's empty and partial cells as `column, reason, detail` CSV text, per row in column
 * order; found once per table, as the run's report and the merged one list the same cells.
 */
const problemsOf = new WeakMap<ReportTable, string[][][]>();

function problems(table: ReportTable): string[][][] {
  let found = problemsOf.get(table);
  if (found !== undefined) return found;
  const { store, width, position } = table.grid;
  const columns = [...table.columns.lang, ...table.columns.competency, ...table.columns.task];
  const positions = columns.map((column) => position.get(column));
  found = table.rows.map((_, r) => {
    const cells: string[][] = [];
    columns.forEach((column, i) => {
      const p = positions[i];
      if (p === undefined) return;
      for (const [reason, details] of cellProblems(store, r * width + p) ?? []) {
        cells.push([column, reason, details.join('; ')].map(csvText));
      }
    });
    return cells;
  });
  problemsOf.set(table, found);
  return found;
}

/**
 * A cell's problems, one per reason (`problemsByReason`): its own status, then those of inputs
 * without a column of their own (a missing `translations` group under `nlg`).
 */
function cellProblems(store: CellStore, at: number): Map<string, string[]> | null {
  const inner = store.inner.get(at);
  const status = statusAt(store, at);
  if (status === 'ok' && inner === undefined) return null; // most cells: nothing to allocate
  return problemsByReason(status === 'ok' ? null : [status, detailAt(store, at)], inner);
}

/** Union of the runs' columns, ordered by the same rules as one table. */
export function mergeColumns(
  all: readonly TableColumns[],
  seaLanguages: readonly string[],
): TableColumns {
  const origin = new Map<string, ColumnOrigin>();
  for (const c of all)
    for (const [column, o] of c.origin) if (!origin.has(column)) origin.set(column, o);
  const langs = sortByPreference(
    [
      ...new Set([
        ...[...origin.values()].map((o) => o.lang),
        ...all.flatMap((c) => c.lang.filter((col) => !FIXED_LANG_COLUMNS.has(col))),
      ]),
    ],
    seaLanguages,
  );
  const competency: string[] = [];
  const task: string[] = [];
  const competencySet = new Set(all.flatMap((c) => c.competency));
  const taskSet = new Set(all.flatMap((c) => c.task));
  const originsOf = byLanguage(origin, ([, o]) => o.lang);
  for (const lang of langs) {
    const ofLang = originsOf.get(lang) ?? [];
    const comps = sortCompetencies(ofLang.map(([, o]) => o.competency));
    // A competency column under its own language only: `id_x_y` is id's `x_y` or id_x's `y`.
    const ownColumn = (column: string) =>
      competencySet.has(column) && origin.get(column)?.lang === lang;
    // Item by item: spreading a file's 200,000+ task names into push overflows the stack.
    for (const comp of comps) if (ownColumn(`${lang}_${comp}`)) competency.push(`${lang}_${comp}`);
    const place = rankIn(comps);
    const rank = (column: string) => place(origin.get(column)?.competency ?? '');
    const tasks = ofLang.map(([column]) => column).filter((column) => taskSet.has(column));
    for (const column of tasks.sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b))) {
      task.push(column);
    }
  }
  competency.push(...ENGLISH_COLUMNS);
  for (const b of BENCHMARKS) {
    task.push(...b.subtasks.map((s) => s.column).filter((column) => taskSet.has(column)));
  }
  return { lang: ['sea_total', ...langs, 'en', 'total'], competency, task, origin };
}

const FIXED_LANG_COLUMNS: ReadonlySet<string> = new Set(['sea_total', 'en', 'total']);
