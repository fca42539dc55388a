/**
 * The id a baseline has in results.json and in its rows, as in the original app:
 * `BASELINE_<section>_<name>`.
 */
export function baselineIdOf(section: string, key: string): string {
  return `BASELINE_${section}_${key}`;
}
