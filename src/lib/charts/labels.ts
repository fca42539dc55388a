/** Placing text labels without overlaps: along one axis, or beside points in a plot. */

import { textWidth } from './svg.ts';

/**
 * Label positions near their wanted positions, at least `gap` apart and inside [min, max] when
 * they fit: sorted by wanted position (ties by input order), pushed down, then pulled back up
 * from `max`. Returns the positions in input order. O(n log n).
 */
export function spreadLabels(
  wanted: readonly number[],
  gap: number,
  min: number,
  max: number,
): number[] {
  const order = wanted
    .map((_, i) => i)
    .sort((a, b) => (wanted[a] ?? 0) - (wanted[b] ?? 0) || a - b);
  const placed = new Array<number>(wanted.length).fill(0);
  let previous = -Infinity;
  for (const i of order) {
    const y = Math.max(wanted[i] ?? 0, previous + gap, min);
    placed[i] = y;
    previous = y;
  }
  let next = Infinity;
  for (let k = order.length - 1; k >= 0; k -= 1) {
    const i = order[k] ?? 0;
    const y = Math.min(placed[i] ?? 0, next - gap, max);
    placed[i] = y;
    next = y;
  }
  return placed;
}

/** A rectangle in chart pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Where a label may go, from its anchor point: a text offset and the side the text runs. */
export interface LabelSpot {
  readonly dx: number;
  readonly dy: number;
  readonly anchor: 'start' | 'end';
}

export interface LabelToPlace {
  readonly x: number;
  readonly y: number;
  /** The text's width and font size (its height above the baseline). */
  readonly width: number;
  readonly fontSize: number;
  /** Candidate spots, best first. */
  readonly spots: readonly LabelSpot[];
}

/** A square box of half-side `r` around a mark's centre. */
export function boxAround(cx: number, cy: number, r: number): Box {
  return { left: cx - r, right: cx + r, top: cy - r, bottom: cy + r };
}

/**
 * The four spots beside a point, best first: above it on the side towards the plot's middle
 * (so the plot's edge does not cut the text), above on the other side, then below on each.
 * `offset` keeps the text clear of the mark; `below` is the baseline's drop under the point.
 */
export function spotsBeside(
  x: number,
  middle: number,
  offset: { readonly dx: number; readonly above: number; readonly below: number },
): LabelSpot[] {
  const inward = x > middle ? 'end' : 'start';
  const outward = inward === 'end' ? 'start' : 'end';
  const dx = (anchor: 'start' | 'end') => (anchor === 'end' ? -offset.dx : offset.dx);
  return [
    { dx: dx(inward), dy: -offset.above, anchor: inward },
    { dx: dx(outward), dy: -offset.above, anchor: outward },
    { dx: dx(inward), dy: offset.below, anchor: inward },
    { dx: dx(outward), dy: offset.below, anchor: outward },
  ];
}

/**
 * Labels of the given texts beside marks at chart pixels, each as wide as its text in the font
 * size and with the four spots of spotsBeside: what placeLabels takes for names written beside
 * points.
 */
export function labelsBeside(
  marks: readonly { readonly x: number; readonly y: number }[],
  texts: readonly string[],
  fontSize: number,
  middle: number,
  offset: { readonly dx: number; readonly above: number; readonly below: number },
): LabelToPlace[] {
  return marks.map((mark, i) => ({
    x: mark.x,
    y: mark.y,
    width: textWidth(texts[i] ?? '', fontSize),
    fontSize,
    spots: spotsBeside(mark.x, middle, offset),
  }));
}

/** The box a label's text covers at a spot (descenders included). */
export function labelBox(label: LabelToPlace, spot: LabelSpot): Box {
  const start = label.x + spot.dx;
  const left = spot.anchor === 'start' ? start : start - label.width;
  const baseline = label.y + spot.dy;
  return {
    left,
    right: left + label.width,
    top: baseline - label.fontSize,
    bottom: baseline + label.fontSize / 4,
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(box: Box, bounds: Box): boolean {
  return (
    box.left >= bounds.left &&
    box.right <= bounds.right &&
    box.top >= bounds.top &&
    box.bottom <= bounds.bottom
  );
}

/**
 * Each label, in order, at the first of its spots that stays inside `bounds` and covers no
 * obstacle and no label placed before it; null for a label with no such spot. Greedy, so the
 * same labels in the same order always get the same spots.
 */
export function placeLabels(
  labels: readonly LabelToPlace[],
  obstacles: readonly Box[],
  bounds: Box,
): (LabelSpot | null)[] {
  const taken: Box[] = [...obstacles];
  return labels.map((label) => {
    for (const spot of label.spots) {
      const box = labelBox(label, spot);
      if (!inside(box, bounds) || taken.some((t) => overlaps(box, t))) continue;
      taken.push(box);
      return spot;
    }
    return null;
  });
}
