/**
 * The Astro integration: resolves and checks the config before anything is built, shares it
 * with the loaders, watches result files in dev, and writes the CSV reports after the build,
 * both to `base_dir` and into the site for download.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ConfigError, loadConfig } from '../lib/config/load.ts';
import type { LeaderboardConfig } from '../lib/config/types.ts';
import { summarize } from '../lib/report/summary.ts';
import { nothingRead } from '../lib/report/nothing-read.ts';
import { reportText } from '../lib/report/report-text.ts';
import { summaryText } from '../lib/report/summary-text.ts';
import { writeReports } from '../lib/report/write-reports.ts';
import { siteReportFolders } from '../lib/site/report-folders.ts';
import type { PipelineResult } from '../lib/pipeline.ts';
import { staleReportFolders } from '../lib/report/stale-reports.ts';
import { resolveConfigPath, shownPath } from './config-path.ts';
import { outDirProblem, stageMisplacedBuild } from './out-dir.ts';
import { sharedState } from './state.ts';
import { userError } from './user-error.ts';
import { buildDate } from './build-date.ts';
import { versionLabel } from './version.ts';
import { letWriteupRejectionsGo, type WriteupRejections } from './writeup-rejections.ts';

export interface LeaderboardOptions {
  /** The config file, relative to the project root (`LEADERBOARD_CONFIG` overrides it). */
  readonly config?: string;
}

/** Whether two reads of the config say the same (the file may have been saved unchanged). */
function sameConfig(a: LeaderboardConfig, b: LeaderboardConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Dev mode: how often, and how far apart, a skipped content refresh is tried again. */
const REFRESH_ATTEMPTS = 100;
const REFRESH_RETRY_MS = 100;

/** Folder of the site that holds the downloadable reports. */
export const DOWNLOADS_FOLDER = 'reports';

/** `<base>reports/<folder>/<file>.csv` -> its folder and file; null for any other address. */
function reportRequest(url: string, base: string): { folder: string; file: string } | null {
  const pathname = new URL(url, 'http://dev.invalid').pathname;
  const prefix = `${base.endsWith('/') ? base : `${base}/`}${DOWNLOADS_FOLDER}/`;
  if (!pathname.startsWith(prefix)) return null;
  const [folder, file, ...rest] = pathname.slice(prefix.length).split('/');
  if (folder === undefined || file === undefined || rest.length > 0) return null;
  try {
    return { folder: decodeURIComponent(folder), file: decodeURIComponent(file) };
  } catch {
    return null; // a malformed escape: not one of our links
  }
}

/** The CSV report a site address names (`<base>reports/<slug>/<file>`), from `result`. */
function siteReportText(result: PipelineResult, url: string, base: string): string | null {
  const found = reportRequest(url, base);
  if (found === null) return null;
  const key = siteReportFolders(result.runs.map(({ run }) => run.key)).keyOf(found.folder);
  return key === null ? null : reportText(result, key, found.file);
}

export default function leaderboard(options: LeaderboardOptions = {}): AstroIntegration {
  // The site's base path (SITE_BASE), as Astro resolved it.
  let base = '/';
  // The output folder asked for, when the build is staged elsewhere and moved there at the end.
  let stagedFor: string | null = null;
  // A build lets go of the unawaited copies of write-up errors (writeup-rejections.ts).
  let rejections: WriteupRejections | null = null;
  return {
    name: 'seahelm-leaderboard',
    hooks: {
      'astro:config:setup': async (setup) => {
        const { config, addWatchFile } = setup;
        base = config.base;
        const outDirError =
          setup.command === 'build' ? outDirProblem(fileURLToPath(config.outDir)) : null;
        if (outDirError !== null) throw userError(outDirError);
        stagedFor = stageMisplacedBuild(setup);
        const root = fileURLToPath(config.root);
        const configFile = resolveConfigPath(options.config, root);
        const state = sharedState();
        state.base = base;
        // The CLI may have computed the result already (GUI mode); anything else is stale.
        if (state.result?.config.configFile !== configFile) state.result = null;
        state.configFile = configFile;
        state.root = root;
        addWatchFile(configFile);
        try {
          // GUI mode: the CLI's result, with its overrides (`--out`), is the one to build.
          const cliResult = state.fromCli ? state.result : null;
          const loaded = cliResult?.config ?? (await loadConfig(shownPath(configFile)));
          // Dev restarts the server when the config file changes: a result of the old one is
          // stale, and so is the content loaded from it.
          if (state.result !== null && !sameConfig(state.result.config, loaded)) {
            state.result = null;
            state.stale = true;
          }
          state.config = loaded;
          state.version = versionLabel(loaded.site.version, root);
        } catch (error) {
          // The same message the CLI prints, and the build stops.
          if (error instanceof ConfigError) {
            throw userError(`invalid config:\n${error.message}`);
          }
          throw error;
        }
        state.builtAt = buildDate(process.env);
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        const state = sharedState();
        const config = state.config;
        const folders =
          config === null
            ? []
            : [...config.runs.map((r) => r.path), ...config.baselines.map((b) => b.path)];
        const refreshOnce = () =>
          refreshContent?.({
            loaders: ['seahelm-leaderboard-runs', 'seahelm-leaderboard-site'],
            context: { refresh: true },
          });
        // Astro skips a refresh while its content config (re)loads: during a restart, and after
        // any .json change. Try again until the loaders really ran, so no edit is lost.
        const refresh = async () => {
          for (let attempt = 0; attempt < REFRESH_ATTEMPTS; attempt++) {
            const before = state.loads;
            await refreshOnce();
            if (state.loads !== before) return;
            await new Promise((resolve) => setTimeout(resolve, REFRESH_RETRY_MS));
          }
        };
        // A changed config is loaded before the first request the restarted server answers
        // (content refreshed while it still starts is lost).
        let pending = state.stale ? refresh : null;
        state.stale = false;
        server.middlewares.use((_request, _response, next) => {
          const load = pending;
          pending = null;
          if (load === null) return next();
          load().then(() => next(), next);
        });
        // The pages link the CSV reports under reports/; dev writes none, so it answers from
        // the live result (a build's copy on disk would be stale, or another config's).
        server.middlewares.use((request, response, next) => {
          const text =
            state.result === null ? null : siteReportText(state.result, request.url ?? '', base);
          if (text === null) return next();
          response.setHeader('Content-Type', 'text/csv; charset=utf-8');
          response.end(text);
        });
        // Vite watches the project folder only: a config elsewhere (LEADERBOARD_CONFIG) must be
        // added for its edits to restart the server.
        if (state.configFile !== null) server.watcher.add(state.configFile);
        server.watcher.add(folders);
        server.watcher.on('all', (_event, file) => {
          if (!file.endsWith('.json')) return;
          if (!folders.some((f) => file.startsWith(f + path.sep))) return;
          void refresh();
        });
      },
      'astro:build:start': () => {
        rejections = letWriteupRejectionsGo();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const ignored = rejections?.ignored() ?? null;
        rejections?.stop();
        rejections = null;
        if (ignored !== null) throw ignored;
        const result = sharedState().result;
        if (result === null) return;
        const baseDir = result.config.output.baseDir;
        // Reports of nothing read are not written over the last good ones, as the CLI does.
        const nothing = nothingRead(result);
        let written: string[] = [];
        if (nothing === null) written = await writeReports(result, baseDir);
        else {
          // Read whole, a file may still hold no scored task: 'used', as the CLI says.
          const why = nothing === 'none-found' ? 'was found' : 'could be used';
          logger.warn(
            `no result file ${why} below the config's run paths: the reports in ${shownPath(baseDir)} are left as they are`,
          );
        }
        const site = path.join(fileURLToPath(dir), DOWNLOADS_FOLDER);
        const { folderOf } = siteReportFolders(result.runs.map(({ run }) => run.key));
        await writeReports(result, site, { json: false, individual: true, merged: true, folderOf });
        // The CLI's summary: a site built on its own says what was read, skipped and warned of.
        // A staged build names where its reports end up.
        const shownSite = shownPath(
          stagedFor === null ? site : path.join(stagedFor, DOWNLOADS_FOLDER),
        );
        const reports = nothing === null ? `${shownPath(baseDir)} and ${shownSite}` : shownSite;
        // Said only when this build wrote them: otherwise the warning above covers the folder.
        const stale =
          nothing === null
            ? staleReportFolders(baseDir, written).map((f) => path.join(shownPath(baseDir), f))
            : [];
        logger.info(`\n${summaryText(result, summarize(result), reports, stale).trimEnd()}`);
      },
    },
  };
}
