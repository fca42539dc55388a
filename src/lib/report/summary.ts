/** The numbers the CLI prints at the end and results.json keeps: counts, not prose. */

import type { PipelineResult } from '../pipeline.ts';
import { compareCodePoints } from '../compare.ts';
import { statusAt } from '../score/cell-store.ts';
import type { Table, TableRow } from '../score/table.ts';

export interface Summary {
  readonly runs: number;
  readonly models: number;
  readonly baseline_models: number;
  readonly files: { readonly used: number; readonly superseded: number; readonly skipped: number };
  readonly superseded_entries: number;
  /** In the runs' own models: a baseline merged into several runs would count once each. */
  readonly failed_values: number;
  /** Values present but not finite numbers (strings, null, NaN), in the runs' own models. */
  readonly invalid_values: number;
  /** In the baselines' own tables, each baseline once. */
  readonly baseline_failed_values: number;
  readonly baseline_invalid_values: number;
  readonly partial_aggregates: number;
  readonly limited_models: number;
  readonly warnings: Readonly<Record<string, number>>;
  readonly ignored_tasks: number;
}

/** Made once per result: the CLI prints it and results.json holds it. */
const summaries = new WeakMap<PipelineResult, Summary>();

export function summarize(result: PipelineResult): Summary {
  let summary = summaries.get(result);
  if (summary === undefined) {
    summary = countAll(result);
    summaries.set(result, summary);
  }
  return summary;
}

function countAll(result: PipelineResult): Summary {
  const files = { used: 0, superseded: 0, skipped: 0 };
  for (const f of result.files) files[f.status]++;
  const warnings: Record<string, number> = {};
  for (const d of [...result.diagnostics].sort((a, b) => compareCodePoints(a.kind, b.kind))) {
    warnings[d.kind] = (warnings[d.kind] ?? 0) + 1;
  }
  const own = { failed: 0, invalid: 0, partial: 0 };
  let models = 0;
  let limited = 0;
  for (const { table } of result.runs) {
    countValues(table, (row) => row.baseline === null, own);
    for (const row of table.rows) {
      if (row.baseline !== null) continue;
      models++;
      if (row.limited) limited++;
    }
  }
  const baselines = { failed: 0, invalid: 0, partial: 0 };
  for (const { table } of result.baselines) countValues(table, () => true, baselines);
  return {
    runs: result.runs.length,
    models,
    baseline_models: result.baselines.reduce((n, b) => n + b.table.rows.length, 0),
    files,
    superseded_entries: result.superseded.length,
    failed_values: own.failed,
    invalid_values: own.invalid,
    baseline_failed_values: baselines.failed,
    baseline_invalid_values: baselines.invalid,
    partial_aggregates: own.partial,
    limited_models: limited,
    warnings,
    ignored_tasks: [...result.ignoredTasks.values()].reduce((a, b) => a + b, 0),
  };
}

interface ValueCounts {
  failed: number;
  invalid: number;
  partial: number;
}

/** Adds to `counts` the failed, invalid and partial values of the rows `counted` keeps. */
function countValues(table: Table, counted: (row: TableRow) => boolean, counts: ValueCounts): void {
  const columns = [...table.columns.lang, ...table.columns.competency, ...table.columns.task];
  const { store, width, position } = table.grid;
  const positions = columns.map((column) => position.get(column));
  // Inputs without a column of their own (a pragmatic raw task) count too, as the missing
  // report lists them under a column's cell; few cells have any, so they are looked up here.
  const columnPositions = new Set(positions);
  for (const [at, problems] of store.inner) {
    const row = table.rows[Math.floor(at / width)];
    if (row === undefined || !counted(row) || !columnPositions.has(at % width)) continue;
    for (const { reason } of problems) {
      if (reason === 'failed') counts.failed++;
      else if (reason === 'invalid') counts.invalid++;
    }
  }
  table.rows.forEach((row, r) => {
    if (!counted(row)) return;
    for (const p of positions) {
      if (p === undefined) continue;
      const status = statusAt(store, r * width + p);
      if (status === 'failed') counts.failed++;
      else if (status === 'invalid') counts.invalid++;
      else if (status === 'partial') counts.partial++;
    }
  });
}
