/**
 * The four CSV reports of a run, and of all runs merged (scoring.md section 6). Pure: tables in,
 * file contents out.
 */

import { compareCodePoints } from '../compare.ts';
import { sortByPreference, sortCompetencies } from '../score/languages.ts';
import type { ColumnOrigin, Table, TableColumns } from '../score/table.ts';
import { ENGLISH_COLUMNS, BENCHMARKS } from '../score/english-benchmarks.ts';
import { csvLine, csvText, formatNumber } from './format.ts';

export type ReportName = 'lang' | 'competency' | 'task' | 'missing';

export const REPORT_FILES: Readonly<Record<ReportName, string>> = {
  lang: 'lang_report.csv',
  competency: 'competency_report.csv',
  task: 'task_report.csv',
  missing: 'missing_report.csv',
};

/** One run's rows, tagged with the run for the merged reports. */
export interface RunTable {
  readonly run: string;
  readonly table: Table;
}

export function runReports(table: Table): Record<ReportName, string> {
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
  const valueReport = (names: readonly string[]) => {
    let text = csvLine([...lead, ...names].map(csvText));
    for (const { run, table } of tables) {
      for (const row of table.rows) {
        const values = names.map((name) => formatNumber(row.cells.get(name)?.value ?? null));
        text += csvLine([...rowLead(row.model, run, withRun), ...values]);
      }
    }
    return text;
  };
  return {
    lang: valueReport(columns.lang),
    competency: valueReport(columns.competency),
    task: valueReport(columns.task),
    missing: missingReport(tables, withRun),
  };
}

function rowLead(model: string, run: string, withRun: boolean): string[] {
  return withRun ? [csvText(model), csvText(run)] : [csvText(model)];
}

/** One row per empty or partial cell: `model, [run,] column, reason, detail`. */
function missingReport(tables: readonly RunTable[], withRun: boolean): string {
  const lead = withRun ? ['model', 'run'] : ['model'];
  let text = csvLine([...lead, 'column', 'reason', 'detail']);
  for (const { run, table } of tables) {
    const columns = [...table.columns.lang, ...table.columns.competency, ...table.columns.task];
    for (const row of table.rows) {
      for (const column of columns) {
        const cell = row.cells.get(column);
        if (cell === undefined) continue;
        const reasons = cell.status === 'ok' ? [] : [{ reason: cell.status, detail: cell.detail }];
        for (const { reason, detail } of [...(cell.inner ?? []), ...reasons]) {
          const fields = [column, reason, detail].map(csvText);
          text += csvLine([...rowLead(row.model, run, withRun), ...fields]);
        }
      }
    }
  }
  return text;
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
    [...new Set([...origin.values()].map((o) => o.lang))]
      .concat(all.flatMap((c) => c.lang.filter((col) => !FIXED_LANG_COLUMNS.has(col))))
      .filter((lang, i, list) => list.indexOf(lang) === i),
    seaLanguages,
  );
  const competency: string[] = [];
  const task: string[] = [];
  const competencySet = new Set(all.flatMap((c) => c.competency));
  const taskSet = new Set(all.flatMap((c) => c.task));
  for (const lang of langs) {
    const ofLang = [...origin].filter(([, o]) => o.lang === lang);
    const comps = sortCompetencies(ofLang.map(([, o]) => o.competency));
    competency.push(
      ...comps.map((comp) => `${lang}_${comp}`).filter((col) => competencySet.has(col)),
    );
    const rank = (column: string) => comps.indexOf(origin.get(column)?.competency ?? '');
    const tasks = ofLang.map(([column]) => column).filter((column) => taskSet.has(column));
    task.push(...tasks.sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b)));
  }
  competency.push(...ENGLISH_COLUMNS);
  for (const b of BENCHMARKS) {
    task.push(...b.subtasks.map((s) => s.column).filter((column) => taskSet.has(column)));
  }
  return { lang: ['sea_total', ...langs, 'en', 'total'], competency, task, origin };
}

const FIXED_LANG_COLUMNS: ReadonlySet<string> = new Set(['sea_total', 'en', 'total']);
