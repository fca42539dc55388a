/**
 * Runs in config order (experiments, then hero runs, each in YAML order), as the merged reports
 * have them. Astro's content store hands a collection back sorted by entry id with
 * `localeCompare` in the build machine's locale, so a page that takes the `runs` collection as
 * it comes orders runs by key, and differently under another `LANG`.
 */
export function inConfigOrder<R extends { readonly key: string }>(
  runs: readonly R[],
  keys: readonly string[],
): R[] {
  const position = new Map(keys.map((key, index) => [key, index]));
  const at = (run: R) => position.get(run.key) ?? keys.length;
  return [...runs].sort((a, b) => at(a) - at(b));
}
