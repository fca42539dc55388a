/**
 * Whether this Node can build the site. The report alone runs on an older Node from the built
 * CLI (build/cli), but GUI mode loads `serve.ts` from the sources and runs Astro: it needs a
 * Node that runs TypeScript files (22.18 and later do by default) and that Astro supports
 * (22.12 and later). Asked before any work, as the port is: the reports would be written first,
 * and the build then end in an internal error about the `.ts` extension.
 */

/** Astro's lowest Node. */
const ASTRO_MAJOR = 22;
const ASTRO_MINOR = 12;

/**
 * Null when a Node of `version` (`process.versions.node`) with `typescript`
 * (`process.features.typescript`: undefined before Node 22.10, false when turned off) can build
 * the site; else what is wrong, and what to run instead.
 */
export function siteNodeProblem(version: string, typescript: unknown): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const astroRuns = major > ASTRO_MAJOR || (major === ASTRO_MAJOR && minor >= ASTRO_MINOR);
  if (astroRuns && typescript) return null;
  const which = astroRuns ? `Node ${version}, which runs no TypeScript file` : `Node ${version}`;
  return `the site cannot be built with ${which}: it needs Node 22.18 or later; run \`npx seahelm-leaderboard\` in the project, which runs the project's Node 22, or use --no-gui for the reports alone`;
}
