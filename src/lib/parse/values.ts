/** Short, safe descriptions of JSON values for messages. */

import { NON_FINITE_PREFIX } from './read-json.ts';

/** Whether a value is the marker read-json.ts puts where the file has a bare NaN or Infinity. */
export function isNonFiniteMarker(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(NON_FINITE_PREFIX);
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.startsWith(NON_FINITE_PREFIX)) return value.slice(NON_FINITE_PREFIX.length);
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

/**
 * Whether a score lies within its scale (SEA-HELM's 0-100, lm-eval's fractions 0-1). Rounding
 * noise past an end is tolerated.
 */
export function isWithin(value: number, low: number, high: number): boolean {
  return value >= low - RANGE_TOLERANCE && value <= high + RANGE_TOLERANCE;
}

const RANGE_TOLERANCE = 1e-9;

/** The message text of an error entry, which is a string in SEA-HELM. */
export function errorText(value: unknown): string {
  return typeof value === 'string' ? value : describeValue(value);
}
