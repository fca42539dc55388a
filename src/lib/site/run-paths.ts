/**
 * Static paths of the per-run pages and data files: one per run, `section`/`slug`, with the
 * run's data as props. Throws when the config lists runs but the collection is empty (the
 * content config forgot the leaderboard loaders).
 */

import { getCollection, getEntry } from 'astro:content';
import { asRunData, asSiteData } from './entries.ts';
import { SECTION_PATHS } from './routes.ts';

export async function runDataPaths() {
  const site = await getEntry('site', 'site');
  const runs = (await getCollection('runs')).map((entry) => asRunData(entry.data));
  if (site !== undefined && asSiteData(site.data).expectedRuns > 0 && runs.length === 0) {
    throw new Error(
      "The config lists runs but the 'runs' collection is empty: src/content.config.ts must spread the leaderboard loaders.",
    );
  }
  return runs.map((run) => ({
    params: { section: SECTION_PATHS[run.section], slug: run.slug },
    props: { run },
  }));
}
