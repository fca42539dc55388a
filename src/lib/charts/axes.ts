/**
 * Axes as SVG strings: grid lines, tick marks, tick labels and the axis title. Tick values and
 * labels come from `ticks.ts`; the caller maps values to pixels.
 */

import { FG, GRID } from './colors.ts';
import { scaleLinear, type LinearScale } from './linear-scale.ts';
import { el, FONT_SIZE, num, text, textWidth } from './svg.ts';
import { linearTicks, type Tick } from './ticks.ts';

/** The plot area in pixels: left/right x, top/bottom y. */
export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export function frameOf(width: number, height: number, margins: Margins): Frame {
  return {
    left: margins.left,
    right: Math.max(margins.left + 1, width - margins.right),
    top: margins.top,
    bottom: Math.max(margins.top + 1, height - margins.bottom),
  };
}

export interface AxisOptions {
  readonly title: string;
  /** Grid lines across the plot area (default true). */
  readonly grid?: boolean;
}

const TICK = 5;
/** Half a pixel of slack so ticks exactly on the frame's edge survive rounding. */
const SLACK = 0.5;
/** From the frame's bottom to the x tick labels' and the x title's baselines. */
const X_LABEL_Y = TICK + FONT_SIZE;
const X_TITLE_Y = TICK + FONT_SIZE + 21;
/** From the frame's left to the y tick labels' right end. */
const Y_LABEL_X = TICK + 3;
/** The y title's offset left of the frame unless its tick labels need more. */
const Y_TITLE_OFFSET = 42;

/**
 * How far left of the frame the y axis title's middle goes: clear of the widest tick label by
 * a few pixels, and never nearer than `least` (the rotated title is FONT_SIZE high).
 */
export function yTitleOffset(ticks: readonly Tick[], least = Y_TITLE_OFFSET): number {
  const widest = Math.max(0, ...ticks.map((t) => textWidth(t.label, FONT_SIZE)));
  return Math.max(least, Math.ceil(widest + Y_LABEL_X + 4 + FONT_SIZE / 2));
}

/** The left margin a y axis needs for its tick labels and its title. */
export function yAxisMargin(ticks: readonly Tick[], least: number): number {
  return Math.max(least, yTitleOffset(ticks) + FONT_SIZE / 2 + 4);
}

/** Bottom axis: labels below the frame, title centred under them. */
export function xAxis(
  frame: Frame,
  ticks: readonly Tick[],
  position: (value: number) => number,
  options: AxisOptions,
): string {
  const shown = ticks
    .map((tick) => ({ tick, x: position(tick.value) }))
    .filter(({ x }) => x >= frame.left - SLACK && x <= frame.right + SLACK);
  const grid = shown.map(({ x }) => `M${num(x)},${num(frame.top)}V${num(frame.bottom)}`).join('');
  const marks = shown.map(({ x }) => `M${num(x)},${num(frame.bottom)}v${TICK}`).join('');
  const labels = shown
    .map(({ tick, x }) => text(tick.label, { x, y: frame.bottom + X_LABEL_Y }))
    .join('');
  const title = text(options.title, {
    class: 'axis-title',
    x: (frame.left + frame.right) / 2,
    y: frame.bottom + X_TITLE_Y,
    'font-weight': 600,
  });
  const domain = `M${num(frame.left)},${num(frame.bottom)}H${num(frame.right)}${marks}`;
  return axisGroup('x', 'middle', options.grid === false ? '' : grid, domain, labels + title);
}

/** Left axis: labels left of the frame, title rotated along it. */
export function yAxis(
  frame: Frame,
  ticks: readonly Tick[],
  position: (value: number) => number,
  /** `titleOffset`: the least offset of the title left of the frame (see yTitleOffset). */
  options: AxisOptions & { readonly titleOffset?: number },
): string {
  const shown = ticks
    .map((tick) => ({ tick, y: position(tick.value) }))
    .filter(({ y }) => y >= frame.top - SLACK && y <= frame.bottom + SLACK);
  const grid = shown.map(({ y }) => `M${num(frame.left)},${num(y)}H${num(frame.right)}`).join('');
  const marks = shown.map(({ y }) => `M${num(frame.left)},${num(y)}h-${TICK}`).join('');
  const labels = shown
    .map(({ tick, y }) => text(tick.label, { x: frame.left - Y_LABEL_X, y: y + 4 }))
    .join('');
  const cx =
    frame.left -
    yTitleOffset(
      shown.map(({ tick }) => tick),
      options.titleOffset,
    );
  const cy = (frame.top + frame.bottom) / 2;
  const title = text(options.title, {
    class: 'axis-title',
    transform: `translate(${num(cx)},${num(cy)}) rotate(-90)`,
    'text-anchor': 'middle',
    'font-weight': 600,
  });
  const domain = `M${num(frame.left)},${num(frame.top)}V${num(frame.bottom)}${marks}`;
  return axisGroup('y', 'end', options.grid === false ? '' : grid, domain, labels + title);
}

/**
 * A domain that can be drawn: the extent of the values, widened when it is a single value (by
 * 5 % of it, at least `minPad`) so a lone point lands mid-axis instead of on a zero-width scale.
 */
export function paddedExtent(values: Iterable<number>, minPad = 1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) {
    const pad = Math.max(minPad, Math.abs(lo) * 0.05);
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

export interface LinearAxis {
  readonly scale: LinearScale;
  readonly ticks: readonly Tick[];
}

/**
 * A linear scale over `domain`, extended to round ends unless `nice` is false, and its ticks:
 * about one tick per `spacing` pixels of the range (so with `nice`, ticks end where the axis
 * ends).
 */
export function linearAxis(
  domain: readonly [number, number],
  range: readonly [number, number],
  spacing: number,
  nice = true,
): LinearAxis {
  const count = Math.max(2, Math.round(Math.abs(range[1] - range[0]) / spacing));
  const scale = scaleLinear(domain, range);
  if (nice) scale.nice(count);
  const [d0, d1] = scale.domain();
  return { scale, ticks: linearTicks([d0 ?? 0, d1 ?? 1], count) };
}

/** Room between two x tick labels, in pixels. */
const LABEL_GAP = 8;

/** Whether the x ticks' labels (centred on their tick) stay clear of each other. */
export function xLabelsFit(axis: LinearAxis): boolean {
  const { scale, ticks } = axis;
  for (let i = 1; i < ticks.length; i += 1) {
    const a = ticks[i - 1];
    const b = ticks[i];
    if (a === undefined || b === undefined) continue;
    const room = Math.abs(scale(b.value) - scale(a.value));
    const needed = (textWidth(a.label, FONT_SIZE) + textWidth(b.label, FONT_SIZE)) / 2 + LABEL_GAP;
    if (room < needed) return false;
  }
  return true;
}

/**
 * A bottom axis as `linearAxis`, with fewer ticks when their labels would overlap: long labels
 * (training steps such as `1,000,000,000,000`) are wider than the usual spacing.
 */
export function fittedXAxis(
  domain: readonly [number, number],
  range: readonly [number, number],
  spacing: number,
  nice = true,
): LinearAxis {
  const width = Math.abs(range[1] - range[0]);
  let axis = linearAxis(domain, range, spacing, nice);
  for (let wider = spacing * 1.25; !xLabelsFit(axis) && wider <= width; wider *= 1.25) {
    axis = linearAxis(domain, range, wider, nice);
  }
  return axis;
}

/** One axis: grid lines (none when `grid` is empty), the domain line with its ticks, the text. */
function axisGroup(
  which: 'x' | 'y',
  anchor: 'middle' | 'end',
  grid: string,
  domain: string,
  content: string,
): string {
  return el(
    'g',
    { class: `axis axis-${which}`, fill: FG, 'text-anchor': anchor },
    (grid === '' ? '' : el('path', { class: 'grid', stroke: GRID, d: grid })) +
      el('path', { class: 'domain', stroke: FG, fill: 'none', d: domain }) +
      content,
  );
}
