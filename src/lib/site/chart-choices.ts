/**
 * What the chart pickers offer and which choice stands when the URL names none (or one that does
 * not exist): metric columns and checkpoints for Pareto and the contour, hyperparameters for the
 * contour, and the log toggles a contour allows. Pure; the page renders its default chart with
 * the same settings the browser computes, so both draw the same SVG.
 */

import { defaultCheckpoints, rowsAt, runSteps, type Checkpoints } from '../charts/checkpoints.ts';
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

type ValueRow = Pick<RowData, 'baseline' | 'values'>;

const PARETO_X = ['sea_total', 'total'];
const PARETO_Y = ['en', 'total'];
const CONTOUR_METRIC = ['total', 'sea_total', 'en'];

/** The rows a default is judged on: the run's own, or all of a run of baselines alone. */
function judgedRows(rows: readonly ValueRow[]): readonly ValueRow[] {
  const own = rows.filter((r) => r.baseline === null);
  return own.length > 0 ? own : rows;
}

/** Whether some row has a value in each of the columns (ids, the lang level's first). */
function someRowHas(
  columns: readonly ColumnData[],
  rows: readonly ValueRow[],
  ids: readonly string[],
): boolean {
  const at = ids.map((id) => columnIndex(columns, id, 'lang'));
  if (at.some((i) => i < 0)) return false;
  return rows.some((r) => at.every((i) => (r.values[i] ?? null) !== null));
}

/** `preferred`, then the lang- and competency-level columns in payload order, each once. */
function candidates(columns: readonly ColumnData[], preferred: readonly string[]): string[] {
  const rest = columns.filter((c) => c.level !== 'task').map((c) => c.id);
  return [...new Set([...preferred, ...rest])];
}

/** The first of `ids` (not `other`) some row has a value in, with one in `other` when given. */
function firstWithValues(
  columns: readonly ColumnData[],
  rows: readonly ValueRow[],
  ids: readonly string[],
  other: string | null,
): string | null {
  const paired = other === null ? [] : [other];
  return ids.find((id) => id !== other && someRowHas(columns, rows, [id, ...paired])) ?? null;
}

/**
 * Pareto axes: the URL's when they exist, else SEA Avg against English. A run scored on one side
 * only (SEA-HELM or lm-eval files alone) has no model with both, and its chart would say only
 * that: it gets the first pair (lang- and competency-level columns, in order) that some model
 * has both values of. `rows` are those drawn (`paretoRows`; none: the columns alone decide).
 */
export function paretoAxes(
  columns: readonly ColumnData[],
  x: string | null,
  y: string | null,
  rows: readonly ValueRow[] = [],
): { readonly x: string; readonly y: string } {
  const wantX = wantedColumn(columns, x);
  const wantY = wantedColumn(columns, y);
  const givenX = hasColumn(columns, wantX) ? wantX : null;
  const givenY = hasColumn(columns, wantY) ? wantY : null;
  const xs = candidates(columns, PARETO_X);
  const ys = candidates(columns, PARETO_Y);
  if (givenX === null && givenY === null) {
    for (const id of xs) {
      if (!someRowHas(columns, rows, [id])) continue;
      const pair = firstWithValues(columns, rows, ys, id);
      if (pair !== null) return { x: id, y: pair };
    }
  }
  const chosenX =
    givenX ?? firstWithValues(columns, rows, xs, givenY) ?? defaultColumn(columns, PARETO_X, wantY);
  const chosenY =
    givenY ??
    firstWithValues(columns, rows, ys, chosenX) ??
    defaultColumn(columns, PARETO_Y, chosenX);
  return { x: chosenX, y: chosenY };
}

/**
 * The rows a default Pareto pair is judged on: the run's own at the checkpoints drawn, or every
 * row of a run of baselines alone.
 */
export function paretoRows<R extends Pick<RowData, 'model' | 'baseline' | 'step' | 'values'>>(
  rows: readonly R[],
  step: Checkpoints,
): readonly R[] {
  const chosen = rowsAt(rows, step).rows;
  return chosen.length > 0 ? chosen : rows;
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
    readonly rows: readonly Pick<RowData, 'model' | 'baseline' | 'step' | 'values'>[];
  },
  wanted: {
    readonly x: string | null;
    readonly y: string | null;
    readonly step: Checkpoints | null;
  },
): ParetoSettings {
  const known =
    wanted.step === 'all' ||
    wanted.step === 'latest' ||
    (wanted.step !== null && runSteps(run.rows).includes(wanted.step));
  const step = known && wanted.step !== null ? wanted.step : defaultCheckpoints(run.rows);
  const { x, y } = paretoAxes(run.columns, wanted.x, wanted.y, paretoRows(run.rows, step));
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
 * The contour's metric when none is chosen: Aggregate, else the first metric the run's models
 * have values of (SEA Avg, English, ...: a run scored on one side only has no Aggregate).
 */
export function defaultContourMetric(run: Pick<ContourRun, 'columns' | 'rows'>): string {
  const ids = candidates(run.columns, CONTOUR_METRIC);
  return (
    firstWithValues(run.columns, judgedRows(run.rows), ids, null) ??
    defaultColumn(run.columns, ['total', 'sea_total'], null)
  );
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
  const metric = hasColumn(run.columns, wantedMetric) ? wantedMetric : defaultContourMetric(run);
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
