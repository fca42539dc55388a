/**
 * Compact number text for legends, notes and tooltips, without d3: the browser's light modules
 * (hyperparameters, the contour's inputs) use it, and ticks.ts re-exports it.
 */

export const EPSILON = 1e-9;

/** The decimal exponent of a positive number (1e-4 -> -4, 3e-4 -> -4, 1000 -> 3). */
export function exponentOf(value: number): number {
  return Math.floor(Math.log10(value) + EPSILON);
}

/**
 * A number in a legend or a note, short but exact enough to tell sweep values apart: up to 4
 * significant digits, `<mantissa>e<exponent>` below 0.01 or from 100,000 (`3e-4`, `1024`, `0.5`).
 */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 0.01 && magnitude < 1e5) return String(Number(value.toPrecision(4)));
  const exponent = exponentOf(magnitude);
  const mantissa = Number((value / 10 ** exponent).toPrecision(4));
  return `${mantissa}e${exponent}`;
}

/**
 * A value that must stay exact, such as a hyperparameter read from a configuration name: the
 * compact text when it reads back as the same number, else every digit the number has
 * (`0.12345`, `1.2345e-5`), so two values never share a legend entry or a tooltip text.
 */
export function formatExact(value: number): string {
  const compact = formatCompact(value);
  if (!Number.isFinite(value) || Number(compact) === value) return compact;
  const magnitude = Math.abs(value);
  if (magnitude >= 0.01 && magnitude < 1e5) return String(value);
  return value.toExponential().replace('e+', 'e');
}
