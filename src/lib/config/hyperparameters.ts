/**
 * Hyperparameters read from a configuration or model name with the configured patterns.
 */
import type { HyperparameterPattern } from './types.ts';

const compiled = new Map<string, RegExp>();

/** Patterns are validated when the config loads; compile each source once. */
function regexFor(source: string): RegExp {
  let regex = compiled.get(source);
  if (regex === undefined) {
    regex = new RegExp(source);
    compiled.set(source, regex);
  }
  return regex;
}

/**
 * The value of every pattern that matches `name`, keyed by the pattern's name: the first
 * capture group read as a number. Patterns that do not match, or whose capture is not a
 * finite number, are left out.
 */
export function parseHyperparameters(
  name: string,
  patterns: readonly HyperparameterPattern[],
): Record<string, number> {
  const entries: [string, number][] = [];
  for (const { name: key, pattern } of patterns) {
    const captured = regexFor(pattern).exec(name)?.[1];
    // Number('') is 0, so an empty capture must not count as a value.
    const value = captured === undefined || captured.trim() === '' ? Number.NaN : Number(captured);
    if (Number.isFinite(value)) entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}
