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

/** `x-LR1e-4-GBS64_20000` -> `x-LR1e-4-GBS64`; a name without a step suffix is unchanged. */
export function configurationName(model: string): string {
  return model.replace(/_\d+$/, '');
}

/** The number a capture holds, or NaN (Number('') is 0, so an empty capture is no value). */
export function capturedNumber(captured: string | undefined): number {
  return captured === undefined || captured.trim() === '' ? Number.NaN : Number(captured);
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
    const value = capturedNumber(regexFor(pattern).exec(name)?.[1]);
    if (Number.isFinite(value)) entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}

/** A pattern that matches configuration names but reads no number from some of them. */
export interface HyperparameterMiss {
  /** Position of the pattern in the config's list. */
  readonly index: number;
  /** The first such name, and what its capture group held (undefined: nothing). */
  readonly example: string;
  readonly captured: string | undefined;
  /** How many of the names it matches give no number, of how many it matches. */
  readonly missed: number;
  readonly matched: number;
}

/**
 * Each pattern that matches some of `names` (configuration names) without a number in its
 * capture group: those configurations get no value for it, and the charts leave them out.
 */
export function hyperparameterMisses(
  names: readonly string[],
  patterns: readonly HyperparameterPattern[],
): HyperparameterMiss[] {
  return patterns.flatMap(({ pattern }, index) => {
    let matched = 0;
    let first: { example: string; captured: string | undefined } | null = null;
    let missed = 0;
    for (const name of names) {
      const match = regexFor(pattern).exec(name);
      if (match === null) continue;
      matched++;
      if (Number.isFinite(capturedNumber(match[1]))) continue;
      missed++;
      first ??= { example: name, captured: match[1] };
    }
    return first === null ? [] : [{ index, ...first, missed, matched }];
  });
}
