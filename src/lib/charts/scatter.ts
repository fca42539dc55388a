/**
 * Comparison scatter across runs (original-app.md section 6.8, B26): SEA Avg against Aggregate
 * by default (any two lang-level columns), colour by training step (sequential), shape by run,
 * selected models highlighted and named, the others muted. Both axes share one domain and the
 * plot area is square, so the dotted y = x line is a true diagonal. Models without a value on
 * either axis are left out and counted. Baselines are reference marks (an ✕, outside the step
 * colours), drawn once even when merged into several runs; where their values are partial in
 * some of those runs only, the tooltip names the runs.
 */

import type { RowData, RunData } from '../site/site-data.ts';
import { frameOf, linearAxis, paddedExtent, xAxis, yAxis, type Frame } from './axes.ts';
import { boxAround, labelsBeside, placeLabels, type LabelSpot } from './labels.ts';
import {
  ACCENT,
  BASELINE_CROSS,
  BASELINE_RADIUS,
  BG,
  FG,
  GRID,
  MUTED,
  sequentialMark,
  shapeAt,
} from './colors.ts';
import {
  columnIndex,
  columnTitle,
  PARTIAL_SEPARATOR,
  partialNotes,
  type Marks,
} from './columns.ts';
import { crossSwatch, legend, shapeSwatch, type LegendItem } from './legend.ts';
import { marker } from './marker.ts';
import { markerRadius, partialPointsNote, partialRing } from './partial-mark.ts';
import { chartMessage, chartSvg, type ChartFrameOptions, type ChartResult } from './result.ts';
import { shortNames } from './short-names.ts';
import { dataNum, el, FONT_SIZE, idPrefix, num, svgRoot, text, textWidth } from './svg.ts';

export interface ScatterOptions extends ChartFrameOptions {
  /** Lang-level column id for x (default `sea_total`). */
  readonly x?: string;
  /** Lang-level column id for y (default `total`). */
  readonly y?: string;
  /** Keys (see `scatterKey`) of the models to highlight; empty or absent: none. */
  readonly selected?: ReadonlySet<string>;
}

export type ScatterRun = Pick<RunData, 'key' | 'columns'> & {
  readonly rows: readonly (Pick<RowData, 'model' | 'baseline' | 'step' | 'values'> & Marks)[];
};
export type ScatterReason = 'unknown-metric' | 'no-points';

/** The key of a model in a run: the comparison page's `JSON.stringify([run, model])`. */
export function scatterKey(run: string, model: string): string {
  return JSON.stringify([run, model]);
}

interface Point {
  /** Its run, or for a baseline each run it is merged into, aligned with `keys` and `partials`. */
  readonly runs: readonly string[];
  readonly runIndex: number;
  readonly model: string;
  readonly baseline: string | null;
  readonly step: number;
  readonly x: number;
  readonly y: number;
  readonly key: string;
  /** Every key the point stands for: a baseline's in each run it is merged into. */
  readonly keys: readonly string[];
  /** In each run, which plotted values are partial (see `partialNotes`); null when none is. */
  readonly partials: readonly (string | null)[];
}

/** A baseline met again in another run is the same point: its run and key are added. */
function addPoint(points: Point[], baselines: Map<string, number>, point: Point): void {
  if (point.baseline === null) {
    points.push(point);
    return;
  }
  const same = `${point.model}|${point.x}|${point.y}`;
  const at = baselines.get(same);
  const known = at === undefined ? undefined : points[at];
  if (at === undefined || known === undefined) {
    baselines.set(same, points.length);
    points.push(point);
    return;
  }
  points[at] = {
    ...known,
    runs: [...known.runs, ...point.runs],
    keys: [...known.keys, ...point.keys],
    partials: [...known.partials, ...point.partials],
  };
}

/** The point's run, or a baseline's runs: `a, b`. */
function runsText(point: Point): string {
  return point.runs.join(', ');
}

/**
 * A point's partial note. A baseline's values can be partial in one run and complete in another
 * (SEA Avg over the languages each run has, one of which the baseline lacks): then each note
 * names its run, so the point does not read as complete, nor as partial everywhere.
 */
function partialOf(point: Point): string | null {
  const [first = null] = point.partials;
  if (point.partials.every((note) => note === first)) return first;
  return point.partials
    .flatMap((note, i) =>
      note === null
        ? []
        : note.split(PARTIAL_SEPARATOR).map((part) => `${point.runs[i] ?? ''}: ${part}`),
    )
    .join(PARTIAL_SEPARATOR);
}

function finite(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** How far a label's text stays from its point's centre: clear of the largest marker. */
const LABEL_OFFSET = 8;

/** Where the selected models' labels go (see placeLabels); null where there is no room. */
function selectedLabelSpots(
  selected: readonly Point[],
  labelTexts: readonly string[],
  x: (v: number) => number,
  y: (v: number) => number,
  frame: Frame,
  width: number,
): (LabelSpot | null)[] {
  const middle = (frame.left + frame.right) / 2;
  const obstacles = selected.map((p) => boxAround(x(p.x), y(p.y), 6));
  const offset = { dx: LABEL_OFFSET, above: LABEL_OFFSET, below: LABEL_OFFSET + FONT_SIZE };
  const labels = labelsBeside(
    selected.map((p) => ({ x: x(p.x), y: y(p.y) })),
    labelTexts,
    FONT_SIZE,
    middle,
    offset,
  );
  // Below the step colour bar, which ends 18 px above the frame.
  const bounds = { left: 0, right: width, top: frame.top - 14, bottom: frame.bottom };
  return placeLabels(labels, obstacles, bounds);
}

/** The step colour bar: a gradient from the first to the last step. */
function stepGradient(id: string): string {
  const stops = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => el('stop', { offset: String(t), 'stop-color': sequentialMark(t) }))
    .join('');
  return el('linearGradient', { id: `${id}-steps`, x1: '0', x2: '1', y1: '0', y2: '0' }, stops);
}

export function scatterChart(
  runs: readonly ScatterRun[],
  options: ScatterOptions = {},
): ChartResult<ScatterReason> {
  const xId = options.x ?? 'sea_total';
  const yId = options.y ?? 'total';
  const width = options.width ?? 640;
  const height = options.height ?? 620;
  const id = idPrefix(options.id ?? 'scatter');
  const selected = options.selected ?? new Set<string>();
  const titles = new Map<string, string>();
  const points: Point[] = [];
  const baselinePoints = new Map<string, number>();
  let excluded = 0;
  // Baselines left out, by model name: one merged into several runs counts once.
  const excludedBaselines = new Set<string>();
  runs.forEach((run, runIndex) => {
    const xi = columnIndex(run.columns, xId, 'lang');
    const yi = columnIndex(run.columns, yId, 'lang');
    const xc = run.columns[xi];
    const yc = run.columns[yi];
    if (xc !== undefined && !titles.has('x')) titles.set('x', columnTitle(xc));
    if (yc !== undefined && !titles.has('y')) titles.set('y', columnTitle(yc));
    for (const row of run.rows) {
      const x = xi < 0 ? null : finite(row.values[xi]);
      const y = yi < 0 ? null : finite(row.values[yi]);
      if (x === null || y === null) {
        if (row.baseline === null) excluded += 1;
        else excludedBaselines.add(row.model);
        continue;
      }
      const key = scatterKey(run.key, row.model);
      const base = { runIndex, model: row.model, baseline: row.baseline };
      const partial = partialNotes(row, [
        { column: xi, title: columnTitle(xc ?? { level: 'lang', lang: null, label: xId }) },
        { column: yi, title: columnTitle(yc ?? { level: 'lang', lang: null, label: yId }) },
      ]);
      addPoint(points, baselinePoints, {
        ...base,
        step: row.step,
        x,
        y,
        key,
        runs: [run.key],
        keys: [key],
        partials: [partial],
      });
    }
  });
  const xTitle = titles.get('x');
  const yTitle = titles.get('y');
  if (xTitle === undefined || yTitle === undefined) {
    return chartMessage('unknown-metric', `Unknown metric: ${xTitle === undefined ? xId : yId}.`);
  }
  if (points.length === 0) {
    return chartMessage('no-points', `No model has both ${xTitle} and ${yTitle}.`);
  }

  // Baselines are not at a step of any training: they stay out of the step colours.
  const models = points.filter((p) => p.baseline === null);
  const baselineCount = points.length - models.length;
  const steps = models.map((p) => p.step);
  const minStep = steps.length === 0 ? 0 : Math.min(...steps);
  const maxStep = steps.length === 0 ? 0 : Math.max(...steps);
  const stepColor = (step: number) =>
    sequentialMark(maxStep === minStep ? 0.5 : (step - minStep) / (maxStep - minStep));
  const isSelected = (p: Point) => p.keys.some((key) => selected.has(key));
  const highlighted = points.filter(isSelected);
  const anySelected = highlighted.length > 0;

  const items: LegendItem[] = [{ series: null, label: 'Run', swatch: '' }];
  runs.forEach((run, i) => {
    if (models.some((p) => p.runIndex === i)) {
      items.push({
        series: `run:${run.key}`,
        label: run.key,
        swatch: shapeSwatch(shapeAt(i), MUTED),
      });
    }
  });
  if (baselineCount > 0)
    items.push({ series: 'baseline', label: 'Baseline', swatch: crossSwatch() });
  const legendBox = legend(items, 60, 6, width - 60 - 16);
  const barTop = legendBox.height + 10;
  const stepBarStart =
    textWidth('Training step', FONT_SIZE) + 10 + textWidth(String(minStep), FONT_SIZE) + 4;
  // Only models have steps: baselines alone get no step colour bar.
  const stepBar =
    models.length === 0
      ? ''
      : el(
          'g',
          { class: 'legend-steps', fill: FG, transform: `translate(60,${num(barTop)})` },
          text('Training step', { x: 0, y: 10, 'font-weight': 600 }) +
            text(String(minStep), { x: stepBarStart - 4, y: 10, 'text-anchor': 'end' }) +
            el('rect', {
              x: stepBarStart,
              y: 2,
              width: 160,
              height: 10,
              fill: `url(#${id}-steps)`,
            }) +
            text(String(maxStep), { x: stepBarStart + 164, y: 10 }),
        );
  const outer = frameOf(width, height, { top: barTop + 28, right: 24, bottom: 46, left: 60 });
  const side = Math.min(outer.right - outer.left, outer.bottom - outer.top);
  const frame = { ...outer, right: outer.left + side, bottom: outer.top + side };
  const domain = paddedExtent(points.flatMap((p) => [p.x, p.y]));
  const { scale: x, ticks } = linearAxis(domain, [frame.left, frame.right], 80);
  const y = x.copy().range([frame.bottom, frame.top]);
  const [d0, d1] = x.domain() as [number, number];
  const diagonal = el('path', {
    class: 'diagonal',
    d: `M${num(x(d0))},${num(y(d0))}L${num(x(d1))},${num(y(d1))}`,
    stroke: GRID,
    'stroke-width': 1.5,
    'stroke-dasharray': '2 4',
    fill: 'none',
  });

  const mark = (p: Point, emphasis: boolean) =>
    p.baseline === null ? modelMark(p, emphasis) : baselineMark(p, emphasis);
  const dataOf = (p: Point, emphasis: boolean) => ({
    'data-key': p.key,
    'data-run': runsText(p),
    'data-model': p.model,
    'data-baseline': p.baseline,
    'data-step': p.baseline === null ? String(p.step) : null,
    'data-x': dataNum(p.x),
    'data-y': dataNum(p.y),
    'data-selected': emphasis ? '1' : null,
    'data-partial': partialOf(p),
  });
  const baselineMark = (p: Point, emphasis: boolean) =>
    el(
      'g',
      {
        class: 'mark baseline-mark',
        transform: `translate(${num(x(p.x))},${num(y(p.y))})`,
        'data-series': 'baseline',
        ...dataOf(p, emphasis),
      },
      partialRing(partialOf(p), BASELINE_RADIUS) +
        el('path', { d: BASELINE_CROSS, stroke: BG, 'stroke-width': 4.5, fill: 'none' }) +
        el('path', {
          d: BASELINE_CROSS,
          stroke: emphasis ? ACCENT : FG,
          'stroke-width': 2,
          'stroke-opacity': anySelected && !emphasis ? 0.4 : null,
          fill: 'none',
        }),
    );
  const modelMark = (p: Point, emphasis: boolean) => {
    const shape = shapeAt(p.runIndex);
    const area = emphasis ? 110 : 56;
    // An outline in the text colour keeps the dark early-step colours visible on a dark page.
    const paint = {
      fill: stepColor(p.step),
      'fill-opacity': anySelected && !emphasis ? 0.3 : null,
      stroke: emphasis ? ACCENT : FG,
      'stroke-width': emphasis ? 2 : 0.8,
      'stroke-opacity': emphasis ? null : 0.5,
    };
    const data = { 'data-series': `run:${runsText(p)}`, ...dataOf(p, emphasis) };
    const ring = partialRing(partialOf(p), markerRadius(area), x(p.x), y(p.y));
    return marker(shape, x(p.x), y(p.y), area, { ...paint, ...data }) + ring;
  };
  const background = points.filter((p) => !isSelected(p)).map((p) => mark(p, false));
  const foreground = highlighted.map((p) => mark(p, true));
  // Each label beside its point, towards the plot's middle so that the edge does not cut it,
  // else on the other side or below: never over another label or a selected point.
  const labelTexts = shortNames(
    highlighted.map((p) => p.model),
    32,
  );
  const spots = selectedLabelSpots(highlighted, labelTexts, x, y, frame, width);
  const labels = highlighted.flatMap((p, i) => {
    const spot = spots[i] ?? null;
    if (spot === null) return [];
    return [
      text(labelTexts[i] ?? '', {
        class: 'mark-label',
        'data-key': p.key,
        x: x(p.x) + spot.dx,
        y: y(p.y) + spot.dy,
        'text-anchor': spot.anchor === 'end' ? 'end' : null,
        fill: FG,
        stroke: 'var(--bg, #ffffff)',
        'stroke-width': 3,
        'paint-order': 'stroke',
      }),
    ];
  });

  const notes: string[] = [];
  const leftOut = [
    excluded > 0 ? `${excluded} model${excluded === 1 ? '' : 's'}` : '',
    excludedBaselines.size > 0
      ? `${excludedBaselines.size} baseline${excludedBaselines.size === 1 ? '' : 's'}`
      : '',
  ].filter((part) => part !== '');
  if (leftOut.length > 0) {
    notes.push(`${leftOut.join(' and ')} without a value for ${xTitle} or ${yTitle} left out.`);
  }
  const plottedKeys = new Set(points.flatMap((p) => p.keys));
  const missing = [...selected].filter((key) => !plottedKeys.has(key)).length;
  if (missing > 0) {
    notes.push(
      `${missing} selected model${missing === 1 ? ' has' : 's have'} no point on this chart.`,
    );
  }
  const partial = partialPointsNote(
    points.filter((p) => partialOf(p) !== null).length,
    xTitle,
    yTitle,
  );
  if (partial !== null) notes.push(partial);
  const unlabelled = spots.filter((spot) => spot === null).length;
  if (unlabelled > 0) {
    notes.push(
      `${unlabelled} selected model${unlabelled === 1 ? '' : 's'} without a label: no room beside ${unlabelled === 1 ? 'its point' : 'their points'} that covers no other label or selected point; point at ${unlabelled === 1 ? 'it' : 'them'} for the name.`,
    );
  }

  const runCount = new Set(models.map(runsText)).size;
  const plotted = [
    models.length > 0
      ? `${models.length} model${models.length === 1 ? '' : 's'} of ${runCount} run${runCount === 1 ? '' : 's'}`
      : '',
    baselineCount > 0
      ? `${baselineCount} baseline${baselineCount === 1 ? '' : 's'} (marked with a cross, once each)`
      : '',
  ].filter((part) => part !== '');
  // Selections, not points: a baseline picked in two runs is two selections of one point.
  const shown = selected.size - missing;
  const desc = [
    `${yTitle} against ${xTitle} for ${plotted.join(' and ')}; both axes share one scale, the dotted line is y = x.`,
    models.length > 0 ? `Colour: training step from ${minStep} to ${maxStep}. Shape: run.` : '',
    anySelected ? `${shown} selected model${shown === 1 ? '' : 's'} highlighted and named.` : '',
    ...notes,
  ]
    .filter((s) => s !== '')
    .join(' ');
  const body =
    xAxis(frame, ticks, x, { title: xTitle }) +
    yAxis(frame, ticks, y, { title: yTitle }) +
    diagonal +
    el('g', { class: 'marks' }, background.join('') + foreground.join('')) +
    el('g', { class: 'mark-labels' }, labels.join('')) +
    legendBox.svg +
    stepBar;
  const title = `Model performance: ${yTitle} vs ${xTitle}`;
  return chartSvg(
    svgRoot({ kind: 'scatter', id, width, height, title, desc, defs: stepGradient(id) }, body),
    notes,
  );
}
