/** Which config file the site is built from: `LEADERBOARD_CONFIG`, else the integration option. */

import path from 'node:path';
import { throughRealFolder } from '../lib/config/real-folder.ts';

export const DEFAULT_CONFIG = 'leaderboard.config.yaml';

/**
 * The config file's absolute path, through its folder's real path as loadConfig has it: a
 * write-up's `config` (from the project root, a real path) names it whatever links
 * `LEADERBOARD_CONFIG` went through.
 */
export function resolveConfigPath(option: string | undefined, root: string): string {
  const chosen = process.env['LEADERBOARD_CONFIG'] || option || DEFAULT_CONFIG;
  return throughRealFolder(path.resolve(root, chosen));
}

/**
 * How messages name a file or folder (the config, the reports): relative to the working folder
 * when it lies below it, as the CLI names a config given that way; else its absolute path.
 */
export function shownPath(absolute: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  const outside = relative.split(path.sep)[0] === '..' || path.isAbsolute(relative);
  return relative === '' || outside ? absolute : relative;
}
