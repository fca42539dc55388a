/**
 * The Pareto front of points where both coordinates are maximised.
 *
 * Rule: a point is dominated when another point is >= on both coordinates and > on at least one.
 * The front is every point that is not dominated, so points equal on both coordinates are all on
 * the front or all off it (duplicates are kept, never dropped). Points with a non-finite
 * coordinate take no part.
 *
 * O(n log n): sort by x descending; sweep groups of equal x, keeping the best y seen at larger x.
 * In a group only the points with the group's largest y can be on the front, and they are when
 * that y beats every y at larger x.
 */

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Indexes of the front's points, ordered by x ascending, then y descending, then index. */
export function paretoFront(points: readonly XY[]): number[] {
  const at = (i: number): XY => points[i] ?? { x: Number.NaN, y: Number.NaN };
  const order = points
    .map((_, i) => i)
    .filter((i) => Number.isFinite(at(i).x) && Number.isFinite(at(i).y))
    .sort((a, b) => at(b).x - at(a).x || at(b).y - at(a).y || a - b);
  const front: number[] = [];
  let bestY = -Infinity;
  let start = 0;
  while (start < order.length) {
    const first = at(order[start] ?? 0);
    let end = start;
    while (end < order.length && at(order[end] ?? 0).x === first.x) end += 1;
    // Sorted by y descending within the group, so the group's largest y comes first.
    if (first.y > bestY) {
      for (let k = start; k < end && at(order[k] ?? 0).y === first.y; k += 1) {
        front.push(order[k] ?? 0);
      }
      bestY = first.y;
    }
    start = end;
  }
  return front.sort((a, b) => at(a).x - at(b).x || at(b).y - at(a).y || a - b);
}
