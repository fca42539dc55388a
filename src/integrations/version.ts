/** The version label: the config's, else the git tag or commit, else `dev`. */

import { execFileSync } from 'node:child_process';

export function versionLabel(configured: string | null, cwd: string): string {
  if (configured !== null) return configured;
  try {
    const described = execFileSync('git', ['describe', '--tags', '--always', '--dirty'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return described === '' ? 'dev' : described;
  } catch {
    return 'dev';
  }
}
