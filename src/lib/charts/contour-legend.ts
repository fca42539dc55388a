/** The contour plot's colour bar. */

import { tickStep } from 'd3-array';
import { FG, MUTED } from './colors.ts';
import { el, FONT_SIZE, text } from './svg.ts';
import { formatLinearTick } from './ticks.ts';

/** A vertical colour bar: one block per band, labels at the thresholds. */
export function contourLegend(
  thresholds: readonly number[],
  min: number,
  max: number,
  colorOf: (k: number) => string,
  title: string,
  x: number,
  top: number,
  height: number,
): string {
  const barTop = top + 18;
  const barHeight = Math.max(20, height - 24);
  const at = (v: number) =>
    barTop + barHeight - (max === min ? 0.5 : (v - min) / (max - min)) * barHeight;
  const blocks = thresholds
    .map((lower, k) => {
      const upper = thresholds[k + 1] ?? max;
      // All values equal: one block fills the bar, labelled in its middle.
      const y1 = max === min ? barTop : at(upper);
      const y0 = max === min ? barTop + barHeight : at(lower);
      return el('rect', { x, y: y1, width: 14, height: Math.max(0.5, y0 - y1), fill: colorOf(k) });
    })
    .join('');
  // Inner thresholds with the tick step's decimals; the ends with 2 decimals. Greedy from the
  // bottom, dropping labels closer than a line of text, except that the maximum always stays.
  const step = tickStep(min, max, 10);
  const candidates = [
    { v: min, label: formatLinearTick(min, 0.01) },
    ...thresholds.slice(1).map((v) => ({ v, label: formatLinearTick(v, step) })),
    ...(max === min ? [] : [{ v: max, label: formatLinearTick(max, 0.01) }]),
  ];
  const kept: { v: number; label: string }[] = [];
  for (const candidate of candidates) {
    const previous = kept[kept.length - 1];
    const isMax = candidate.v === max && max !== min;
    if (previous !== undefined && at(previous.v) - at(candidate.v) < FONT_SIZE + 1) {
      if (!isMax || kept.length === 1) continue;
      kept.pop();
    }
    kept.push(candidate);
  }
  const labels = kept.map((c) => text(c.label, { x: x + 19, y: at(c.v) + 4 })).join('');
  return el(
    'g',
    { class: 'legend legend-color', fill: FG },
    text(title, { x, y: top + 8, 'font-weight': 600 }) +
      blocks +
      el('rect', {
        x,
        y: barTop,
        width: 14,
        height: barHeight,
        fill: 'none',
        stroke: MUTED,
        'stroke-width': 0.5,
      }) +
      labels,
  );
}
