/**
 * Pareto plot of two metrics, both maximised (original-app.md section 6.5, fixing B22 and B24).
 *
 * - Every model with both values is drawn; dominated ones muted, the front highlighted and joined
 *   in x order by a dashed line. Front rule and ties: see `pareto-front.ts` (points equal on both
 *   axes are all on the front or all off it).
 * - The front is computed over the run's own models at the chosen checkpoints (`step`): each
 *   configuration's latest step, one step (configurations without it are left out and counted) or
 *   every checkpoint (B22 mixed them all, with no choice); the notes always say which. Baselines
 *   are reference marks (an outlined ✕ with their name), drawn whatever the checkpoints, and take
 *   part only with `baselinesOnFront: true`.
 * - Colour by the first hyperparameter, shape by the second (names sorted by code point unless
 *   `colorBy` / `shapeBy` say otherwise); models without the value are `n/a` (grey, and a ring).
 *   Up to 10 colour values are categorical, more get a sequential scale by rank; shapes repeat
 *   after 7 values (said in the notes).
 * - Models missing x or y are left out and counted in the description and the notes.
 */

import type { ColumnData, RowData, RunData } from '../site/site-data.ts';
import { frameOf, linearAxis, paddedExtent, xAxis, yAxis, type Frame } from './axes.ts';
import { boxAround, labelsBeside, placeLabels, type LabelSpot } from './labels.ts';
import {
  ACCENT,
  BASELINE_CROSS,
  BASELINE_RADIUS,
  BG,
  categorical,
  FG,
  MUTED,
  PALETTE_SIZE,
  SHAPES,
  sequentialMark,
  NA_SHAPE,
  shapeAt,
  type ShapeName,
} from './colors.ts';
import { columnIndex, columnTitle, partialNotes, type Marks } from './columns.ts';
import {
  hyperparameter,
  hyperparameterKeys,
  hyperparameterText,
  type Hyperparameters,
} from './hyperparameters.ts';
import { crossSwatch, legend, lineSwatch, shapeSwatch, type LegendItem } from './legend.ts';
import { marker } from './marker.ts';
import { paretoFront } from './pareto-front.ts';
import { chartMessage, chartSvg, type ChartFrameOptions, type ChartResult } from './result.ts';
import { shortNames } from './short-names.ts';
import { dataNum, el, FONT_SIZE, idPrefix, num, svgRoot, text } from './svg.ts';
import { formatExact } from './compact.ts';
import { checkpointText, defaultCheckpoints, rowsAt, type Checkpoints } from './checkpoints.ts';
import { plural } from '../site/format.ts';
import { markerRadius, partialPointsNote, partialRing } from './partial-mark.ts';

export interface ParetoOptions extends ChartFrameOptions {
  /** Column id of the x metric (any level), e.g. `sea_total`. */
  readonly x: string;
  /** Column id of the y metric. */
  readonly y: string;
  /** Model name -> parsed hyperparameters (see `modelHyperparameters`); none: one colour. */
  readonly hyperparameters?: ReadonlyMap<string, Hyperparameters>;
  /** Hyperparameter for colour; default the first name; null = no colour grouping. */
  readonly colorBy?: string | null;
  /** Hyperparameter for shape; default the second name; null = no shape grouping. */
  readonly shapeBy?: string | null;
  /** Let baselines take part in the front (default false). */
  readonly baselinesOnFront?: boolean;
  /**
   * The checkpoints drawn: `latest` of each configuration, a step, or `all`; default
   * `defaultCheckpoints` (latest, or all for a run of one configuration).
   */
  readonly step?: Checkpoints;
}

export type ParetoRun = Pick<RunData, 'columns' | 'rows'>;
export type ParetoReason = 'unknown-metric' | 'same-metric' | 'no-points';

type ParetoRow = Pick<RowData, 'model' | 'baseline' | 'step' | 'values' | 'limited'> & Marks;

interface Point {
  readonly row: ParetoRow;
  readonly x: number;
  readonly y: number;
  readonly colorKey: string;
  readonly shapeKey: string;
}

const NA = 'n/a';
const NA_COLOR = '#9e9e9e';

function finiteAt(row: ParetoRow, column: number): number | null {
  const v = row.values[column];
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/** Distinct values of one hyperparameter, ascending; `n/a` last when some model lacks it. */
function groupValues(
  rows: readonly ParetoRow[],
  hp: ReadonlyMap<string, Hyperparameters>,
  key: string | null,
): string[] {
  if (key === null) return [];
  const numbers = new Set<number>();
  let missing = false;
  for (const row of rows) {
    const v = hyperparameter(hp.get(row.model), key);
    if (v === undefined) missing = true;
    else numbers.add(v);
  }
  const keys = [...numbers].sort((a, b) => a - b).map(formatExact);
  return missing ? [...keys, NA] : keys;
}

function groupKey(
  hp: ReadonlyMap<string, Hyperparameters>,
  model: string,
  key: string | null,
): string {
  if (key === null) return '';
  const v = hyperparameter(hp.get(model), key);
  return v === undefined ? NA : formatExact(v);
}

function colorScale(values: readonly string[]): (key: string) => string {
  const known = values.filter((v) => v !== NA);
  const index = new Map(known.map((v, i) => [v, i]));
  return (key) => {
    const i = index.get(key);
    if (i === undefined) return key === '' ? categorical(0) : NA_COLOR;
    if (known.length <= PALETTE_SIZE) return categorical(i);
    return sequentialMark(known.length === 1 ? 0.5 : i / (known.length - 1));
  };
}

function shapeScale(values: readonly string[]): (key: string) => ShapeName {
  const known = values.filter((v) => v !== NA);
  const index = new Map(known.map((v, i) => [v, i]));
  return (key) => {
    const i = index.get(key);
    if (i !== undefined) return shapeAt(i);
    return key === NA ? NA_SHAPE : 'circle'; // '': no shape hyperparameter at all
  };
}

/**
 * Which checkpoints the front is over, for the notes: a chart without controls (a write-up)
 * must say it, and the latest steps of configurations trained for different lengths are not an
 * equal comparison (as the contour says).
 */
function checkpointNote(
  step: Checkpoints,
  configurations: number,
  drawn: readonly Pick<RowData, 'step'>[],
): string {
  if (step === 'all') {
    return configurations > 1
      ? "The front is over every checkpoint of every configuration, so a configuration's checkpoints compete with each other; choose one checkpoint to compare the configurations at equal training."
      : 'The front is over every checkpoint.';
  }
  if (step !== 'latest') return `The front is over the configurations at step ${step}.`;
  const steps = [...new Set(drawn.map((r) => r.step))].sort((a, b) => a - b);
  const spread =
    steps.length > 1
      ? ` They are at different steps (${steps[0]} to ${steps.at(-1)}); choose one checkpoint to compare them at equal training.`
      : '';
  return `The front is over each configuration at its latest step.${spread}`;
}

/** The baselines' labels beside their crosses: their keys, cut to leave room for others. */
function baselineLabels(baselines: readonly Point[]): string[] {
  return shortNames(
    baselines.map((p) => p.row.baseline ?? p.row.model),
    24,
  );
}

/** How far a label's text stays from a mark's centre: clear of the cross and the ring. */
const LABEL_OFFSET = 9;

/**
 * Where each baseline's label goes: above its cross on the side towards the plot's middle,
 * else on the other side, else below; never over another label, a baseline's cross or a point
 * of the front (the labels' halo would hide them), nor onto the legend. Null: no room.
 */
function baselineLabelSpots(
  baselines: readonly Point[],
  labelTexts: readonly string[],
  front: readonly Point[],
  x: (v: number) => number,
  y: (v: number) => number,
  frame: Frame,
  width: number,
): (LabelSpot | null)[] {
  const around = (p: Point, r: number) => boxAround(x(p.x), y(p.y), r);
  const obstacles = [
    ...front.filter((p) => p.row.baseline === null).map((p) => around(p, markerRadius(90) + 1)),
    ...baselines.map((p) => around(p, BASELINE_RADIUS)),
  ];
  const middle = (frame.left + frame.right) / 2;
  const offset = { dx: LABEL_OFFSET, above: 7, below: 7 + FONT_SIZE };
  const labels = labelsBeside(
    baselines.map((p) => ({ x: x(p.x), y: y(p.y) })),
    labelTexts,
    FONT_SIZE,
    middle,
    offset,
  );
  // The legend ends 14 px above the frame (see the frame's top margin).
  const bounds = { left: 0, right: width, top: frame.top - 12, bottom: frame.bottom };
  return placeLabels(labels, obstacles, bounds);
}

/** Models named in the --limit note; the rest are counted. */
const LISTED_LIMITED = 3;

/**
 * lm-eval --limit checkpoints among the drawn models, when an axis reads English (English, its
 * benchmarks, or Aggregate): their place, on the front or not, is not comparable, which the
 * tables and the progress chart say and the plot must too.
 */
export function limitedNote(
  rows: readonly Pick<RowData, 'model' | 'baseline' | 'limited'>[],
  axes: readonly Pick<ColumnData, 'id' | 'lang'>[],
): string | null {
  if (!axes.some((c) => c.lang === 'en' || c.id === 'total')) return null;
  const names = rows.filter((r) => r.baseline === null && r.limited).map((r) => r.model);
  if (names.length === 0) return null;
  const shown = names.slice(0, LISTED_LIMITED).join(', ');
  const more = names.length > LISTED_LIMITED ? ` and ${names.length - LISTED_LIMITED} more` : '';
  return names.length === 1
    ? `${shown} is an lm-eval --limit run: its English scores are not comparable.`
    : `${names.length} models are lm-eval --limit runs (${shown}${more}): their English scores are not comparable.`;
}

export function paretoChart(run: ParetoRun, options: ParetoOptions): ChartResult<ParetoReason> {
  const xi = columnIndex(run.columns, options.x, 'lang');
  const yi = columnIndex(run.columns, options.y, 'lang');
  const xColumn: ColumnData | undefined = run.columns[xi];
  const yColumn: ColumnData | undefined = run.columns[yi];
  if (xColumn === undefined || yColumn === undefined) {
    const unknown = xColumn === undefined ? options.x : options.y;
    return chartMessage('unknown-metric', `Unknown metric: ${unknown}.`);
  }
  if (xi === yi) return chartMessage('same-metric', 'Choose two different metrics.');
  const width = options.width ?? 720;
  const height = options.height ?? 480;
  const id = idPrefix(options.id ?? 'pareto');
  const hp = options.hyperparameters ?? new Map<string, Hyperparameters>();
  const xTitle = columnTitle(xColumn);
  const yTitle = columnTitle(yColumn);

  const step = options.step ?? defaultCheckpoints(run.rows);
  const chosen = rowsAt(run.rows, step);
  const rows = [...chosen.rows, ...run.rows.filter((r) => r.baseline !== null)];
  const complete = rows.filter((r) => finiteAt(r, xi) !== null && finiteAt(r, yi) !== null);
  const excluded = rows.length - complete.length;
  if (complete.length === 0) {
    const at = step === 'all' ? '' : ` at ${checkpointText(step)}`;
    return chartMessage('no-points', `No model has both ${xTitle} and ${yTitle}${at}.`);
  }
  const own = complete.filter((r) => r.baseline === null);
  const names = hyperparameterKeys(new Map(own.map((r) => [r.model, hp.get(r.model) ?? {}])));
  const colorBy = options.colorBy === undefined ? (names[0] ?? null) : options.colorBy;
  const shapeBy = options.shapeBy === undefined ? (names[1] ?? null) : options.shapeBy;
  const colorValues = groupValues(own, hp, colorBy);
  const shapeValues = groupValues(own, hp, shapeBy);
  const colorOf = colorScale(colorValues);
  const shapeOf = shapeScale(shapeValues);

  const points: Point[] = complete.map((row) => ({
    row,
    x: finiteAt(row, xi) ?? 0,
    y: finiteAt(row, yi) ?? 0,
    colorKey: groupKey(hp, row.model, colorBy),
    shapeKey: groupKey(hp, row.model, shapeBy),
  }));
  const candidates = points.filter(
    (p) => options.baselinesOnFront === true || p.row.baseline === null,
  );
  const front = paretoFront(candidates)
    .map((i) => candidates[i])
    .filter((p) => p !== undefined);
  const onFront = new Set<Point>(front);

  // Legend.
  const items: LegendItem[] = [];
  if (colorBy !== null && colorValues.length > 0) {
    items.push({ series: null, label: colorBy, swatch: '' });
    for (const v of colorValues) {
      const swatch = shapeSwatch('circle', colorOf(v));
      items.push({ series: `color:${v}`, label: v, swatch, group: colorBy });
    }
  }
  if (shapeBy !== null && shapeValues.length > 0) {
    items.push({ series: null, label: shapeBy, swatch: '' });
    for (const v of shapeValues) {
      const swatch = shapeSwatch(shapeOf(v), MUTED);
      items.push({ series: `shape:${v}`, label: v, swatch, group: shapeBy });
    }
  }
  // The front's line (and its legend entry, which hides and shows it) needs two points.
  if (front.length >= 2) {
    items.push({ series: 'front', label: 'Pareto front', swatch: lineSwatch(ACCENT, 2, '6 4') });
  }
  if (points.some((p) => p.row.baseline !== null)) {
    items.push({ series: 'baseline', label: 'Baseline', swatch: crossSwatch() });
  }
  const legendBox = legend(items, 60, 6, width - 60 - 16);
  const frame = frameOf(width, height, {
    top: legendBox.height + 14,
    right: 24,
    bottom: 46,
    left: 60,
  });
  const { scale: x, ticks: ticksX } = linearAxis(
    paddedExtent(points.map((p) => p.x)),
    [frame.left, frame.right],
    90,
  );
  const { scale: y, ticks: ticksY } = linearAxis(
    paddedExtent(points.map((p) => p.y)),
    [frame.bottom, frame.top],
    50,
  );

  const partialOf = (p: Point) =>
    partialNotes(p.row, [
      { column: xi, title: xTitle },
      { column: yi, title: yTitle },
    ]);
  const dataOf = (p: Point): Record<string, string | null> => ({
    'data-model': p.row.model,
    'data-x': dataNum(p.x),
    'data-y': dataNum(p.y),
    'data-step': String(p.row.step),
    'data-hp': hyperparameterText(hp.get(p.row.model), names) || null,
    'data-front': onFront.has(p) ? '1' : '0',
    'data-limited': p.row.limited ? '1' : null,
    'data-partial': partialOf(p),
  });
  const seriesOf = (p: Point) => (colorBy === null ? 'models' : `color:${p.colorKey}`);
  const dominated = points
    .filter((p) => !onFront.has(p) && p.row.baseline === null)
    .map(
      (p) =>
        marker(shapeOf(p.shapeKey), x(p.x), y(p.y), 40, {
          fill: colorOf(p.colorKey),
          'fill-opacity': 0.35,
          'data-series': seriesOf(p),
          'data-shape': `shape:${p.shapeKey}`,
          ...dataOf(p),
        }) + partialRing(partialOf(p), markerRadius(40), x(p.x), y(p.y)),
    )
    .join('');
  const frontLine =
    front.length >= 2
      ? el('path', {
          class: 'front-line',
          'data-series': 'front',
          d: front.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(x(p.x))},${num(y(p.y))}`).join(''),
          fill: 'none',
          stroke: ACCENT,
          'stroke-width': 2,
          'stroke-dasharray': '6 4',
        })
      : '';
  const frontMarks = front
    .filter((p) => p.row.baseline === null)
    .map(
      (p) =>
        marker(shapeOf(p.shapeKey), x(p.x), y(p.y), 90, {
          fill: colorOf(p.colorKey),
          stroke: FG,
          'stroke-width': 1.2,
          'data-series': seriesOf(p),
          'data-shape': `shape:${p.shapeKey}`,
          ...dataOf(p),
        }) + partialRing(partialOf(p), markerRadius(90), x(p.x), y(p.y)),
    )
    .join('');
  const baselinePoints = points.filter((p) => p.row.baseline !== null);
  const labelTexts = baselineLabels(baselinePoints);
  const labelSpots = baselineLabelSpots(baselinePoints, labelTexts, front, x, y, frame, width);
  const baselineMarks = baselinePoints
    .map((p, i) => {
      const cx = x(p.x);
      const cy = y(p.y);
      const spot = labelSpots[i] ?? null;
      const label =
        spot === null
          ? ''
          : text(labelTexts[i] ?? '', {
              x: spot.dx,
              y: spot.dy,
              'text-anchor': spot.anchor === 'end' ? 'end' : null,
              fill: FG,
              stroke: BG,
              'stroke-width': 3,
              'paint-order': 'stroke',
            });
      return el(
        'g',
        {
          class: 'mark baseline-mark',
          transform: `translate(${num(cx)},${num(cy)})`,
          'data-series': 'baseline',
          'data-baseline': p.row.baseline ?? '',
          ...dataOf(p),
        },
        partialRing(partialOf(p), BASELINE_RADIUS) +
          el('path', { d: BASELINE_CROSS, stroke: BG, 'stroke-width': 4.5, fill: 'none' }) +
          el('path', { d: BASELINE_CROSS, stroke: FG, 'stroke-width': 2, fill: 'none' }) +
          label,
      );
    })
    .join('');

  const ownCount = own.length;
  const baselineCount = points.length - ownCount;
  const notes: string[] = [checkpointNote(step, chosen.configurations, own)];
  if (chosen.withoutStep > 0) {
    notes.push(`${plural(chosen.withoutStep, 'configuration')} without step ${step} left out.`);
  }
  if (excluded > 0) {
    notes.push(`${plural(excluded, 'model')} without a value for ${xTitle} or ${yTitle} left out.`);
  }
  const limited = limitedNote(
    points.map((p) => p.row),
    [xColumn, yColumn],
  );
  if (limited !== null) notes.push(limited);
  const partial = partialPointsNote(
    points.filter((p) => partialOf(p) !== null).length,
    xTitle,
    yTitle,
  );
  if (partial !== null) notes.push(partial);

  const unlabelled = labelSpots.filter((spot) => spot === null).length;
  if (unlabelled > 0) {
    notes.push(
      `${plural(unlabelled, 'baseline')} without a label: no room beside ${unlabelled === 1 ? 'its cross' : 'their crosses'} that covers no other label or front point; point at a cross for its name.`,
    );
  }
  if (shapeValues.filter((v) => v !== NA).length > SHAPES.length) {
    notes.push(`${shapeBy ?? ''} has more than ${SHAPES.length} values: shapes repeat.`);
  }
  const desc = [
    `Pareto plot of ${yTitle} against ${xTitle}, both higher is better:`,
    `${ownCount} model${ownCount === 1 ? '' : 's'}, ${front.length} on the front (not beaten on both metrics by ${options.baselinesOnFront === true ? 'another model' : 'another model of the run; baselines are not on it'})${front.length >= 2 ? ', joined by a dashed line' : ''}.`,
    colorBy === null ? '' : `Colour: ${colorBy}.`,
    shapeBy === null ? '' : `Shape: ${shapeBy}.`,
    baselineCount > 0
      ? `${baselineCount} baseline${baselineCount === 1 ? '' : 's'} marked with a cross.`
      : '',
    ...notes,
  ]
    .filter((s) => s !== '')
    .join(' ');
  const body =
    xAxis(frame, ticksX, x, { title: xTitle }) +
    yAxis(frame, ticksY, y, { title: yTitle }) +
    el('g', { class: 'marks dominated' }, dominated) +
    frontLine +
    el('g', { class: 'marks front' }, frontMarks) +
    el('g', { class: 'marks baselines' }, baselineMarks) +
    legendBox.svg;
  const title = `Pareto front: ${yTitle} vs ${xTitle}`;
  return chartSvg(svgRoot({ kind: 'pareto', id, width, height, title, desc }, body), notes);
}
