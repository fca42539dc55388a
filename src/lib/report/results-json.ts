/**
 * `results.json`: the results dictionary of the original app (per run and per baseline: lang,
 * competency and task tables with `_meta`), at full precision, with stderr and coverage, plus
 * every file's fate and every warning. Deterministic: no clock, no absolute paths.
 */

import type { PipelineResult } from '../pipeline.ts';
import type { Cell } from '../score/cell.ts';
import type { Table } from '../score/table.ts';
import { summarize } from './summary.ts';

export function resultsJson(result: PipelineResult): string {
  const results: Record<string, unknown> = {};
  for (const { run, table, baselines } of result.runs) {
    results[run.key] = {
      _meta: {
        is_hero_run: run.isHeroRun,
        has_baseline: table.rows.some((r) => r.baseline !== null),
        is_baseline: false,
        baseline_for: [],
        baselines: baselines.map((b) => `BASELINE_${b.section}_${b.key}`),
      },
      ...tablesJson(table),
    };
  }
  for (const { baseline, id, table } of result.baselines) {
    results[id] = {
      _meta: {
        is_hero_run: false,
        has_baseline: false,
        is_baseline: true,
        baseline_for: baseline.targets,
        section: baseline.section,
      },
      ...tablesJson(table),
    };
  }
  const document = {
    generator: 'seahelm-leaderboard',
    sea_languages: result.seaLanguages,
    summary: summarize(result),
    results,
    files: result.files,
    superseded: result.superseded,
    ignored_tasks: Object.fromEntries(result.ignoredTasks),
    warnings: result.diagnostics,
  };
  return `${JSON.stringify(document)}\n`;
}

function tablesJson(table: Table) {
  return {
    lang: tableJson(table, table.columns.lang),
    competency: tableJson(table, table.columns.competency),
    task: tableJson(table, table.columns.task),
  };
}

function tableJson(table: Table, columns: readonly string[]) {
  return {
    columns,
    rows: table.rows.map((row) => ({
      model: row.model,
      baseline: row.baseline,
      step: row.step,
      limited: row.limited,
      // aligned with `columns`; the sparse maps below only name the cells that need it
      values: columns.map((c) => row.cells.get(c)?.value ?? null),
      ...details(columns, row.cells),
    })),
  };
}

/** Only the cells that have something to say, to keep the file small. */
function details(columns: readonly string[], cells: ReadonlyMap<string, Cell>) {
  const status: Record<string, string> = {};
  const coverage: Record<string, readonly [number, number]> = {};
  const reason: Record<string, string> = {};
  const stderr: Record<string, number> = {};
  const inner: Record<string, unknown> = {};
  for (const column of columns) {
    const cell = cells.get(column);
    if (cell === undefined) continue;
    if (cell.inner !== undefined) inner[column] = cell.inner;
    if (cell.status !== 'ok') status[column] = cell.status;
    if (cell.coverage !== null) coverage[column] = cell.coverage;
    if (cell.detail !== '') reason[column] = cell.detail;
    if (cell.stderr !== null) stderr[column] = cell.stderr;
  }
  return { status, coverage, reason, stderr, inner };
}
