/** Which config file the site is built from: `LEADERBOARD_CONFIG`, else the integration option. */

import path from 'node:path';

export const DEFAULT_CONFIG = 'leaderboard.config.yaml';

export function resolveConfigPath(option: string | undefined, root: string): string {
  const chosen = process.env['LEADERBOARD_CONFIG'] || option || DEFAULT_CONFIG;
  return path.resolve(root, chosen);
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
