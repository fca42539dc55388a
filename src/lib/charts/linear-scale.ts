/**
 * A linear scale from one number interval to another: the part of d3-scale's `scaleLinear` the
 * charts use (map, `nice`, `copy`, `range`), written out because d3-scale brings d3-interpolate
 * and d3-color into the browser bundle (about 7 KB gzip) for colour and string interpolation the
 * charts never do. The arithmetic is d3-scale 4's, step for step, so the SVG is the same to the
 * last digit: normalise with `(x - d0) / (d1 - d0)`, interpolate with `r0 * (1 - t) + r1 * t`,
 * and extend to nice ends with `tickIncrement` as `linear.nice` does.
 */

import { tickIncrement } from 'd3-array';

export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  range(): [number, number];
  /** Sets the output interval (like d3's `scale.range(r)`) and returns the scale. */
  range(range: readonly [number, number]): LinearScale;
  /** Extends the domain to round ends for about `count` ticks (d3's `linear.nice`). */
  nice(count?: number): LinearScale;
  copy(): LinearScale;
}

/** d3-scale's `normalize(a, b)`: x -> its position in [a, b] (0.5 for an empty interval). */
function normalize(a: number, b: number): (x: number) => number {
  const span = b - a;
  if (span) return (x) => (x - a) / span;
  const constant = Number.isNaN(span) ? Number.NaN : 0.5;
  return () => constant;
}

/** d3-interpolate's `interpolateNumber`. */
function interpolate(a: number, b: number): (t: number) => number {
  return (t) => a * (1 - t) + b * t;
}

/** d3-scale's `bimap` for a two-value domain and range. */
function bimap(
  domain: readonly [number, number],
  range: readonly [number, number],
): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const position = d1 < d0 ? normalize(d1, d0) : normalize(d0, d1);
  const value = d1 < d0 ? interpolate(r1, r0) : interpolate(r0, r1);
  return (x) => value(position(x));
}

/** d3's `linear.nice(count)` on a domain, returning the new domain. */
function niceDomain(domain: readonly [number, number], count: number): [number, number] {
  const d: [number, number] = [domain[0], domain[1]];
  let i0: 0 | 1 = 0;
  let i1: 0 | 1 = 1;
  let start = d[i0];
  let stop = d[i1];
  if (stop < start) {
    [start, stop] = [stop, start];
    [i0, i1] = [i1, i0];
  }
  let previous: number | undefined;
  for (let iteration = 0; iteration < 10; iteration += 1) {
    const step = tickIncrement(start, stop, count);
    if (step === previous) {
      d[i0] = start;
      d[i1] = stop;
      return d;
    } else if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else {
      break;
    }
    previous = step;
  }
  // d3 leaves the domain unchanged when the steps do not settle.
  return [domain[0], domain[1]];
}

export function scaleLinear(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  let currentDomain: [number, number] = [domain[0], domain[1]];
  let currentRange: [number, number] = [range[0], range[1]];
  let output: ((x: number) => number) | null = null;

  const map = (value: number): number => {
    if (Number.isNaN(value)) return Number.NaN;
    output ??= bimap(currentDomain, currentRange);
    return output(value);
  };
  function rangeOf(): [number, number];
  function rangeOf(next: readonly [number, number]): LinearScale;
  function rangeOf(next?: readonly [number, number]): [number, number] | LinearScale {
    if (next === undefined) return [currentRange[0], currentRange[1]];
    currentRange = [next[0], next[1]];
    output = null;
    return scale;
  }
  const scale: LinearScale = Object.assign(map, {
    domain: (): [number, number] => [currentDomain[0], currentDomain[1]],
    range: rangeOf,
    nice: (count = 10): LinearScale => {
      currentDomain = niceDomain(currentDomain, count);
      output = null;
      return scale;
    },
    copy: (): LinearScale => scaleLinear(currentDomain, currentRange),
  });
  return scale;
}
