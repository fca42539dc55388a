/** Clean, stable URLs of the site's pages, relative to Astro's `base`. */

export const SECTION_PATHS = { experiments: 'experiments', hero_runs: 'hero-runs' } as const;

export function runPath(section: keyof typeof SECTION_PATHS, slug: string): string {
  return `${SECTION_PATHS[section]}/${slug}/`;
}

/** Joins Astro's base (`/` or `/sub/`) and a relative path. */
export function withBase(base: string, relative: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${relative.replace(/^\//, '')}`;
}
