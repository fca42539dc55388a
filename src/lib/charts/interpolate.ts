/**
 * Linear interpolation of scattered values: a Delaunay triangulation (d3-delaunay) and, inside
 * each triangle, the barycentric mix of its corners' values. Exact at the data points, linear
 * inside a triangle, NaN outside the convex hull (no extrapolation). This replaces SciPy's
 * `griddata` of the original app; its cubic (Clough–Tocher) surface is not reproduced.
 */

import { Delaunay } from 'd3-delaunay';

export interface Sample {
  readonly x: number;
  readonly y: number;
  readonly value: number;
}

export type TriangulationFailure = 'too-few-points' | 'collinear';

export type Triangulation =
  | {
      readonly ok: true;
      readonly samples: readonly Sample[];
      /** Corner indexes into `samples`, three per triangle. */
      readonly triangles: Uint32Array;
      /** The convex hull, counter-clockwise, as [x, y] pairs (first point not repeated). */
      readonly hull: readonly (readonly [number, number])[];
    }
  | { readonly ok: false; readonly reason: TriangulationFailure };

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Whether the points lie on one line (or are fewer than 3 distinct positions): no triangle can
 * be formed. Every point must lie within `tolerance` × the longest span of the line through the
 * first point and the point farthest from it.
 */
export function isCollinear(points: readonly Point[], tolerance = 1e-9): boolean {
  const a = points[0];
  if (a === undefined) return true;
  let far = a;
  let farDistance = 0;
  for (const p of points) {
    const d = Math.hypot(p.x - a.x, p.y - a.y);
    if (d > farDistance) {
      far = p;
      farDistance = d;
    }
  }
  if (farDistance === 0) return true;
  const dx = far.x - a.x;
  const dy = far.y - a.y;
  return points.every((p) => {
    const offLine = Math.abs(dx * (p.y - a.y) - dy * (p.x - a.x)) / farDistance;
    return offLine <= tolerance * farDistance;
  });
}

/**
 * Triangulate samples. Positions should be distinct (merge duplicates first): a repeated
 * position takes part in no triangle, so only one of its values is used.
 */
export function triangulate(samples: readonly Sample[]): Triangulation {
  if (samples.length < 3) return { ok: false, reason: 'too-few-points' };
  if (isCollinear(samples)) return { ok: false, reason: 'collinear' };
  const delaunay = Delaunay.from(
    samples,
    (s) => s.x,
    (s) => s.y,
  );
  // d3-delaunay jitters collinear input into slivers (and then sets the untyped `collinear`);
  // never interpolate over those.
  const jittered = 'collinear' in delaunay && delaunay.collinear !== undefined;
  if (jittered || delaunay.triangles.length === 0) {
    return { ok: false, reason: 'collinear' };
  }
  const hull = Array.from(delaunay.hull, (i): readonly [number, number] => {
    const s = samples[i];
    return [s?.x ?? 0, s?.y ?? 0];
  });
  return { ok: true, samples, triangles: delaunay.triangles, hull };
}

/** Points on a triangle's edge count as inside despite rounding. */
const EDGE = 1e-9;

/**
 * The interpolated value at (x, y) if it lies in triangle `t`, else NaN; with `extend`, the
 * value of the triangle's plane wherever (x, y) lies.
 */
function valueInTriangle(
  samples: readonly Sample[],
  triangles: Uint32Array,
  t: number,
  x: number,
  y: number,
  extend = false,
): number {
  const a = samples[triangles[3 * t] ?? 0];
  const b = samples[triangles[3 * t + 1] ?? 0];
  const c = samples[triangles[3 * t + 2] ?? 0];
  if (a === undefined || b === undefined || c === undefined) return Number.NaN;
  const det = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
  if (det === 0) return Number.NaN;
  const la = ((b.y - c.y) * (x - c.x) + (c.x - b.x) * (y - c.y)) / det;
  const lb = ((c.y - a.y) * (x - c.x) + (a.x - c.x) * (y - c.y)) / det;
  const lc = 1 - la - lb;
  if (!extend && (la < -EDGE || lb < -EDGE || lc < -EDGE)) return Number.NaN;
  return la * a.value + lb * b.value + lc * c.value;
}

/** The interpolated value at one position (NaN outside the hull). O(triangles); for tests. */
export function interpolateAt(triangulation: Triangulation, x: number, y: number): number {
  if (!triangulation.ok) return Number.NaN;
  const { samples, triangles } = triangulation;
  for (let t = 0; t < triangles.length / 3; t += 1) {
    const value = valueInTriangle(samples, triangles, t, x, y);
    if (!Number.isNaN(value)) return value;
  }
  return Number.NaN;
}

/** A regular grid of nx × ny nodes from (x0, y0) to (x1, y1), both ends included. */
export interface Grid {
  readonly nx: number;
  readonly ny: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** x of node column i (and likewise y of node row j). */
export function gridCoordinate(start: number, end: number, count: number, index: number): number {
  return count <= 1 ? start : start + ((end - start) * index) / (count - 1);
}

interface Raster {
  readonly values: Float64Array;
  /** The triangle each node's value comes from, -1 outside the hull. */
  readonly source: Int32Array;
}

/**
 * Each triangle fills the grid nodes inside its bounding box, so the work is about the grid size
 * plus the triangles, not their product. A node on a shared edge keeps the first triangle's
 * value (the same up to rounding: the interpolation is continuous).
 */
function rasterize(triangulation: Triangulation, grid: Grid): Raster {
  const { nx, ny, x0, x1, y0, y1 } = grid;
  const values = new Float64Array(Math.max(0, nx * ny)).fill(Number.NaN);
  const source = new Int32Array(Math.max(0, nx * ny)).fill(-1);
  if (!triangulation.ok || nx < 1 || ny < 1) return { values, source };
  const { samples, triangles } = triangulation;
  const stepX = nx > 1 ? (x1 - x0) / (nx - 1) : 1;
  const stepY = ny > 1 ? (y1 - y0) / (ny - 1) : 1;
  const toIndex = (v: number, start: number, step: number) => (step === 0 ? 0 : (v - start) / step);
  for (let t = 0; t < triangles.length / 3; t += 1) {
    const corners = [0, 1, 2].map((k) => samples[triangles[3 * t + k] ?? 0] ?? { x: 0, y: 0 });
    const xs = corners.map((p) => toIndex(p.x, x0, stepX));
    const ys = corners.map((p) => toIndex(p.y, y0, stepY));
    const iMin = Math.max(0, Math.ceil(Math.min(...xs) - 1e-6));
    const iMax = Math.min(nx - 1, Math.floor(Math.max(...xs) + 1e-6));
    const jMin = Math.max(0, Math.ceil(Math.min(...ys) - 1e-6));
    const jMax = Math.min(ny - 1, Math.floor(Math.max(...ys) + 1e-6));
    for (let j = jMin; j <= jMax; j += 1) {
      const y = gridCoordinate(y0, y1, ny, j);
      for (let i = iMin; i <= iMax; i += 1) {
        const cell = i + j * nx;
        if (source[cell] !== -1) continue;
        const value = valueInTriangle(samples, triangles, t, gridCoordinate(x0, x1, nx, i), y);
        if (Number.isNaN(value)) continue;
        values[cell] = value;
        source[cell] = t;
      }
    }
  }
  return { values, source };
}

/** Values at every grid node, row by row (`values[i + j * nx]`, j along y), NaN outside the hull. */
export function interpolateGrid(triangulation: Triangulation, grid: Grid): Float64Array {
  return rasterize(triangulation, grid).values;
}

/**
 * Grid values for drawing: inside the hull as `interpolateGrid`; every node outside takes the
 * plane of the triangle of its nearest node inside (breadth first over the 4 neighbours, in index
 * order), clamped to the samples' range. Contours then run straight on to the hull's edge; the
 * caller clips them to the hull, so nothing outside it is shown.
 */
export function extendedGrid(triangulation: Triangulation, grid: Grid): Float64Array {
  const { values, source } = rasterize(triangulation, grid);
  if (!triangulation.ok) return values;
  const { samples, triangles } = triangulation;
  const { nx, ny } = grid;
  const lo = Math.min(...samples.map((s) => s.value));
  const hi = Math.max(...samples.map((s) => s.value));
  const queue: number[] = [];
  for (let cell = 0; cell < source.length; cell += 1) if (source[cell] !== -1) queue.push(cell);
  for (let head = 0; head < queue.length; head += 1) {
    const cell = queue[head] ?? 0;
    const i = cell % nx;
    const j = (cell - i) / nx;
    const neighbours = [
      i > 0 ? cell - 1 : -1,
      i < nx - 1 ? cell + 1 : -1,
      j > 0 ? cell - nx : -1,
      j < ny - 1 ? cell + nx : -1,
    ];
    for (const next of neighbours) {
      if (next < 0 || source[next] !== -1) continue;
      const t = source[cell] ?? 0;
      const ni = next % nx;
      const nj = (next - ni) / nx;
      const x = gridCoordinate(grid.x0, grid.x1, nx, ni);
      const y = gridCoordinate(grid.y0, grid.y1, ny, nj);
      const plane = valueInTriangle(samples, triangles, t, x, y, true);
      values[next] = Math.max(lo, Math.min(hi, plane));
      source[next] = t;
      queue.push(next);
    }
  }
  return values;
}
