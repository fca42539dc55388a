/**
 * Axis tick positions and their labels. Pure and deterministic; the label rules are unit tested.
 *
 * - Linear: d3's "nice" 1-2-5 steps; labels with as many decimals as the step needs and a
 *   thousands separator (`20,000`, `0.5`, `−2`).
 * - Log (values already in log10 space): ticks at each power of ten in the domain; when fewer than
 *   two fall inside, the 2× and 5× multiples too; when still fewer, the domain's ends. Labels:
 *   decimals from 10^-2 to 10^2 (`0.01`, `0.5`, `100`), otherwise `<mantissa>e<exponent>`
 *   (`1e-4`, `2e-4`, `1e3`); a domain end, being a value of the data rather than a round one,
 *   with every digit it needs (`1.024e3` for 1024, never `1.02e3`).
 */

import { tickStep, ticks } from 'd3-array';
import { format, precisionFixed } from 'd3-format';
import { EPSILON, exponentOf, formatCompact } from './compact.ts';

export interface Tick {
  /** Position in the scale's domain (for a log axis: the log10 of the value). */
  readonly value: number;
  readonly label: string;
}

/** Label of a linear tick, with the decimals the tick step needs. */
export function formatLinearTick(value: number, step: number): string {
  const decimals = step > 0 && Number.isFinite(step) ? precisionFixed(step) : 0;
  return format(`,.${Math.min(decimals, 10)}f`)(value);
}

/** About `count` nice ticks over a domain (either order); one tick for an empty domain. */
export function linearTicks(domain: readonly [number, number], count = 6): Tick[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [{ value: lo, label: formatLinearTick(lo, 1) }];
  const step = tickStep(lo, hi, count);
  return ticks(lo, hi, count).map((value) => ({ value, label: formatLinearTick(value, step) }));
}

// Shared with formatCompact, which lives apart so light modules can use it without d3.
export { formatCompact };

/** A positive value's label on a log axis (see the module comment). */
export function formatLogTick(value: number): string {
  return logLabel(value, 3);
}

/** A log axis label to `digits` significant digits. */
function logLabel(value: number, digits: number): string {
  if (!(value > 0) || !Number.isFinite(value)) return String(value);
  const exponent = exponentOf(value);
  if (exponent >= -2 && exponent <= 2) return String(Number(value.toPrecision(digits)));
  const mantissa = Number((value / 10 ** exponent).toPrecision(digits));
  return `${mantissa}e${exponent}`;
}

/** 10 ** log10(v) can miss v by an ulp or so: a label this close reads back as the value. */
const READ_BACK = 1e-12;

/**
 * The label of a tick at a domain end: the fewest digits (3 at least) that read back as the
 * value, since the tick stands at the data's extreme (GBS 1024), not at a round number.
 */
function exactLogTick(value: number): string {
  for (let digits = 3; digits < 17; digits += 1) {
    const label = logLabel(value, digits);
    if (Math.abs(Number(label) - value) <= value * READ_BACK) return label;
  }
  return logLabel(value, 17);
}

/** Ticks for a log axis whose domain is given in log10 space, e.g. [-4, -2.5]. */
export function logTicks(domain: readonly [number, number]): Tick[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const inside = (v: number) => v >= lo - EPSILON && v <= hi + EPSILON;
  const tick = (v: number): Tick => ({ value: v, label: formatLogTick(10 ** v) });
  const decades: number[] = [];
  for (let e = Math.ceil(lo - EPSILON); e <= Math.floor(hi + EPSILON); e += 1) decades.push(e);
  if (decades.length >= 2) return decades.map(tick);
  const multiples: number[] = [];
  for (let e = Math.floor(lo); e <= Math.ceil(hi); e += 1) {
    for (const m of [1, 2, 5]) {
      const v = e + Math.log10(m);
      if (inside(v)) multiples.push(v);
    }
  }
  if (multiples.length >= 2) return multiples.map(tick);
  return (lo === hi ? [lo] : [lo, hi]).map((v) => ({ value: v, label: exactLogTick(10 ** v) }));
}
