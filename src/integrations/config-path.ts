/** Which config file the site is built from: `LEADERBOARD_CONFIG`, else the integration option. */

import path from 'node:path';

export const DEFAULT_CONFIG = 'leaderboard.config.yaml';

export function resolveConfigPath(option: string | undefined, root: string): string {
  const chosen = process.env['LEADERBOARD_CONFIG'] || option || DEFAULT_CONFIG;
  return path.resolve(root, chosen);
}
