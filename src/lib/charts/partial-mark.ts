/**
 * How a chart draws a point whose value is partial (scoring.md section 2: pages mark every
 * partial aggregate), so that it is not read as complete before its tooltip is: a dashed ring
 * around its marker (a model's, keeping its colour and outline, or a baseline's cross), as the
 * contour rings its partial points. A note under the chart says so.
 */

import { plural } from '../site/format.ts';
import { FG } from './colors.ts';
import { el } from './svg.ts';

export const PARTIAL_DASH = '2.4 1.6';

/** Room between a marker's edge and its ring. */
const RING_GAP = 3;

/**
 * A dashed ring around a marker of `radius` centred at (cx, cy) when its value is partial;
 * nothing otherwise. Drawn in the text colour, so it reads on both themes; it takes no pointer
 * events, so hovering the marker stays as it was.
 */
export function partialRing(partial: string | null, radius: number, cx = 0, cy = 0): string {
  if (partial === null) return '';
  return el('circle', {
    class: 'partial-ring',
    cx,
    cy,
    r: radius + RING_GAP,
    fill: 'none',
    stroke: FG,
    'stroke-width': 1.2,
    'stroke-dasharray': PARTIAL_DASH,
    'pointer-events': 'none',
  });
}

/** The radius of a marker of `area` px², as a circle of that area has it. */
export function markerRadius(area: number): number {
  return Math.sqrt(area / Math.PI);
}

/** What the notes say of the partial points drawn so; null when there are none. */
export function partialPointsNote(count: number, xTitle: string, yTitle: string): string | null {
  if (count === 0) return null;
  const values = xTitle === yTitle ? xTitle : `${xTitle} or ${yTitle}`;
  return `${plural(count, 'point')} with a partial ${values} (not every expected input present; hover for which) ${count === 1 ? 'has a dashed ring around it' : 'have a dashed ring around them'}.`;
}
