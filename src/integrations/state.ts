/**
 * The integration (loaded with astro.config.mjs) and the content loader (loaded through Vite)
 * are different module instances, so they share state through one global slot.
 */

import type { LeaderboardConfig } from '../lib/config/types.ts';
import type { PipelineResult } from '../lib/pipeline.ts';

export interface LeaderboardState {
  /** Absolute path of the config file the integration resolved. */
  configFile: string | null;
  /** Absolute path of the project root (write-ups name their config relative to it). */
  root: string | null;
  /** The last pipeline result, kept for writing the reports after the build. */
  result: PipelineResult | null;
  /**
   * The CLI computed `result` for this build (GUI mode), with its own overrides (`--out`): the
   * integration keeps it rather than reading the config file again.
   */
  fromCli: boolean;
  /** The config as last read (dev watches its run folders). */
  config: LeaderboardConfig | null;
  /** The config changed since the data was loaded: dev reloads the content once. */
  stale: boolean;
  /** Pipeline runs the loaders started so far: dev checks that a refresh really ran them. */
  loads: number;
  /** The site's base path as Astro resolved it (`SITE_BASE`): where a server serves it. */
  base: string;
  /** Version label and build date shown on every page. */
  version: string;
  builtAt: string;
}

const KEY = Symbol.for('seahelm-leaderboard.state');

export function sharedState(): LeaderboardState {
  const holder = globalThis as typeof globalThis & { [KEY]?: LeaderboardState };
  holder[KEY] ??= {
    configFile: null,
    root: null,
    result: null,
    fromCli: false,
    config: null,
    stale: false,
    loads: 0,
    base: '/',
    version: 'dev',
    builtAt: '',
  };
  return holder[KEY];
}
