/**
 * What the chart pickers offer and which choice stands when the URL names none (or one that does
 * not exist): metric columns and checkpoints for Pareto and the contour, hyperparameters for the
 * contour, and the log toggles a contour allows. Pure; the page renders its default chart with
 * the same settings the browser computes, so both draw the same SVG.
 */

import { defaultCheckpoints, runSteps, type Checkpoints } from '../charts/checkpoints.ts';
import { columnIndex, columnTitle } from '../charts/columns.ts';
import { baselineIdOf } from '../config/baseline-id.ts';
import { contourInput, logScaleRefusal, type ContourRun } from '../charts/contour-input.ts';
import {
  hyperparameterKeys,
  hyperparameterNamed,
  type Hyperparameters,
} from '../charts/hyperparameters.ts';
import { metricId } from './metric-id.ts';
import type { ColumnData, Level, RowData, RunData } from './site-data.ts';

/**
 * The run as the charts take it: baseline rows named by their config key (`gemma-3-4b`) rather
 * than their id (`BASELINE_experiments_gemma-3-4b`), so legends and labels stay short. Rows are
 * copied shallowly: their value arrays are shared.
 */
export function chartRun<R extends Pick<RunData, 'section' | 'baselines' | 'rows'>>(run: R): R {
  const names = new Map(run.baselines.map((key) => [baselineIdOf(run.section, key), key]));
  const rows = run.rows.map((row) => {
    const name = row.baseline === null ? undefined : names.get(row.baseline);
    return name === undefined ? row : { ...row, baseline: name };
  });
  return { ...run, rows };
}

export interface MetricChoice {
  /** Column id, the value the charts and the URL take. */
  readonly id: string;
  /** What a reader calls it: `SEA Avg`, `Indonesian nlu`, `English BBH`. */
  readonly title: string;
}

export interface MetricGroup {
  readonly level: Level;
  readonly label: string;
  readonly choices: readonly MetricChoice[];
}

const GROUP_LABELS: Readonly<Record<Level, string>> = {
  lang: 'Languages and averages',
  competency: 'Competencies',
  task: 'Tasks',
};

/** Every column, grouped by level in payload order (ids repeated across levels listed once). */
export function metricGroups(columns: readonly ColumnData[]): MetricGroup[] {
  const seen = new Set<string>();
  return (['lang', 'competency', 'task'] as const).flatMap((level) => {
    const choices: MetricChoice[] = [];
    for (const column of columns) {
      if (column.level !== level || seen.has(column.id)) continue;
      seen.add(column.id);
      choices.push({ id: column.id, title: columnTitle(column) });
    }
    return choices.length === 0 ? [] : [{ level, label: GROUP_LABELS[level], choices }];
  });
}

function hasColumn(columns: readonly ColumnData[], id: string | null): id is string {
  return id !== null && columnIndex(columns, id, 'lang') >= 0;
}

/** What an address asks for, as a column id: the id itself, or a display name (`Thai`). */
function wantedColumn(columns: readonly ColumnData[], wanted: string | null): string | null {
  return wanted === null ? null : (metricId({ columns }, wanted) ?? wanted);
}

/** The first of `preferred` that exists, else the first lang-level column not `other`. */
function defaultColumn(
  columns: readonly ColumnData[],
  preferred: readonly string[],
  other: string | null,
): string {
  const found = preferred.find((id) => id !== other && hasColumn(columns, id));
  if (found !== undefined) return found;
  const fallback = columns.find((c) => c.id !== other) ?? columns[0];
  return fallback?.id ?? '';
}

/** Pareto axes: the URL's when they exist, else SEA Avg against English. */
export function paretoAxes(
  columns: readonly ColumnData[],
  x: string | null,
  y: string | null,
): { readonly x: string; readonly y: string } {
  const wantX = wantedColumn(columns, x);
  const wantY = wantedColumn(columns, y);
  const chosenX = hasColumn(columns, wantX)
    ? wantX
    : defaultColumn(columns, ['sea_total', 'total'], wantY);
  const chosenY = hasColumn(columns, wantY)
    ? wantY
    : defaultColumn(columns, ['en', 'total'], chosenX);
  return { x: chosenX, y: chosenY };
}

export interface ParetoSettings {
  readonly x: string;
  readonly y: string;
  /** The chart's `step` option: the checkpoints the front is over. */
  readonly step: Checkpoints;
}

/**
 * The Pareto plot's settings from what the URL wants: the axes as `paretoAxes`, and the
 * checkpoints when the run has that step, else the default (`defaultCheckpoints`: each
 * configuration's latest, as the contour's; every checkpoint for a run of one configuration).
 */
export function paretoSettings(
  run: Pick<RunData, 'columns'> & {
    readonly rows: readonly Pick<RowData, 'model' | 'baseline' | 'step'>[];
  },
  wanted: {
    readonly x: string | null;
    readonly y: string | null;
    readonly step: Checkpoints | null;
  },
): ParetoSettings {
  const { x, y } = paretoAxes(run.columns, wanted.x, wanted.y);
  const known =
    wanted.step === 'all' ||
    wanted.step === 'latest' ||
    (wanted.step !== null && runSteps(run.rows).includes(wanted.step));
  const step = known && wanted.step !== null ? wanted.step : defaultCheckpoints(run.rows);
  return { x, y, step };
}

export function paretoSettingsKey(settings: ParetoSettings): string {
  return settingsKey([settings.x, settings.y, settings.step]);
}

/** The comparison scatter's axes among lang-level column ids: SEA Avg and Aggregate by default. */
export function scatterAxes(
  ids: readonly string[],
  x: string | null,
  y: string | null,
): { readonly x: string; readonly y: string } {
  const pick = (wanted: string | null, preferred: string, other: string | null) => {
    if (wanted !== null && ids.includes(wanted)) return wanted;
    if (ids.includes(preferred) && preferred !== other) return preferred;
    return ids.find((id) => id !== other) ?? ids[0] ?? preferred;
  };
  const chosenX = pick(x, 'sea_total', y);
  return { x: chosenX, y: pick(y, 'total', chosenX) };
}

export interface ContourChoices {
  /** Hyperparameter names found in the run's configuration names, sorted by code point. */
  readonly keys: readonly string[];
  /** The run's own checkpoints, ascending. */
  readonly steps: readonly number[];
}

export function contourChoices(
  run: ContourRun,
  hyperparameters: ReadonlyMap<string, Hyperparameters>,
): ContourChoices {
  const own = run.rows.filter((r) => r.baseline === null);
  const keys = hyperparameterKeys(
    new Map(own.map((r) => [r.model, hyperparameters.get(r.model) ?? {}])),
  );
  return { keys, steps: runSteps(run.rows) };
}

export interface ContourWanted {
  readonly x: string | null;
  readonly y: string | null;
  readonly metric: string | null;
  readonly logX: boolean;
  readonly logY: boolean;
  readonly step: number | null;
}

export interface ContourSettings {
  readonly x: string;
  readonly y: string;
  readonly metric: string;
  /** Log axes as drawn: a wanted log axis the values refuse is off. */
  readonly logX: boolean;
  readonly logY: boolean;
  /** The chart's `step` option. */
  readonly step: 'latest' | number;
  /** Why a log toggle is disabled (the chart's note), or null when it is allowed. */
  readonly refusalX: string | null;
  readonly refusalY: string | null;
}

/**
 * The contour's settings from what the URL wants: hyperparameters as hyperparameterNamed reads
 * them (`lr` for `LR`), unknown names falling back to the defaults (the first two
 * hyperparameters, Aggregate, the latest step), and a log axis is refused, with the chart's own
 * note, when a value on it is ≤ 0. Null when the run has fewer than 2 hyperparameters.
 */
export function contourSettings(
  run: ContourRun,
  hyperparameters: ReadonlyMap<string, Hyperparameters>,
  wanted: ContourWanted,
): ContourSettings | null {
  const { keys, steps } = contourChoices(run, hyperparameters);
  if (keys.length < 2) return null;
  const named = (key: string | null) => (key === null ? null : hyperparameterNamed(keys, key));
  const pick = (key: string | null, other: string | null) =>
    key ?? keys.find((k) => k !== other) ?? '';
  const wantedY = named(wanted.y);
  const x = pick(named(wanted.x), wantedY);
  const y = pick(wantedY !== x ? wantedY : null, x);
  const wantedMetric = wantedColumn(run.columns, wanted.metric);
  const metric = hasColumn(run.columns, wantedMetric)
    ? wantedMetric
    : defaultColumn(run.columns, ['total', 'sea_total'], null);
  const step = wanted.step !== null && steps.includes(wanted.step) ? wanted.step : 'latest';
  const { points } = contourInput(
    run,
    hyperparameters,
    { x, y, metric: columnIndex(run.columns, metric, 'lang') },
    step,
  );
  const refusalX = logScaleRefusal(
    x,
    points.map((p) => p.x),
  );
  const refusalY = logScaleRefusal(
    y,
    points.map((p) => p.y),
  );
  return {
    x,
    y,
    metric,
    logX: wanted.logX && refusalX === null,
    logY: wanted.logY && refusalY === null,
    step,
    refusalX,
    refusalY,
  };
}

/**
 * The settings a chart was drawn with, as text: the page puts it on the chart's host
 * (`data-settings`) so the browser redraws only when its settings differ.
 */
export function settingsKey(parts: readonly (string | number | boolean)[]): string {
  return JSON.stringify(parts);
}

export function contourSettingsKey(settings: ContourSettings): string {
  const { x, y, metric, logX, logY, step } = settings;
  return settingsKey([x, y, metric, logX, logY, step]);
}
