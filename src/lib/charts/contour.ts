/**
 * Contour plot of a metric over two hyperparameters (original-app.md section 6.6, fixing B21,
 * B23 and B24).
 *
 * - Hyperparameters come from configuration names (`modelHyperparameters`), not model names.
 * - One point per configuration, at an explicit checkpoint: its latest step (default) or a given
 *   step (configurations without it are left out and counted). Configurations with equal (x, y)
 *   are averaged, and the notes say so.
 * - Log axes use log10 of the values, ticks at powers of ten; a log axis with a value <= 0 is
 *   refused with a note (never silently ignored).
 * - Values are interpolated linearly over a Delaunay triangulation (`interpolate.ts`) on a
 *   50 × 50 grid spanning the data in plot space (after log, each axis scaled to [0, 1]), filled
 *   with d3-contour bands on viridis, clipped to the points' convex hull, each line labelled with
 *   its value where there is room; outside the hull the
 *   plot area is hatched (no data). Data points are drawn on top with `data-*` for tooltips.
 * - Anything that makes a contour impossible is a message result, not an exception.
 */

import { checkpointText } from './checkpoints.ts';
import { ticks as niceTicks } from 'd3-array';
import { contours } from 'd3-contour';
import { frameOf, xAxis, yAxis, yAxisMargin } from './axes.ts';
import { BG, FG, GRID, PANEL, viridis } from './colors.ts';
import { PARTIAL_DASH } from './partial-mark.ts';
import { PARTIAL_SEPARATOR, columnIndex, columnTitle } from './columns.ts';
import {
  contourInput,
  logScaleRefusal,
  mergeEqualPositions,
  type ContourInput,
  type ContourPoint,
  type ContourRun,
} from './contour-input.ts';
import { contourLegend } from './contour-legend.ts';
import { bandPath } from './contour-path.ts';
import {
  configurationName,
  hyperparameterKeys,
  hyperparameterText,
  type Hyperparameters,
} from './hyperparameters.ts';
import { extendedGrid, triangulate, type Sample } from './interpolate.ts';
import { formatScore, plural } from '../site/format.ts';
import { chartMessage, chartSvg, type ChartFrameOptions, type ChartResult } from './result.ts';
import {
  dataNum,
  el,
  FONT_SIZE,
  idPrefix,
  MAX_RIGHT_MARGIN,
  num,
  svgRoot,
  text,
  textWidth,
  truncate,
} from './svg.ts';
import { formatCompact, linearTicks, logTicks, type Tick } from './ticks.ts';

export { contourInput, logScaleRefusal };
export type { ContourInput, ContourPoint, ContourRun };

export interface ContourOptions extends ChartFrameOptions {
  /** Model name -> parsed hyperparameters (see `modelHyperparameters`). */
  readonly hyperparameters: ReadonlyMap<string, Hyperparameters>;
  /** Hyperparameter on x; default the first name (code-point order). */
  readonly x?: string;
  /** Hyperparameter on y; default the second name. */
  readonly y?: string;
  /** Column id of the metric (any level); default `total`. */
  readonly metric?: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  /** The checkpoint standing for each configuration: `latest` (default) or a step. */
  readonly step?: 'latest' | number;
  /** About how many contour levels (default 10). */
  readonly levels?: number;
}

export type ContourReason =
  | 'too-few-hyperparameters'
  | 'unknown-hyperparameter'
  | 'same-axis'
  | 'unknown-metric'
  | 'too-few-points'
  | 'collinear';

const GRID_SIZE = 50;
/** The colour bar (and its title) from the plot's right edge. */
const LEGEND_TITLE_X = 22;
/** Characters of the colour bar's title that fit MAX_RIGHT_MARGIN. */
const LEGEND_TITLE_CHARS = Math.floor(
  (MAX_RIGHT_MARGIN - LEGEND_TITLE_X - 8) / textWidth('x', FONT_SIZE),
);

/** Pixels between the frame and the data's extent, so edge points are not cut in half. */
const INSET = 12;

interface Axis {
  readonly key: string;
  readonly log: boolean;
  readonly min: number;
  readonly span: number;
  /** Value -> [0, 1] across the data's extent (after log). */
  readonly unit: (value: number) => number;
  readonly ticks: readonly Tick[];
  readonly title: string;
}

function makeAxis(key: string, values: readonly number[], log: boolean): Axis {
  const t = values.map((v) => (log ? Math.log10(v) : v));
  const min = Math.min(...t);
  const span = Math.max(...t) - min;
  const ticks = log ? logTicks([min, min + span]) : linearTicks([min, min + span], 6);
  return {
    key,
    log,
    min,
    span,
    unit: (v) => (span === 0 ? 0.5 : ((log ? Math.log10(v) : v) - min) / span),
    ticks: ticks.map((tick) => ({
      value: span === 0 ? 0.5 : (tick.value - min) / span,
      label: tick.label,
    })),
    title: log ? `${key} (log scale)` : key,
  };
}

/**
 * Where a run has configurations to compare, the patterns that read their names are what is
 * missing (`lr_1e-4_gbs_1024` and `wd=0.1` match no default one), so the message says where to
 * set them; a run of one configuration, a hero run, has nothing to set.
 */
function patternsHint(own: ContourRun['rows']): string {
  const names = [...new Set(own.map((r) => configurationName(r.model)))];
  if (names.length < 2) return '.';
  return ` in names such as '${names[0] ?? ''}'. The config's hyperparameters patterns say how to read them from the names.`;
}

export function contourChart(run: ContourRun, options: ContourOptions): ChartResult<ContourReason> {
  const own = run.rows.filter((r) => r.baseline === null);
  const keys = hyperparameterKeys(
    new Map(own.map((r) => [r.model, options.hyperparameters.get(r.model) ?? {}])),
  );
  if (keys.length < 2) {
    const found = keys.length === 0 ? 'none' : keys.join(', ');
    return chartMessage(
      'too-few-hyperparameters',
      `A contour plot needs at least 2 hyperparameters in the configuration names; found ${found}${patternsHint(own)}`,
    );
  }
  // A default axis is another hyperparameter than the other one, whichever is given (as
  // contourSettings picks them from the URL): x defaults to the first key that is not y.
  const xKey = options.x ?? keys.find((k) => k !== options.y) ?? '';
  const yKey = options.y ?? keys.find((k) => k !== xKey) ?? '';
  for (const key of [xKey, yKey]) {
    if (!keys.includes(key)) {
      return chartMessage('unknown-hyperparameter', `Unknown hyperparameter: ${key}.`);
    }
  }
  if (xKey === yKey) {
    return chartMessage('same-axis', 'Choose two different hyperparameters for X and Y.');
  }
  const metricId = options.metric ?? 'total';
  const metricIndex = columnIndex(run.columns, metricId, 'lang');
  const metricColumn = run.columns[metricIndex];
  if (metricColumn === undefined) {
    return chartMessage('unknown-metric', `Unknown metric: ${metricId}.`);
  }
  const metricTitle = columnTitle(metricColumn);
  const step = options.step ?? 'latest';
  const input = contourInput(
    run,
    options.hyperparameters,
    { x: xKey, y: yKey, metric: metricIndex, metricTitle },
    step,
  );
  const stepText = checkpointText(step);

  const notes: string[] = [];
  if (input.withoutHyperparameters > 0) {
    notes.push(
      `${plural(input.withoutHyperparameters, 'configuration')} without ${xKey} or ${yKey} left out.`,
    );
  }
  if (input.withoutMetric > 0) {
    notes.push(
      `${plural(input.withoutMetric, 'configuration')} without ${metricTitle} at ${stepText} left out.`,
    );
  }
  if (input.withoutStep > 0) {
    notes.push(`${plural(input.withoutStep, 'configuration')} without ${stepText} left out.`);
  }
  const partial = input.points.filter((p) => p.partial !== null).length;
  if (partial > 0) {
    notes.push(
      `${plural(partial, 'configuration')} with a partial ${metricTitle} (not every expected input present; hover for which) ${partial === 1 ? 'is' : 'are'} drawn with a dashed ring, and interpolated like the others.`,
    );
  }
  const steps = [...new Set(input.points.map((p) => p.step))].sort((a, b) => a - b);
  if (step === 'latest' && steps.length > 1) {
    // Configurations trained longer look better for it: say so where the chart is read.
    notes.push(
      `The configurations are at different steps (${steps[0]} to ${steps.at(-1)}); choose one checkpoint to compare them at equal training.`,
    );
  }
  const logRefused = (wanted: boolean | undefined, key: string, values: readonly number[]) => {
    if (wanted !== true) return false;
    const refusal = logScaleRefusal(key, values);
    if (refusal === null) return true;
    notes.push(refusal);
    return false;
  };
  const xs = input.points.map((p) => p.x);
  const ys = input.points.map((p) => p.y);
  const logX = input.points.length > 0 && logRefused(options.logX, xKey, xs);
  const logY = input.points.length > 0 && logRefused(options.logY, yKey, ys);

  const { merged, shared } = mergeEqualPositions(input.points);
  if (shared > 0) {
    notes.push(
      `${plural(shared, 'configuration')} share their (${xKey}, ${yKey}) with another; their values are averaged.`,
    );
  }
  if (merged.length < 3) {
    return chartMessage(
      'too-few-points',
      `Not enough data for a contour plot: it needs at least 3 distinct (${xKey}, ${yKey}) points with ${metricTitle} at ${stepText}; found ${merged.length}.`,
    );
  }
  const ax = makeAxis(
    xKey,
    merged.map((p) => p.x),
    logX,
  );
  const ay = makeAxis(
    yKey,
    merged.map((p) => p.y),
    logY,
  );
  const samples: Sample[] = merged.map((p) => ({
    x: ax.unit(p.x),
    y: ay.unit(p.y),
    value: p.value,
  }));
  const triangulation = triangulate(samples);
  if (!triangulation.ok) {
    return chartMessage(
      'collinear',
      `The configurations lie on one line in (${xKey}, ${yKey}), so no surface can be interpolated between them.`,
    );
  }

  const width = options.width ?? 720;
  const height = options.height ?? 520;
  const id = idPrefix(options.id ?? 'contour');
  // Room for the y tick labels (LR's `0.0030`) and the colour bar's title, which a long task
  // name (`English bbh_tracking_shuffled_objects_seven_objects`) would otherwise widen until
  // the plot is a sliver: past MAX_RIGHT_MARGIN it is shortened (the chart's title names it whole).
  const legendTitle = truncate(metricTitle, LEGEND_TITLE_CHARS);
  const frame = frameOf(width, height, {
    top: 16,
    right: Math.max(110, Math.ceil(LEGEND_TITLE_X + textWidth(legendTitle, FONT_SIZE) + 8)),
    bottom: 46,
    left: yAxisMargin(ay.ticks, 64),
  });
  const px = (u: number) => frame.left + INSET + u * (frame.right - frame.left - 2 * INSET);
  const py = (u: number) => frame.bottom - INSET - u * (frame.bottom - frame.top - 2 * INSET);

  const grid = extendedGrid(triangulation, {
    nx: GRID_SIZE,
    ny: GRID_SIZE,
    x0: 0,
    x1: 1,
    y0: 0,
    y1: 1,
  });
  const values = merged.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const thresholds =
    min === max
      ? [min]
      : [min, ...niceTicks(min, max, options.levels ?? 10).filter((t) => t > min && t < max)];
  const colorOf = (k: number) => {
    const lower = thresholds[k] ?? min;
    const upper = thresholds[k + 1] ?? max;
    return viridis(max === min ? 0.5 : ((lower + upper) / 2 - min) / (max - min));
  };
  // Grid coordinate u (node k at k + 0.5) -> [0, 1] -> pixels.
  const fromGrid = (u: number) => (u - 0.5) / (GRID_SIZE - 1);
  const gridPixel = ([u = 0, v = 0]: readonly number[]): Pixel => [
    px(fromGrid(u)),
    py(fromGrid(v)),
  ];
  // The lowest band must hold every grid value: interpolation can land a few ulps below the
  // smallest value (all of them, when every configuration has the same value), which would
  // leave holes that read as "no data".
  const floor = min - Math.max(Math.abs(min), 1) * 1e-9;
  const bandShapes = contours()
    .size([GRID_SIZE, GRID_SIZE])
    .thresholds([floor, ...thresholds.slice(1)])(Array.from(grid));
  const bands = bandShapes
    .map((band, k) =>
      el('path', {
        class: 'band',
        'data-threshold': dataNum(thresholds[k] ?? band.value),
        d: bandPath(band.coordinates, gridPixel, 1),
        fill: colorOf(k),
        stroke: '#ffffff',
        'stroke-opacity': 0.45,
        'stroke-width': 0.6,
      }),
    )
    .join('');

  const hull = triangulation.hull
    .map(([u, v], i) => `${i === 0 ? 'M' : 'L'}${num(px(u))},${num(py(v))}`)
    .join('');
  const hullPixels = triangulation.hull.map(([u, v]) => [px(u), py(v)] as const);
  const lineLabels = contourLineLabels(
    bandShapes.slice(1).map((band) => ({ value: band.value, rings: band.coordinates.flat() })),
    gridPixel,
    hullPixels,
    merged.map((p) => [px(ax.unit(p.x)), py(ay.unit(p.y))] as const),
  );
  const defs =
    el('clipPath', { id: `${id}-hull` }, el('path', { d: `${hull}Z` })) +
    el(
      'pattern',
      {
        id: `${id}-hatch`,
        width: 6,
        height: 6,
        patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      },
      el('rect', { width: 6, height: 6, fill: PANEL }) +
        el('path', { d: 'M0,0V6', stroke: GRID, 'stroke-width': 2 }),
    );
  const background = el('rect', {
    class: 'no-data',
    x: frame.left,
    y: frame.top,
    width: frame.right - frame.left,
    height: frame.bottom - frame.top,
    fill: `url(#${id}-hatch)`,
  });

  const marks = merged
    .map((p) => {
      const models = p.members.map((m) => m.model);
      const partial = mergedPartial(p.members);
      return el('circle', {
        class: 'mark',
        cx: px(ax.unit(p.x)),
        cy: py(ay.unit(p.y)),
        r: 4.5,
        fill: BG,
        stroke: FG,
        'stroke-width': 1.5,
        'stroke-dasharray': partial === null ? null : PARTIAL_DASH,
        'data-series': 'points',
        'data-model': models.join(', '),
        'data-configuration': p.members.map((m) => m.configuration).join(', '),
        'data-step': p.members.map((m) => String(m.step)).join(', '),
        'data-x': dataNum(p.x),
        'data-y': dataNum(p.y),
        'data-value': dataNum(p.value),
        'data-hp': hyperparameterText(options.hyperparameters.get(models[0] ?? ''), keys),
        'data-partial': partial,
      });
    })
    .join('');

  const colorLegend = contourLegend(
    thresholds,
    min,
    max,
    colorOf,
    legendTitle,
    frame.right + LEGEND_TITLE_X,
    frame.top,
    frame.bottom - frame.top,
  );
  const body =
    background +
    el('g', { class: 'bands', 'clip-path': `url(#${id}-hull)` }, bands) +
    el('g', { class: 'line-labels' }, lineLabels) +
    xAxis(frame, ax.ticks, px, { title: ax.title, grid: false }) +
    yAxis(frame, ay.ticks, py, { title: ay.title, grid: false, titleOffset: 50 }) +
    el('g', { class: 'marks' }, marks) +
    colorLegend;
  const title = `Contour plot: ${metricTitle} over ${xKey} and ${yKey}`;
  const desc = [
    `${metricTitle} of ${plural(input.points.length, 'configuration')} (each at ${stepText}) over ${ax.title} and ${ay.title}, from ${formatScore(min)} to ${formatScore(max)}.`,
    'Coloured bands interpolate linearly between the configurations (Delaunay triangles, viridis colours, darker is lower; lines labelled with their values); the hatched area outside their convex hull has no data. White dots are the configurations.',
    ...notes,
  ].join(' ');
  return chartSvg(svgRoot({ kind: 'contour', id, width, height, title, desc, defs }, body), notes);
}

/**
 * The partial notes of a drawn point: its configuration's, or, for configurations averaged at
 * one position, each partial one's prefixed with its model. Null when every value is complete.
 */
function mergedPartial(members: readonly ContourPoint[]): string | null {
  const partial = members.filter((m) => m.partial !== null);
  if (partial.length === 0) return null;
  if (members.length === 1) return partial[0]?.partial ?? null;
  return partial.map((m) => `${m.model}: ${m.partial ?? ''}`).join(PARTIAL_SEPARATOR);
}

type Pixel = readonly [number, number];

/** A line label closer than this to another label, a point or the hull's edge is not drawn. */
const LABEL_CLEARANCE = 16;

/**
 * A label with its value on each contour line (the boundary of the area at or above a
 * threshold): at the vertex of the line, inside the data's hull, that is farthest from the
 * hull's edge, the configurations' points and the labels already placed; none where every
 * vertex is too close to them.
 */
function contourLineLabels(
  lines: readonly { readonly value: number; readonly rings: readonly (readonly number[][])[] }[],
  toPixels: (point: readonly number[]) => Pixel,
  hull: readonly Pixel[],
  points: readonly Pixel[],
): string {
  const placed: Pixel[] = [];
  const clearance = (at: Pixel) =>
    Math.min(
      distanceToEdge(at, hull),
      ...points.map((p) => Math.hypot(at[0] - p[0], at[1] - p[1])),
      ...placed.map((p) => Math.hypot(at[0] - p[0], at[1] - p[1]) / 2),
    );
  let out = '';
  for (const { value, rings } of lines) {
    let best: Pixel | null = null;
    let bestClearance = LABEL_CLEARANCE;
    for (const ring of rings) {
      for (const vertex of ring) {
        const at = toPixels(vertex);
        if (!insidePolygon(at, hull)) continue;
        const room = clearance(at);
        if (room > bestClearance) [best, bestClearance] = [at, room];
      }
    }
    if (best === null) continue;
    placed.push(best);
    out += text(formatCompact(value), {
      x: best[0],
      y: best[1],
      'text-anchor': 'middle',
      'dominant-baseline': 'middle',
      fill: '#ffffff',
      stroke: '#1f2328',
      'stroke-width': 2.5,
      'stroke-opacity': 0.6,
      'paint-order': 'stroke',
    });
  }
  return out;
}

/** Distance from a point to the nearest edge of a polygon. */
function distanceToEdge(at: Pixel, polygon: readonly Pixel[]): number {
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j] ?? at;
    const b = polygon[i] ?? at;
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : ((at[0] - a[0]) * dx + (at[1] - a[1]) * dy) / length;
    const k = Math.max(0, Math.min(1, t));
    nearest = Math.min(nearest, Math.hypot(at[0] - (a[0] + k * dx), at[1] - (a[1] + k * dy)));
  }
  return nearest;
}

/** Whether a point lies inside a polygon (ray casting; the hull is convex, any rule works). */
function insidePolygon([x, y]: Pixel, polygon: readonly Pixel[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
