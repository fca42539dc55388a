/**
 * A model of a run named as readers name it: its row's name as the table shows it
 * (`BASELINE_experiments_qwen3-4b_00000`), or a baseline's config key (`qwen3-4b`). Write-up
 * props and page addresses (`ref=`, `model=`) both take them. Pure and small: the run page's
 * script imports it.
 */

import { baselineIdOf } from '../config/baseline-id.ts';
import type { RowData, RunData } from './site-data.ts';

/** A model name, or the row of a baseline given by its config key; null when unknown. */
export function modelName(
  run: Pick<RunData, 'section' | 'baselines'> & {
    readonly rows: readonly Pick<RowData, 'model' | 'baseline'>[];
  },
  name: string,
): string | null {
  if (run.rows.some((r) => r.model === name)) return name;
  if (!run.baselines.includes(name)) return null;
  const id = baselineIdOf(run.section, name);
  return run.rows.find((r) => r.baseline === id)?.model ?? null;
}
