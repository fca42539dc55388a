/**
 * The contour plot's data: one point per configuration at an explicit checkpoint, with its two
 * hyperparameters (read from the configuration name) and the metric's value.
 */

import type { RowData, RunData } from '../site/site-data.ts';
import { byConfiguration, rowAt, type Checkpoint } from './checkpoints.ts';
import { hyperparameter, type Hyperparameters } from './hyperparameters.ts';
import { formatCompact } from './compact.ts';
import { partialNotes, type Marks } from './columns.ts';

export type ContourRun = Pick<RunData, 'columns'> & {
  readonly rows: readonly (Pick<RowData, 'model' | 'baseline' | 'step' | 'values'> & Marks)[];
};

/** One configuration at its chosen checkpoint. */
export interface ContourPoint {
  readonly configuration: string;
  readonly model: string;
  readonly step: number;
  /** Hyperparameter values as parsed (not log-transformed). */
  readonly x: number;
  readonly y: number;
  readonly value: number;
  /** Why the value is partial (see `partialNotes`); null when it is complete. */
  readonly partial: string | null;
}

export interface ContourInput {
  readonly points: readonly ContourPoint[];
  /** Configurations lacking the x or y hyperparameter. */
  readonly withoutHyperparameters: number;
  /** Configurations whose chosen checkpoint has no value for the metric. */
  readonly withoutMetric: number;
  /** Configurations without the requested step (only with a numeric `step`). */
  readonly withoutStep: number;
}

/**
 * One point per configuration (the run's own rows, grouped by configuration name) at the chosen
 * checkpoint, for hyperparameters `x` and `y` and the metric column `metric` (an index into
 * `run.columns`). Sorted by configuration name.
 */
export function contourInput(
  run: ContourRun,
  hyperparameters: ReadonlyMap<string, Hyperparameters>,
  axes: {
    readonly x: string;
    readonly y: string;
    readonly metric: number;
    /** The metric's name in partial notes (default its column id). */
    readonly metricTitle?: string;
  },
  step: Checkpoint = 'latest',
): ContourInput {
  const points: ContourPoint[] = [];
  let withoutHyperparameters = 0;
  let withoutMetric = 0;
  let withoutStep = 0;
  for (const [name, rows] of byConfiguration(run.rows)) {
    const chosen = rowAt(rows, step);
    if (chosen === undefined) {
      withoutStep += 1;
      continue;
    }
    const hp = hyperparameters.get(chosen.model);
    const x = hyperparameter(hp, axes.x);
    const y = hyperparameter(hp, axes.y);
    if (x === undefined || y === undefined) {
      withoutHyperparameters += 1;
      continue;
    }
    const value = chosen.values[axes.metric];
    if (value === null || value === undefined || !Number.isFinite(value)) {
      withoutMetric += 1;
      continue;
    }
    const title = axes.metricTitle ?? run.columns[axes.metric]?.id ?? '';
    const partial = partialNotes(chosen, [{ column: axes.metric, title }]);
    points.push({
      configuration: name,
      model: chosen.model,
      step: chosen.step,
      x,
      y,
      value,
      partial,
    });
  }
  return { points, withoutHyperparameters, withoutMetric, withoutStep };
}

/** Points with equal (x, y) merged: the mean value, all their configurations. */
export function mergeEqualPositions(points: readonly ContourPoint[]): {
  readonly merged: {
    readonly x: number;
    readonly y: number;
    readonly value: number;
    readonly members: ContourPoint[];
  }[];
  readonly shared: number;
} {
  const byPosition = new Map<string, ContourPoint[]>();
  for (const p of points) {
    const key = `${p.x}|${p.y}`;
    const list = byPosition.get(key);
    if (list === undefined) byPosition.set(key, [p]);
    else list.push(p);
  }
  let shared = 0;
  const merged = [...byPosition.values()].map((members) => {
    if (members.length > 1) shared += members.length;
    const value = members.reduce((sum, p) => sum + p.value, 0) / members.length;
    const first = members[0] ?? { x: 0, y: 0 };
    return { x: first.x, y: first.y, value, members };
  });
  return { merged, shared };
}

/**
 * Why a log axis is refused for these values (some value ≤ 0), as the chart's note says it; null
 * when a log axis is possible. Pages use it to disable a log toggle before it is ticked.
 */
export function logScaleRefusal(key: string, values: readonly number[]): string | null {
  if (values.length === 0) return null;
  const smallest = Math.min(...values);
  if (smallest > 0) return null;
  return `Log scale refused for ${key}: it has values ≤ 0 (smallest ${formatCompact(smallest)}); shown on a linear axis.`;
}
