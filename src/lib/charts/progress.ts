/**
 * Hero-run progress: scores against training step (original-app.md section 6.4, fixing B19 and
 * B20).
 *
 * - Language view: one thin line per SEA language; SEA Avg, English and Aggregate drawn thicker
 *   and dashed differently, in the text colour, so they never pass for languages (B19). Each
 *   baseline is one labelled horizontal line at its Aggregate (or `baselineColumn`), told apart
 *   from the run's other baselines by its dash pattern and marker shape (legend alike); a baseline
 *   without Aggregate (scored on one side only, e.g. lm-eval files alone) gets its line at its
 *   SEA Avg or English instead, and the notes say which.
 * - Competency / task view of one language: one line per component, and for each baseline one
 *   reference line per component at the baseline's value of that component, in the component's
 *   colour (B20: not one mean over components).
 * - A missing value breaks its line (never drawn as 0). A baseline value that is missing gets no
 *   line, and the notes name it (B20: no crash). Several rows of one baseline: the latest step.
 * - x = the row's step, ascending; rows with equal steps are kept, ordered by model name.
 */

import { line } from 'd3-shape';
import type { ColumnData, RowData, RunData } from '../site/site-data.ts';
import { formatScore } from '../site/format.ts';
import { languageName } from '../site/names.ts';
import { fittedXAxis, frameOf, linearAxis, paddedExtent, xAxis, yAxis } from './axes.ts';
import { categorical, FG, MUTED, PALETTE_SIZE, symbolPath, type ShapeName } from './colors.ts';
import { spreadLabels } from './labels.ts';
import { formatLinearTick, type Tick } from './ticks.ts';
import {
  legend,
  LEGEND_ROW,
  lineMarkerSwatch,
  lineSwatch,
  REFERENCE_SWATCH_WIDTH,
  referenceSwatch,
  type LegendItem,
} from './legend.ts';
import { listed } from '../words.ts';
import { partialCoverage, partialNotes, type Marks } from './columns.ts';
import { marker } from './marker.ts';
import { chartMessage, chartSvg, type ChartFrameOptions, type ChartResult } from './result.ts';
import { shortName } from './short-names.ts';
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

export type ProgressView =
  { readonly level: 'lang' } | { readonly level: 'competency' | 'task'; readonly lang: string };

export interface ProgressOptions extends ChartFrameOptions {
  /** Default: the language view. */
  readonly view?: ProgressView;
  /** Language view: the lang-level column a baseline's reference line shows (default `total`). */
  readonly baselineColumn?: string;
  /**
   * Point markers: `auto` (default) draws them when there are at most 60 checkpoints, `all` and
   * `none` always / never. A point with no defined neighbour is always marked, or it would be
   * invisible.
   */
  readonly markers?: 'auto' | 'all' | 'none';
  /**
   * Language view: the languages hidden in the Overall table (`HiddenLanguages.ids`: SEA codes
   * and `en`). Their lines are not drawn and a note names them; the caller passes the rows with
   * SEA Avg and Aggregate recomputed without them, as the table shows.
   */
  readonly hidden?: ReadonlySet<string>;
}

export type ProgressRun = Pick<RunData, 'columns' | 'rows'>;
type ProgressRow = Pick<RowData, 'model' | 'baseline' | 'step' | 'values' | 'limited'> & Marks;
export type ProgressReason = 'no-checkpoints' | 'no-columns' | 'no-values';

interface Series {
  readonly id: string;
  readonly label: string;
  readonly column: number;
  readonly color: string;
  readonly width: number;
  readonly dash: string | null;
  /** The points' shape: the summary lines share a colour, so their points differ in shape. */
  readonly shape: ShapeName;
}

interface Reference {
  readonly baseline: string;
  /** The baseline's position among the run's baselines: its style and its markers' phase. */
  readonly index: number;
  readonly series: Series;
  readonly value: number;
  readonly label: string;
  readonly style: BaselineStyle;
  /** The coverage of a partial value (`''` when none is given); null when it is complete. */
  readonly partial: string | null;
}

export interface BaselineStyle {
  readonly dash: string;
  readonly shape: ShapeName;
}

const SUMMARY_STYLE: ReadonlyMap<string, { width: number; dash: string | null; shape: ShapeName }> =
  new Map([
    ['sea_total', { width: 2.5, dash: '7 4', shape: 'square' }],
    ['en', { width: 2.5, dash: '2 3', shape: 'diamond' }],
    ['total', { width: 3.5, dash: null, shape: 'circle' }],
  ]);
/**
 * Baseline lines are told apart by dash pattern and marker shape together. Each pattern's
 * period fits its legend swatch; the shapes are ones no data line of this chart uses.
 */
const BASELINE_DASHES = ['5 4', '1 3', '8 3 2 3', '12 4', '6 2 1.5 2 1.5 2'];
const BASELINE_SHAPES: readonly ShapeName[] = ['triangle', 'cross', 'wye', 'star'];
/** Distinct (dash, shape) pairs: the lists' lengths are coprime, so they cycle through all. */
export const BASELINE_STYLES = BASELINE_DASHES.length * BASELINE_SHAPES.length;
/** The area of a baseline's markers (px²), on its line and in its legend swatch. */
const BASELINE_MARKER_AREA = 40;
/** Distance between the markers along a baseline's line. */
const BASELINE_MARKER_GAP = 144;
const AUTO_MARKER_LIMIT = 60;
/**
 * The palette has 10 colours and a run may have 11 SEA languages, or a language 20 tasks: each
 * further round of the colours is drawn with a dash of its own, so no two lines look alike.
 */
const ROUND_DASHES: readonly (string | null)[] = [null, '6 3', '1.5 3'];
/** Distinct (colour, dash) pairs of the languages' or components' lines. */
export const SERIES_STYLES = PALETTE_SIZE * ROUND_DASHES.length;

/** The i-th language's or component's colour and dash. */
export function seriesStroke(index: number): { color: string; dash: string | null } {
  const round = Math.floor(index / PALETTE_SIZE) % ROUND_DASHES.length;
  return { color: categorical(index), dash: ROUND_DASHES[round] ?? null };
}

/** The i-th baseline's line style; the first BASELINE_STYLES baselines all differ. */
export function baselineStyle(index: number): BaselineStyle {
  const at = (length: number) => ((index % length) + length) % length;
  return {
    dash: BASELINE_DASHES[at(BASELINE_DASHES.length)] ?? '5 4',
    shape: BASELINE_SHAPES[at(BASELINE_SHAPES.length)] ?? 'triangle',
  };
}

/**
 * Where a baseline's markers go along its line: evenly spaced, each baseline a quarter gap
 * further on than the one before, so that lines close together do not stack their markers.
 */
export function baselineMarkerXs(left: number, right: number, index: number): number[] {
  const xs: number[] = [];
  const start = left + BASELINE_MARKER_GAP / 8 + (index % 4) * (BASELINE_MARKER_GAP / 4);
  for (let x = start; x <= right - 2; x += BASELINE_MARKER_GAP) xs.push(x);
  return xs;
}

function languageSeries(columns: readonly ColumnData[]): Series[] {
  const languages: Series[] = [];
  const summaries: Series[] = [];
  columns.forEach((column, index) => {
    if (column.level !== 'lang') return;
    const summary = SUMMARY_STYLE.get(column.id);
    if (summary !== undefined) {
      summaries.push({ id: column.id, label: column.label, column: index, color: FG, ...summary });
    } else {
      languages.push({
        id: column.id,
        label: column.label,
        column: index,
        ...seriesStroke(languages.length),
        width: 1.5,
        shape: 'circle',
      });
    }
  });
  const order = ['sea_total', 'en', 'total'];
  summaries.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return [...languages, ...summaries];
}

function componentSeries(columns: readonly ColumnData[], level: string, lang: string): Series[] {
  const series: Series[] = [];
  columns.forEach((column, index) => {
    if (column.level !== level || column.lang !== lang) return;
    const style = { ...seriesStroke(series.length), width: 2, shape: 'circle' as const };
    series.push({ id: column.id, label: column.label, column: index, ...style });
  });
  return series;
}

/** Each baseline's latest row, in order of first appearance. */
function latestBaselineRows(rows: readonly ProgressRow[]): Map<string, ProgressRow> {
  const latest = new Map<string, ProgressRow>();
  for (const row of rows) {
    if (row.baseline === null) continue;
    const seen = latest.get(row.baseline);
    if (seen === undefined || row.step > seen.step) latest.set(row.baseline, row);
  }
  return latest;
}

function valueAt(row: ProgressRow, column: number): number | null {
  const value = row.values[column];
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** What a baseline gets: the series its lines are drawn for, and the wanted ones it lacks. */
interface BaselineLines {
  readonly targets: readonly Series[];
  readonly missing: readonly Series[];
}

/**
 * Language view: the baseline's line is at `wanted` (Aggregate by default). Aggregate needs both
 * SEA Avg and English, so a baseline scored on one side only has none; its line is then at the
 * side it has, rather than not drawn while that value sits on the chart's scale.
 */
function languageReference(
  series: readonly Series[],
  row: ProgressRow,
  wanted: string,
): BaselineLines {
  const target = series.find((s) => s.id === wanted);
  if (target === undefined) return { targets: [], missing: [] };
  if (valueAt(row, target.column) !== null) return { targets: [target], missing: [] };
  const sides =
    wanted === 'total' ? series.filter((s) => s.id === 'sea_total' || s.id === 'en') : [];
  const side = sides.find((s) => valueAt(row, s.column) !== null);
  const missing = [target, ...sides.filter((s) => s !== side)];
  return { targets: side === undefined ? [] : [side], missing };
}

/** Component views: one line per drawn component the baseline has a value for. */
function componentReferences(drawn: readonly Series[], row: ProgressRow): BaselineLines {
  const has = (s: Series) => valueAt(row, s.column) !== null;
  return { targets: drawn.filter(has), missing: drawn.filter((s) => !has(s)) };
}

/** Names listed in a note; the rest are counted. */
const LISTED_NAMES = 5;

function nameList(series: readonly Series[], joiner: 'and' | 'or'): string {
  const names = series.map((s) => s.label);
  if (names.length > LISTED_NAMES) {
    return `${names.slice(0, LISTED_NAMES).join(', ')} and ${names.length - LISTED_NAMES} more`;
  }
  return listed(names, joiner);
}

/**
 * A baseline whose English comes from an lm-eval --limit run: a line read from English (English,
 * Aggregate, an English benchmark or subtask) is not comparable, as the checkpoints' are not.
 */
function limitedBaselineNote(
  baseline: string,
  row: Pick<RowData, 'limited'>,
  view: ProgressView,
  columns: readonly string[],
): string | null {
  if (!row.limited) return null;
  // The language view reads English in two lines; a component view of English in all of them.
  const english =
    view.level === 'lang'
      ? columns.filter((id) => id === 'en' || id === 'total')
      : view.lang === 'en'
        ? columns
        : [];
  if (english.length === 0) return null;
  return `Baseline ${baseline} is an lm-eval --limit run: its line${english.length === 1 ? '' : 's'} read from English ${english.length === 1 ? 'is' : 'are'} not comparable.`;
}

/** A baseline line drawn at a partial value: its coverage, since the line has no tooltip. */
function partialReferenceNote(reference: Reference, labelled: boolean): string | null {
  if (reference.partial === null) return null;
  const marked = labelled ? ' (marked *)' : '';
  const why = reference.partial === '' ? '' : `: ${reference.partial}`;
  return `Baseline ${reference.baseline}'s ${reference.series.label} line${marked} is at a partial value${why}.`;
}

/** What the notes say about a baseline's lines: which of its values are not drawn, and why. */
function baselineNote(
  baseline: string,
  view: ProgressView,
  columns: readonly ColumnData[],
  lines: BaselineLines,
): string | null {
  const { targets, missing } = lines;
  if (missing.length === 0) return null;
  if (view.level === 'lang') {
    const [wanted, ...sides] = missing;
    const side = targets[0];
    if (side === undefined) {
      return `Baseline ${baseline} has no ${nameList(missing, 'or')} and is not drawn.`;
    }
    const why = sides.length === 0 ? '' : ` (it has no ${nameList(sides, 'or')})`;
    return `Baseline ${baseline} has no ${wanted?.label ?? ''}${why}: its line is at its ${side.label}.`;
  }
  if (targets.length === 0) {
    const name = columns.find((c) => c.level === 'lang' && c.id === view.lang)?.label;
    return `Baseline ${baseline} has no ${name ?? languageName(view.lang)} ${view.level} score and is not drawn.`;
  }
  return `Baseline ${baseline} has no ${nameList(missing, 'or')}: no line for ${missing.length === 1 ? 'it' : 'them'}.`;
}

function viewTitle(view: ProgressView, columns: readonly ColumnData[]): string {
  if (view.level === 'lang') return 'Language scores by training step';
  const name =
    columns.find((c) => c.level === 'lang' && c.id === view.lang)?.label ?? languageName(view.lang);
  return `${name} ${view.level} scores by training step`;
}

/** Baseline lines labelled at their end; more than this are left to the legend. */
const MAX_LABELLED_REFERENCES = 12;
/** Right margin without end labels: room for half of the last step's tick label (`20,000`). */
const MIN_RIGHT = 28;
/** Characters of an end label that fit MAX_RIGHT_MARGIN (with its 4 px gap and some slack). */
const END_LABEL_CHARS = Math.floor((MAX_RIGHT_MARGIN - 10) / textWidth('x', FONT_SIZE));
/** Legend height the default chart height already allows for (two rows). */
const LEGEND_ROOM = 2 * LEGEND_ROW;

/**
 * A baseline line's end label: baseline, line and value, shortened to fit the right margin by
 * the baseline's name first (the legend has it whole), never by the value. A partial value is
 * marked `*`, as the tables mark it: the line has no tooltip to say so.
 */
function endLabel(
  baseline: string,
  baselines: readonly string[],
  line: string,
  value: number,
  partial: boolean,
): string {
  const score = `${formatScore(value)}${partial ? '*' : ''}`;
  const room = END_LABEL_CHARS - score.length - 1;
  const lineName = truncate(line, 14);
  const nameRoom = Math.min(18, Math.max(4, room - lineName.length - 1));
  const name = shortName(baseline, baselines, nameRoom);
  return `${truncate(`${name} ${lineName}`, room)} ${score}`;
}

/**
 * Ticks of the step axis: whole steps only (d3 labels 0.2 between steps 0 and 1), and a run of
 * one step gets that step's tick alone, not made-up neighbours (−1.0 … 1.0 around step 0).
 */
export function stepTicks(ticks: readonly Tick[], steps: readonly number[]): Tick[] {
  const distinct = [...new Set(steps)];
  const values =
    distinct.length === 1 ? distinct : ticks.map((t) => t.value).filter(Number.isInteger);
  return values.map((value) => ({ value, label: formatLinearTick(value, 1) }));
}

/**
 * Where the `--limit` label of a step's line goes: right of the line, or left of it when the
 * chart's edge would cut it (a --limit run at the last step, with no end labels beside).
 */
export function limitLabelAt(
  lineX: number,
  frameRight: number,
  width: number,
): { x: number; 'text-anchor': 'end' | null } {
  const fits = lineX + 3 + textWidth('--limit', FONT_SIZE) <= Math.min(frameRight, width);
  return fits ? { x: lineX + 3, 'text-anchor': null } : { x: lineX - 3, 'text-anchor': 'end' };
}

export function progressChart(
  run: ProgressRun,
  options: ProgressOptions = {},
): ChartResult<ProgressReason> {
  const view: ProgressView = options.view ?? { level: 'lang' };
  const width = options.width ?? 720;
  const id = idPrefix(options.id ?? 'progress');
  const checkpoints = run.rows
    .filter((row) => row.baseline === null)
    .sort((a, b) => a.step - b.step || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
  if (checkpoints.length === 0) {
    return chartMessage('no-checkpoints', 'No checkpoints to plot: the run has no model rows.');
  }
  const hidden = view.level === 'lang' ? (options.hidden ?? new Set<string>()) : new Set<string>();
  const allSeries =
    view.level === 'lang'
      ? languageSeries(run.columns)
      : componentSeries(run.columns, view.level, view.lang);
  const series = allSeries.filter((s) => !hidden.has(s.id));
  if (series.length === 0) {
    return chartMessage('no-columns', `No ${view.level} columns for this language.`);
  }
  const drawn = series.filter((s) => checkpoints.some((row) => valueAt(row, s.column) !== null));
  if (drawn.length === 0) {
    return chartMessage('no-values', 'No scores to plot: every value of these columns is missing.');
  }

  const notes: string[] = [];
  const styled = allSeries.filter((s) => !SUMMARY_STYLE.has(s.id)).length;
  if (styled > SERIES_STYLES) {
    const noun = { lang: 'languages', competency: 'competencies', task: 'tasks' }[view.level];
    notes.push(
      `Line colours and dashes repeat past the first ${SERIES_STYLES} ${noun} (this chart has ${styled}); the legend names each and shows or hides its line.`,
    );
  }
  const hiddenNames = allSeries.filter((s) => hidden.has(s.id)).map((s) => s.label);
  if (hiddenNames.length > 0) {
    notes.push(`The chart excludes hidden languages: ${hiddenNames.join(', ')}.`);
  }

  // Reference lines.
  const references: Reference[] = [];
  let baselineIndex = 0;
  const baselineRows = latestBaselineRows(run.rows);
  const baselines = [...baselineRows.keys()];
  for (const [baseline, row] of baselineRows) {
    const index = baselineIndex;
    const style = baselineStyle(index);
    baselineIndex += 1;
    const chosen =
      view.level === 'lang'
        ? languageReference(series, row, options.baselineColumn ?? 'total')
        : componentReferences(drawn, row);
    for (const target of chosen.targets) {
      const value = valueAt(row, target.column) ?? 0; // chosen for having a value
      const partial = partialCoverage(row, target.column);
      const label = endLabel(baseline, baselines, target.label, value, partial !== null);
      references.push({ baseline, index, series: target, value, label, style, partial });
    }
    const note = baselineNote(baseline, view, run.columns, chosen);
    if (note !== null) notes.push(note);
    const ids = chosen.targets.map((t) => run.columns[t.column]?.id ?? '');
    const limited = limitedBaselineNote(baseline, row, view, ids);
    if (limited !== null) notes.push(limited);
  }

  // Legend first: its height sets the top margin.
  const legendItems: LegendItem[] = drawn.map((s) => ({
    series: s.id,
    label: s.label,
    swatch: SUMMARY_STYLE.has(s.id)
      ? lineMarkerSwatch(s.color, s.width, s.dash, s.shape)
      : lineSwatch(s.color, s.width, s.dash),
  }));
  // A run's only baseline cannot be taken for another: its dash alone, without markers.
  const markBaselines = baselineIndex > 1;
  const baselineIds = [...new Set(references.map((r) => r.baseline))];
  for (const baseline of baselineIds) {
    const style = references.find((r) => r.baseline === baseline)?.style ?? baselineStyle(0);
    legendItems.push({
      series: `baseline:${baseline}`,
      label: `Baseline ${baseline}`,
      ...(markBaselines
        ? {
            swatch: referenceSwatch(MUTED, 1.5, style.dash, style.shape, BASELINE_MARKER_AREA),
            swatchWidth: REFERENCE_SWATCH_WIDTH,
          }
        : { swatch: lineSwatch(MUTED, 1.5, style.dash) }),
    });
  }
  if (baselineIndex > BASELINE_STYLES) {
    notes.push(
      `Baseline line styles repeat past the first ${BASELINE_STYLES} baselines (this run has ${baselineIndex}); the legend names each and shows or hides its line.`,
    );
  }
  // Many baseline lines (one per series at the task level) cannot all be labelled at their
  // height: their labels would pile up. Past a few, the legend names the baselines instead.
  const labelled = references.length <= MAX_LABELLED_REFERENCES;
  if (!labelled) {
    notes.push(
      `${references.length} baseline lines are drawn without end labels (too many to place); the tables give their values.`,
    );
  }
  for (const reference of references) {
    const note = partialReferenceNote(reference, labelled);
    if (note !== null) notes.push(note);
  }
  const rightMargin = labelled
    ? Math.min(
        MAX_RIGHT_MARGIN,
        Math.max(MIN_RIGHT, ...references.map((r) => textWidth(r.label, FONT_SIZE) + 10)),
      )
    : MIN_RIGHT;
  const legendBox = legend(legendItems, 56, 6, width - 56 - 16);
  // A long legend (dozens of English subtasks) adds to the height instead of taking the plot's.
  const height = (options.height ?? 420) + Math.max(0, legendBox.height - LEGEND_ROOM);
  const frame = frameOf(width, height, {
    top: legendBox.height + 14,
    right: rightMargin,
    bottom: 46,
    left: 56,
  });

  // Steps span exactly the checkpoints (no blank lead-in); scores get round ends.
  const steps = checkpoints.map((r) => r.step);
  const { scale: x, ticks: axisTicks } = fittedXAxis(
    paddedExtent(steps),
    [frame.left, frame.right],
    90,
    false,
  );
  const xTicks = stepTicks(axisTicks, steps);
  const values = drawn.flatMap((s) =>
    checkpoints.map((row) => valueAt(row, s.column) ?? Number.NaN),
  );
  const { scale: y, ticks: yTicks } = linearAxis(
    paddedExtent([...values, ...references.map((r) => r.value)]),
    [frame.bottom, frame.top],
    50,
  );

  const markerId = (shape: ShapeName) => `${id}-baseline-${shape}`;
  const markerMode = options.markers ?? 'auto';
  const markAll =
    markerMode === 'all' || (markerMode === 'auto' && checkpoints.length <= AUTO_MARKER_LIMIT);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(checkpoints[i]?.step ?? 0))
    .y((v) => y(v ?? 0))
    .digits(1);

  let partialDrawn = false;
  const seriesSvg = drawn
    .map((s) => {
      const points = checkpoints.map((row) => valueAt(row, s.column));
      const marks = points
        .map((v, i) => {
          const row = checkpoints[i];
          if (v === null || row === undefined) return '';
          const isolated = (points[i - 1] ?? null) === null && (points[i + 1] ?? null) === null;
          const partial = partialNotes(row, [{ column: s.column, title: s.label }]);
          // A partial value always gets its point, hollow, so it is never read as complete.
          if (!markAll && !isolated && partial === null) return '';
          if (partial !== null) partialDrawn = true;
          const radius = s.width >= 2.5 ? 3.5 : 2.5;
          const attributes = {
            fill: partial === null ? s.color : 'var(--bg, #ffffff)',
            stroke: partial === null ? null : s.color,
            'stroke-width': partial === null ? null : 1.5,
            'data-series': s.id,
            'data-model': row.model,
            'data-x': String(row.step),
            'data-y': dataNum(v),
            'data-partial': partial,
          };
          // As large as the circle would be, a little larger for the thinner diamond.
          const area = Math.PI * radius * radius * (s.shape === 'diamond' ? 1.4 : 1);
          return marker(s.shape, x(row.step), y(v), area, attributes);
        })
        .join('');
      const lineSvg = el('path', {
        class: 'series-line',
        d: path(points) ?? '',
        fill: 'none',
        stroke: s.color,
        'stroke-width': s.width,
        'stroke-dasharray': s.dash,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      });
      return el(
        'g',
        { class: 'series', 'data-series': s.id, 'data-label': s.label },
        lineSvg + marks,
      );
    })
    .join('');

  const labelY = spreadLabels(
    references.map((r) => y(r.value) + 4),
    FONT_SIZE + 1,
    frame.top + 4,
    frame.bottom,
  );
  const referenceSvg = references
    .map((r, i) => {
      const color = view.level === 'lang' ? MUTED : r.series.color;
      const ry = y(r.value);
      // Decoration, not data: no `mark` class, so no tooltip or keyboard stop of their own.
      // Copies of one shape in <defs>: a task view's hundreds of markers stay small.
      const markers = markBaselines
        ? el(
            'g',
            { class: 'reference-markers', fill: color },
            baselineMarkerXs(frame.left, frame.right, r.index)
              .map((mx) => el('use', { href: `#${markerId(r.style.shape)}`, x: mx, y: ry }))
              .join(''),
          )
        : '';
      return el(
        'g',
        {
          class: 'reference',
          'data-series': `baseline:${r.baseline}`,
          'data-baseline': r.baseline,
          'data-for': r.series.id,
          'data-y': dataNum(r.value),
        },
        el('path', {
          d: `M${num(frame.left)},${num(ry)}H${num(frame.right)}`,
          stroke: color,
          'stroke-width': 1.5,
          'stroke-dasharray': r.style.dash,
          fill: 'none',
        }) +
          markers +
          (labelled
            ? text(r.label, {
                x: frame.right + 4,
                y: labelY[i] ?? 0,
                // Text needs 4.5:1, more than a series colour has: the label names its line.
                fill: MUTED,
              })
            : ''),
      );
    })
    .join('');

  // lm-eval --limit checkpoints: their English (and so Aggregate) points are not comparable.
  const englishShown = view.level === 'lang' || view.lang === 'en';
  const limitedSteps = englishShown
    ? [...new Set(checkpoints.filter((r) => r.limited).map((r) => r.step))]
    : [];
  const limitedSvg = limitedSteps
    .map((step) =>
      el(
        'g',
        { class: 'limited-step', 'data-step': String(step) },
        el('path', {
          d: `M${num(x(step))},${num(frame.top)}V${num(frame.bottom)}`,
          stroke: MUTED,
          'stroke-width': 1,
          'stroke-dasharray': '1 3',
          fill: 'none',
        }) +
          text('--limit', {
            ...limitLabelAt(x(step), frame.right, width),
            y: frame.top + FONT_SIZE,
            fill: MUTED,
          }),
      ),
    )
    .join('');
  if (limitedSteps.length > 0) {
    notes.push(
      `Step${limitedSteps.length === 1 ? '' : 's'} ${limitedSteps.join(', ')}: an lm-eval --limit run (the vertical line marked --limit); its English scores are not comparable.`,
    );
  }
  if (partialDrawn) {
    notes.push(
      'Hollow points are partial values (not every expected input present); hover for which.',
    );
  }

  const body =
    xAxis(frame, xTicks, x, { title: 'Training step' }) +
    yAxis(frame, yTicks, y, { title: 'Score' }) +
    limitedSvg +
    el('g', { class: 'references' }, referenceSvg) +
    el('g', { class: 'lines' }, seriesSvg) +
    legendBox.svg;

  const shapes = markBaselines ? [...new Set(references.map((r) => r.style.shape))] : [];
  const defs = shapes
    .map((shape) => el('path', { id: markerId(shape), d: symbolPath(shape, BASELINE_MARKER_AREA) }))
    .join('');
  const title = viewTitle(view, run.columns);
  const first = checkpoints[0]?.step ?? 0;
  const last = checkpoints[checkpoints.length - 1]?.step ?? 0;
  const summaryNames = drawn.map((s) => s.label).join(', ');
  const referenceText =
    references.length === 0
      ? 'No baseline reference lines.'
      : `${references.length} baseline reference line${references.length === 1 ? '' : 's'} (${baselineIds.join(', ')}).`;
  const desc = [
    `Scores of ${checkpoints.length} checkpoint${checkpoints.length === 1 ? '' : 's'} from step ${first} to step ${last}.`,
    `Lines: ${summaryNames}.`,
    referenceText,
    'A missing score breaks its line.',
    ...notes,
  ].join(' ');
  return chartSvg(svgRoot({ kind: 'progress', id, width, height, title, desc, defs }, body), notes);
}
