/**
 * Content loaders that run the library once and feed the site's collections: `runs` (one entry
 * per experiment or hero run) and `site` (texts, summary, index lines, comparison list).
 * `src/content.config.ts` spreads `leaderboardCollections()` into its collections.
 */

import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { ConfigError, loadConfig } from '../lib/config/load.ts';
import { runPipeline, type PipelineResult } from '../lib/pipeline.ts';
import { summarize } from '../lib/report/summary.ts';
import { runData, runSummaries } from '../lib/site/site-data.ts';
import { DEFAULT_CONFIG, resolveConfigPath, shownPath } from './config-path.ts';
import { sharedState } from './state.ts';
import { userError } from './user-error.ts';

/** The data is ours, produced and typed by the library; the schema only checks its shape. */
const entrySchema = z.record(z.string(), z.unknown());

/** One pipeline run per build (or per refresh in dev), shared by both loaders. */
let pending: Promise<PipelineResult> | null = null;

async function pipelineResult(refresh: boolean): Promise<PipelineResult> {
  const state = sharedState();
  if (!refresh && state.result !== null) return state.result;
  pending ??= (async () => {
    state.loads += 1;
    const configFile = state.configFile ?? resolveConfigPath(DEFAULT_CONFIG, process.cwd());
    try {
      const config = await loadConfig(shownPath(configFile));
      const result = await runPipeline(config, { threads: 1 });
      state.result = result;
      return result;
    } catch (error) {
      if (error instanceof ConfigError) throw userError(error.message);
      throw error;
    } finally {
      pending = null;
    }
  })();
  return pending;
}

export function runsLoader(): Loader {
  return {
    name: 'seahelm-leaderboard-runs',
    schema: entrySchema,
    load: async ({ store, parseData, generateDigest, refreshContextData }) => {
      const result = await pipelineResult(refreshContextData?.['refresh'] === true);
      const seen = new Set<string>();
      for (const run of runData(result)) {
        const data = await parseData({ id: run.key, data: { ...run } });
        store.set({ id: run.key, data, digest: generateDigest(data) });
        seen.add(run.key);
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}

export function siteLoader(): Loader {
  return {
    name: 'seahelm-leaderboard-site',
    schema: entrySchema,
    load: async ({ store, parseData, generateDigest, refreshContextData }) => {
      const result = await pipelineResult(refreshContextData?.['refresh'] === true);
      const state = sharedState();
      const runs = runData(result);
      const site = {
        texts: result.config.site,
        version: state.version,
        builtAt: state.builtAt,
        summary: summarize(result),
        seaLanguages: result.seaLanguages,
        runs: runSummaries(runs),
        expectedRuns: result.config.runs.length,
        skipped: result.files
          .filter((f) => f.status === 'skipped')
          .map((f) => ({ file: f.file, reason: f.reason ?? '' })),
      };
      const data = await parseData({ id: 'site', data: site });
      store.set({ id: 'site', data, digest: generateDigest(data) });
    },
  };
}
