/**
 * Experiments whose configuration folders are harness folders: SEA-HELM's and lm-eval's results
 * kept in separate trees (`evals/seahelm/<exp>/<config>/…`, `evals/lm-eval/<exp>/<config>/…`),
 * with the run's path above both. The configuration is the first folder below the path, so each
 * harness becomes a configuration, and the real configurations below it are merged checkpoint by
 * checkpoint, the later file winning each task (README, "Your result folders").
 */

/** The configuration folders (in path order) whose names hold a harness's path identifier. */
export function harnessConfigurations(
  relativeFiles: readonly string[],
  identifiers: readonly string[],
): string[] {
  const parts = identifiers.map((part) => part.toLowerCase()).filter((part) => part !== '');
  const found = new Set<string>();
  for (const relative of relativeFiles) {
    const slash = relative.indexOf('/');
    if (slash === -1) continue;
    const configuration = relative.slice(0, slash);
    const lower = configuration.toLowerCase();
    if (parts.some((part) => lower.includes(part))) found.add(configuration);
  }
  return [...found];
}
