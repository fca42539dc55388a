/**
 * Axes as SVG strings: grid lines, tick marks, tick labels and the axis title. Tick values and
 * labels come from `ticks.ts`; the caller maps values to pixels.
 */

import { FG, GRID } from './colors.ts';
import { scaleLinear, type LinearScale } from './linear-scale.ts';
import { el, num, text, textWidth } from './svg.ts';
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
    .map(({ tick, x }) => text(tick.label, { x, y: frame.bottom + TICK + 11 }))
    .join('');
  const title = text(options.title, {
    class: 'axis-title',
    x: (frame.left + frame.right) / 2,
    y: frame.bottom + TICK + 30,
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
  options: AxisOptions & { readonly titleOffset?: number },
): string {
  const shown = ticks
    .map((tick) => ({ tick, y: position(tick.value) }))
    .filter(({ y }) => y >= frame.top - SLACK && y <= frame.bottom + SLACK);
  const grid = shown.map(({ y }) => `M${num(frame.left)},${num(y)}H${num(frame.right)}`).join('');
  const marks = shown.map(({ y }) => `M${num(frame.left)},${num(y)}h-${TICK}`).join('');
  const labels = shown
    .map(({ tick, y }) => text(tick.label, { x: frame.left - TICK - 3, y: y + 4 }))
    .join('');
  const cx = frame.left - (options.titleOffset ?? 42);
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

/** Whether the x ticks' labels (11 px text, centred on their tick) stay clear of each other. */
export function xLabelsFit(axis: LinearAxis): boolean {
  const { scale, ticks } = axis;
  for (let i = 1; i < ticks.length; i += 1) {
    const a = ticks[i - 1];
    const b = ticks[i];
    if (a === undefined || b === undefined) continue;
    const room = Math.abs(scale(b.value) - scale(a.value));
    const needed = (textWidth(a.label, 11) + textWidth(b.label, 11)) / 2 + LABEL_GAP;
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
