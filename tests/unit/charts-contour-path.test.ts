/**
 * The contour bands' path data is written by `bandPath`, which replaced d3-geo's `geoPath`
 * through a `geoTransform`: on generated bands and rings it must write the same bytes.
 * (d3-geo stays a dev dependency for this comparison only.)
 */
import { contours } from 'd3-contour';
import { geoPath, geoTransform } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../scripts/synth/prng.ts';
import { bandPath } from '../../src/lib/charts/contour-path.ts';

type Position = number[];
type ToPixels = (point: readonly number[]) => readonly [number, number];

/** What the contour chart wrote before: geoPath with a point-by-point transform, `digits`. */
function d3Path(polygons: Position[][][], toPixels: ToPixels, digits: number): string {
  const project = geoTransform({
    point(x: number, y: number) {
      this.stream.point(...toPixels([x, y]));
    },
  });
  return geoPath(project).digits(digits)({ type: 'MultiPolygon', coordinates: polygons }) ?? '';
}

/** A scale and offset per axis, as the chart's grid -> pixels map is (y flipped or not). */
function randomAffine(rng: Rng): ToPixels {
  const [kx, ky] = [rng.uniform(-40, 40), rng.uniform(-40, 40)];
  const [dx, dy] = [rng.uniform(-500, 500), rng.uniform(-500, 500)];
  return ([x = 0, y = 0]) => [dx + kx * x, dy + ky * y];
}

/** Coordinates that catch rounding out: ties at the rounding digit, near-zero negatives, huge. */
function awkwardNumber(rng: Rng): number {
  switch (rng.int(0, 5)) {
    case 0:
      return rng.int(-2000, 2000) / 20; // x.x5: ties when rounding to 1 decimal
    case 1:
      return rng.int(-2000, 2000) / 200; // x.xx5
    case 2:
      return -rng.uniform(0, 0.06); // rounds to -0, written 0
    case 3:
      return rng.pick([1e21, -3.3e25, 123456789.96, 5e-7, -0]);
    default:
      return rng.uniform(-1000, 1000);
  }
}

describe("contour band paths, against d3-geo's geoPath", () => {
  it('are the same for d3-contour bands of random grids, mapped like the chart maps them', () => {
    const rng = new Rng('contour-path/bands');
    let bands = 0;
    for (let trial = 0; trial < 150; trial++) {
      const [nx, ny] = trial < 10 ? [50, 50] : [rng.int(2, 24), rng.int(2, 24)];
      // Smooth hills, plateaus (rounded values) or noise: rings with holes, several polygons.
      const style = rng.int(0, 2);
      const centres = Array.from({ length: rng.int(1, 4) }, () => [rng.next(), rng.next()]);
      const values = Array.from({ length: nx * ny }, (_, i) => {
        const [x, y] = [(i % nx) / nx, Math.floor(i / nx) / ny];
        const hills = centres.reduce(
          (sum, [cx = 0, cy = 0]) => sum + 1 / (1 + 20 * ((x - cx) ** 2 + (y - cy) ** 2)),
          0,
        );
        return style === 0 ? hills : style === 1 ? Math.round(hills * 3) : rng.normal(0, 1);
      });
      const [low, high] = [Math.min(...values), Math.max(...values)];
      const thresholds = Array.from({ length: rng.int(1, 12) }, () => rng.uniform(low, high));
      // The chart's map half the time (grid node k at k + 0.5, y up, 1 decimal).
      const chartLike = trial % 2 === 0;
      const toPixels: ToPixels = chartLike
        ? ([u = 0, v = 0]) => [
            76 + ((u - 0.5) / (nx - 1)) * 510,
            462 - ((v - 0.5) / (ny - 1)) * 434,
          ]
        : randomAffine(rng);
      const digits = chartLike ? 1 : rng.int(0, 6);
      for (const band of contours().size([nx, ny]).thresholds(thresholds)(values)) {
        expect(bandPath(band.coordinates, toPixels, digits), `trial ${trial}`).toBe(
          d3Path(band.coordinates, toPixels, digits),
        );
        bands++;
      }
    }
    expect(bands).toBeGreaterThan(500);
  });

  it('are the same for hand-made rings: awkward numbers, short rings, empty polygons', () => {
    const rng = new Rng('contour-path/rings');
    for (let trial = 0; trial < 2000; trial++) {
      const polygons = Array.from({ length: rng.int(0, 3) }, () =>
        Array.from({ length: rng.int(0, 3) }, () => {
          const ring = Array.from({ length: rng.int(0, 7) }, () => [
            awkwardNumber(rng),
            awkwardNumber(rng),
          ]);
          // Closed like GeoJSON mostly; geoPath drops the last point whether or not it repeats.
          const first = ring[0];
          if (first !== undefined && rng.chance(0.8)) ring.push([...first]);
          return ring;
        }),
      );
      const toPixels: ToPixels = rng.chance(0.5) ? ([x = 0, y = 0]) => [x, y] : randomAffine(rng);
      const digits = rng.int(0, 4);
      const context = `${JSON.stringify(polygons)} at ${digits} digits`;
      expect(bandPath(polygons, toPixels, digits), context).toBe(
        d3Path(polygons, toPixels, digits),
      );
    }
  });

  it('write a lone Z for a ring without a segment and nothing for no polygons, as geoPath does', () => {
    const identity: ToPixels = ([x = 0, y = 0]) => [x, y];
    expect(bandPath([], identity, 1)).toBe('');
    expect(bandPath([[[[1, 2]]]], identity, 1)).toBe('Z');
    expect(
      bandPath(
        [
          [
            [
              [0, 0],
              [1.25, -0.04],
              [0, 1],
              [0, 0],
            ],
          ],
        ],
        identity,
        1,
      ),
    ).toBe('M0,0L1.3,0L0,1Z');
    for (const polygons of [
      [],
      [[[[1, 2]]]],
      [
        [
          [
            [0, 0],
            [1.25, -0.04],
            [0, 1],
            [0, 0],
          ],
        ],
      ],
    ]) {
      expect(bandPath(polygons, identity, 1)).toBe(d3Path(polygons, identity, 1));
    }
  });
});
