/**
 * Hyperparameters of each model, read from its configuration name (the model name without its
 * `_<step>` suffix, scoring.md section 5) with the configured patterns. Reading the configuration
 * name, not the model name, keeps the step digits out of every pattern (fixes B21 together with
 * the delimited default patterns).
 */

import { compareCodePoints } from '../compare.ts';
import { configurationName, parseHyperparameters } from '../config/hyperparameters.ts';
import type { HyperparameterPattern } from '../config/types.ts';
import { caseInsensitiveMatches } from '../loose-match.ts';
import type { RowData } from '../site/site-data.ts';
import { formatExact } from './compact.ts';

export type Hyperparameters = Readonly<Record<string, number>>;

export { configurationName };

/**
 * Model name -> its hyperparameters. Baseline rows get none: their names describe another
 * model, not a configuration of this sweep.
 */
export function modelHyperparameters(
  rows: readonly Pick<RowData, 'model' | 'baseline'>[],
  patterns: readonly HyperparameterPattern[],
): Map<string, Hyperparameters> {
  const map = new Map<string, Hyperparameters>();
  for (const row of rows) {
    const parsed =
      row.baseline === null ? parseHyperparameters(configurationName(row.model), patterns) : {};
    map.set(row.model, parsed);
  }
  return map;
}

/** Every hyperparameter name found, sorted by code point (`GBS`, `LR`, `cc_ratio`, …). */
export function hyperparameterKeys(map: ReadonlyMap<string, Hyperparameters>): string[] {
  const keys = new Set<string>();
  for (const values of map.values()) for (const key of Object.keys(values)) keys.add(key);
  return [...keys].sort(compareCodePoints);
}

/**
 * The hyperparameter a reader names: as written, else in another case when that fits one
 * (`lr` for `LR`); null when none. The contour's pickers show the names themselves, so page
 * addresses (`x=`, `y=`) and write-up props take the same.
 */
export function hyperparameterNamed(keys: readonly string[], name: string): string | null {
  if (keys.includes(name)) return name;
  const [loose] = caseInsensitiveMatches(
    keys,
    name,
    (key) => [key],
    (key) => key,
  );
  return loose ?? null;
}

/** One hyperparameter's value, or undefined (own keys only: `toString` is no hyperparameter). */
export function hyperparameter(
  values: Hyperparameters | undefined,
  key: string,
): number | undefined {
  return values !== undefined && Object.hasOwn(values, key) ? values[key] : undefined;
}

/** `LR=1e-4;GBS=64` in the given key order: for `data-hp` attributes and tooltips. */
export function hyperparameterText(
  values: Hyperparameters | undefined,
  keys: readonly string[],
): string {
  if (values === undefined) return '';
  return keys
    .flatMap((key) => {
      const value = hyperparameter(values, key);
      return value === undefined ? [] : [`${key}=${formatExact(value)}`];
    })
    .join(';');
}
