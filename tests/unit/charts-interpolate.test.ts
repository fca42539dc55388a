/** Linear interpolation over a Delaunay triangulation. */
import { describe, expect, it } from 'vitest';
import {
  extendedGrid,
  interpolateAt,
  interpolateGrid,
  isCollinear,
  triangulate,
  type Sample,
} from '../../src/lib/charts/interpolate.ts';

/** value = 2 + 3x - 5y: a plane, so linear interpolation must reproduce it exactly. */
const plane = (x: number, y: number) => 2 + 3 * x - 5 * y;
const square: Sample[] = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
  [0.4, 0.6],
].map(([x = 0, y = 0]) => ({ x, y, value: plane(x, y) }));

describe('triangulate', () => {
  it('refuses fewer than 3 points', () => {
    expect(triangulate(square.slice(0, 2))).toEqual({ ok: false, reason: 'too-few-points' });
  });

  it('refuses collinear points', () => {
    const line = [0, 1, 2, 3].map((t) => ({ x: t, y: 2 * t + 1, value: t }));
    expect(triangulate(line)).toEqual({ ok: false, reason: 'collinear' });
  });

  it('triangulates a square with a point inside', () => {
    const t = triangulate(square);
    expect(t.ok).toBe(true);
    if (t.ok) {
      expect(t.triangles.length / 3).toBe(4);
      expect(t.hull).toHaveLength(4);
    }
  });
});

describe('isCollinear', () => {
  it('detects points on one line, a single position and no points', () => {
    expect(
      isCollinear([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
        { x: 5, y: 5 },
      ]),
    ).toBe(true);
    expect(
      isCollinear([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).toBe(true);
    expect(isCollinear([])).toBe(true);
    expect(
      isCollinear([
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 0, y: 1e-3 },
      ]),
    ).toBe(false);
  });

  it('tolerates rounding noise only', () => {
    expect(
      isCollinear([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
        { x: 0.5, y: 0.5 + 1e-13 },
      ]),
    ).toBe(true);
  });
});

describe('interpolateAt', () => {
  const t = triangulate(square);

  it('is exact at the data points', () => {
    for (const s of square) expect(interpolateAt(t, s.x, s.y)).toBe(s.value);
  });

  it('is linear inside a triangle', () => {
    const three = triangulate([
      { x: 0, y: 0, value: 10 },
      { x: 4, y: 0, value: 30 },
      { x: 0, y: 2, value: 20 },
    ]);
    // value = 10 + 5x + 5y
    expect(interpolateAt(three, 1, 0.5)).toBeCloseTo(17.5, 12);
    expect(interpolateAt(three, 2, 0)).toBeCloseTo(20, 12); // on an edge
    expect(interpolateAt(t, 0.25, 0.3)).toBeCloseTo(plane(0.25, 0.3), 12);
    expect(interpolateAt(t, 0.9, 0.8)).toBeCloseTo(plane(0.9, 0.8), 12);
  });

  it('is NaN outside the convex hull', () => {
    expect(interpolateAt(t, 1.01, 0.5)).toBeNaN();
    const three = triangulate([
      { x: 0, y: 0, value: 1 },
      { x: 1, y: 0, value: 1 },
      { x: 0, y: 1, value: 1 },
    ]);
    expect(interpolateAt(three, 0.6, 0.6)).toBeNaN();
  });

  it('is NaN for a failed triangulation', () => {
    expect(interpolateAt(triangulate([]), 0, 0)).toBeNaN();
  });
});

describe('grids', () => {
  const triangle = triangulate([
    { x: 0, y: 0, value: 0 },
    { x: 1, y: 0, value: 10 },
    { x: 0, y: 1, value: 20 },
  ]);
  const grid = { nx: 5, ny: 5, x0: 0, x1: 1, y0: 0, y1: 1 };

  it('fills nodes inside the hull and leaves the rest NaN', () => {
    const values = interpolateGrid(triangle, grid);
    expect(values).toHaveLength(25);
    expect(values[0]).toBe(0); // (0, 0)
    expect(values[4]).toBeCloseTo(10, 12); // (1, 0)
    expect(values[20]).toBeCloseTo(20, 12); // (0, 1)
    expect(values[2 + 2 * 5]).toBeCloseTo(15, 12); // (0.5, 0.5) on the hypotenuse
    expect(values[24]).toBeNaN(); // (1, 1)
    expect(values[3 + 3 * 5]).toBeNaN(); // (0.75, 0.75)
    const inside = Array.from(values).filter((v) => !Number.isNaN(v)).length;
    expect(inside).toBe(15); // the 15 nodes with i + j <= 4
  });

  it('fills the nodes on the hull whatever the rounding of the grid step', () => {
    // 1 / (1 / 93) is a hair under 93: the last column is found with a tolerance, or lost.
    const corners = triangulate(square.slice(0, 4));
    const n = 94;
    const values = interpolateGrid(corners, { nx: n, ny: n, x0: 0, x1: 1, y0: 0, y1: 1 });
    expect(Array.from(values).filter((v) => Number.isNaN(v))).toEqual([]);
    expect(values[n - 1]).toBeCloseTo(plane(1, 0), 12);
    expect(values[n * n - 1]).toBeCloseTo(plane(1, 1), 12);
  });

  it('extends the nearest plane outside the hull for drawing, clamped to the values', () => {
    const values = extendedGrid(triangle, grid);
    expect(Array.from(values).every((v) => Number.isFinite(v))).toBe(true);
    expect(values[3 + 3 * 5]).toBe(20); // plane gives 22.5, clamped to the largest value
    expect(values[0]).toBe(0);
  });
});
