/** The numbers the CLI prints at the end and results.json keeps: counts, not prose. */

import type { PipelineResult } from '../pipeline.ts';
import { compareCodePoints } from '../compare.ts';

export interface Summary {
  readonly runs: number;
  readonly models: number;
  readonly baseline_models: number;
  readonly files: { readonly used: number; readonly superseded: number; readonly skipped: number };
  readonly superseded_entries: number;
  readonly failed_values: number;
  readonly partial_aggregates: number;
  readonly limited_models: number;
  readonly warnings: Readonly<Record<string, number>>;
  readonly ignored_tasks: number;
}

export function summarize(result: PipelineResult): Summary {
  const files = { used: 0, superseded: 0, skipped: 0 };
  for (const f of result.files) files[f.status]++;
  const warnings: Record<string, number> = {};
  for (const d of [...result.diagnostics].sort((a, b) => compareCodePoints(a.kind, b.kind))) {
    warnings[d.kind] = (warnings[d.kind] ?? 0) + 1;
  }
  let failed = 0;
  let partial = 0;
  let models = 0;
  let limited = 0;
  for (const { table } of result.runs) {
    const columns = [...table.columns.lang, ...table.columns.competency, ...table.columns.task];
    for (const row of table.rows) {
      if (row.baseline !== null) continue;
      models++;
      if (row.limited) limited++;
      for (const column of columns) {
        const status = row.cells.get(column)?.status;
        if (status === 'failed') failed++;
        else if (status === 'partial') partial++;
      }
    }
  }
  return {
    runs: result.runs.length,
    models,
    baseline_models: result.baselines.reduce((n, b) => n + b.table.rows.length, 0),
    files,
    superseded_entries: result.superseded.length,
    failed_values: failed,
    partial_aggregates: partial,
    limited_models: limited,
    warnings,
    ignored_tasks: [...result.ignoredTasks.values()].reduce((a, b) => a + b, 0),
  };
}
