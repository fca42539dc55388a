/** Placing text labels along one axis without overlaps. */

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
