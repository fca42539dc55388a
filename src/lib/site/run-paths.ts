/**
 * Static paths of the per-run pages and data files: one per run, `section`/`slug`, with the
 * run's data as props. Throws when the config lists runs but the collection is empty (the
 * content config forgot the leaderboard loaders).
 */

import { getCollection, getEntry } from 'astro:content';
import { languageGroups } from './column-groups.ts';
import { inConfigOrder } from './config-order.ts';
import { asRunData, asSiteData } from './entries.ts';
import { chartsInline } from './run-charts.ts';
import { SECTION_PATHS } from './routes.ts';
import type { RunData } from './site-data.ts';

export async function runDataPaths() {
  const runs = await siteRuns();
  return runs.map((run) => ({
    params: { section: SECTION_PATHS[run.section], slug: run.slug },
    props: { run },
  }));
}

/**
 * Every run's data in config order (see inConfigOrder). Throws when the config lists runs but
 * the collection is empty (the content config forgot the leaderboard loaders).
 */
export async function siteRuns(): Promise<RunData[]> {
  const entry = await getEntry('site', 'site');
  const site = entry === undefined ? undefined : asSiteData(entry.data);
  const runs = (await getCollection('runs')).map((run) => asRunData(run.data));
  if (site !== undefined && site.expectedRuns > 0 && runs.length === 0) {
    throw new Error(
      "The config lists runs but the 'runs' collection is empty: src/content.config.ts must spread the leaderboard loaders.",
    );
  }
  return inConfigOrder(runs, site?.runs.map((run) => run.key) ?? []);
}

/** The build's SEA languages in their order (scoring.md section 3), as the merged reports use it. */
export async function siteSeaLanguages(): Promise<readonly string[]> {
  const entry = await getEntry('site', 'site');
  return entry === undefined ? [] : asSiteData(entry.data).seaLanguages;
}

/** A chart of a run page rendered into a static file (see `[chart].svg.ts`). */
export type RunChartProps =
  | {
      readonly kind: 'progress';
      readonly run: RunData;
      readonly level: 'competency' | 'task';
      readonly lang: string;
      /** The language's position among the level's groups (its chart id and file name). */
      readonly index: number;
    }
  | { readonly kind: 'pareto' | 'contour'; readonly run: RunData };

/** `progress-competency-2`: the chart's id on the page and its file name. */
export function progressChartName(level: 'competency' | 'task', index: number): string {
  return `progress-${level}-${index}`;
}

/**
 * Static paths of the run charts that pages fetch instead of inlining: a hero run's competency
 * and task charts of every language but the first (shown inline), and the default Pareto and
 * contour of runs too large to inline them (`chartsInline`).
 */
export async function runChartPaths() {
  const paths = await runDataPaths();
  return paths.flatMap(({ params, props: { run } }) => {
    const charts: { params: typeof params & { chart: string }; props: RunChartProps }[] = [];
    if (!chartsInline(run)) {
      for (const kind of ['pareto', 'contour'] as const) {
        charts.push({ params: { ...params, chart: kind }, props: { kind, run } });
      }
    }
    if (run.isHeroRun) {
      for (const level of ['competency', 'task'] as const) {
        languageGroups(run, level).forEach((group, index) => {
          if (index === 0) return;
          const chart = progressChartName(level, index);
          charts.push({
            params: { ...params, chart },
            props: { kind: 'progress', run, level, lang: group.code, index },
          });
        });
      }
    }
    return charts;
  });
}
