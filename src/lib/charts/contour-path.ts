/**
 * SVG path data of a contour band: d3-contour's MultiPolygon (polygons of rings, each ring's
 * first point repeated at its end, as GeoJSON closes rings) mapped to pixels point by point.
 *
 * Written out rather than drawn with d3-geo's `geoPath` (through a `geoTransform`, which neither
 * clips nor resamples) because d3-geo added 2.3 KB gzip to the chart code of every run page, for
 * this one use. The output is the same to the byte (a unit test compares them): each ring in
 * order is `M` to its first point, `L` to each next one but the closing repeat, then `Z`;
 * coordinates are rounded half up (`Math.round`) to `digits` decimals and written as JavaScript
 * writes numbers, so `-0.04` becomes `0` and `12.0` becomes `12`.
 */

type Point = readonly number[];

/**
 * @param polygons a MultiPolygon's coordinates: polygons, each an outer ring then its holes.
 * @param toPixels the point's position in the SVG.
 * @param digits decimals kept, a whole number from 0 to 15.
 */
export function bandPath(
  polygons: readonly (readonly (readonly Point[])[])[],
  toPixels: (point: Point) => readonly [number, number],
  digits: number,
): string {
  const scale = 10 ** digits;
  const round = (value: number) => Math.round(value * scale) / scale;
  let d = '';
  for (const rings of polygons) {
    for (const ring of rings) {
      // The last point repeats the first: Z draws that edge. A ring too short for a segment is
      // still closed (a lone `Z`), as geoPath writes it.
      ring.slice(0, -1).forEach((point, i) => {
        const [x, y] = toPixels(point);
        d += `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`;
      });
      d += 'Z';
    }
  }
  return d;
}
