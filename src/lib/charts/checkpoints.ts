/**
 * Which checkpoints a chart compares the run's configurations at: each configuration's latest,
 * one step for all, or (the Pareto plot) every checkpoint. Baseline rows are not checkpoints of
 * the run and are left to the caller.
 */

import { compareCodePoints } from '../compare.ts';
import type { RowData } from '../site/site-data.ts';
import { configurationName } from './hyperparameters.ts';

/** A checkpoint standing for each configuration: its latest step, or a given step. */
export type Checkpoint = 'latest' | number;
/** The Pareto plot's choice: also every checkpoint of every configuration. */
export type Checkpoints = 'all' | Checkpoint;

type StepRow = Pick<RowData, 'model' | 'baseline' | 'step'>;

/** The run's own checkpoints (baselines aside), ascending. */
export function runSteps(rows: readonly StepRow[]): number[] {
  const own = rows.filter((r) => r.baseline === null);
  return [...new Set(own.map((r) => r.step))].sort((a, b) => a - b);
}

/** The run's own rows grouped by configuration name, the names in code-point order. */
export function byConfiguration<R extends StepRow>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    if (row.baseline !== null) continue;
    const name = configurationName(row.model);
    const list = groups.get(name);
    if (list === undefined) groups.set(name, [row]);
    else list.push(row);
  }
  return new Map([...groups].sort(([a], [b]) => compareCodePoints(a, b)));
}

/** One configuration's row at a checkpoint; undefined when it has no such step. */
export function rowAt<R extends StepRow>(rows: readonly R[], step: Checkpoint): R | undefined {
  if (step === 'latest') {
    return rows.reduce<R | undefined>(
      (a, b) => (a === undefined || b.step > a.step ? b : a),
      undefined,
    );
  }
  return rows.find((r) => r.step === step);
}

export interface CheckpointRows<R> {
  /** The chosen own rows, in the run's order (so marks keep their order whatever the choice). */
  readonly rows: readonly R[];
  /** How many configurations the run has. */
  readonly configurations: number;
  /** Configurations without the chosen step (only with a numeric step). */
  readonly withoutStep: number;
}

/** The run's own rows at a choice of checkpoints. */
export function rowsAt<R extends StepRow>(
  rows: readonly R[],
  step: Checkpoints,
): CheckpointRows<R> {
  const groups = byConfiguration(rows);
  const own = rows.filter((r) => r.baseline === null);
  if (step === 'all') return { rows: own, configurations: groups.size, withoutStep: 0 };
  const chosen = new Set<R>();
  for (const list of groups.values()) {
    const row = rowAt(list, step);
    if (row !== undefined) chosen.add(row);
  }
  return {
    rows: own.filter((r) => chosen.has(r)),
    configurations: groups.size,
    withoutStep: groups.size - chosen.size,
  };
}

/**
 * The Pareto plot's default: each configuration's latest step, as the contour's, so the front is
 * among configurations rather than between one's own checkpoints; but every checkpoint when the
 * run has one configuration (a hero run), where the latest alone would be a single point.
 */
export function defaultCheckpoints(rows: readonly StepRow[]): Checkpoints {
  return byConfiguration(rows).size > 1 ? 'latest' : 'all';
}

/** A checkpoint in running text: `its latest step` or `step 3000`. */
export function checkpointText(step: Checkpoint): string {
  return step === 'latest' ? 'its latest step' : `step ${step}`;
}
