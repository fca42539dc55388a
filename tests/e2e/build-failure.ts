/** Site builds that must fail: on an invalid config, or on a write-up with a wrong prop. */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { PROJECT, astroEnvironment } from './harness.ts';

/** The write-up a failing build adds for a moment: it sorts after the sample's own. */
export const BROKEN_WRITEUP = 'zz-e2e-broken.mdx';
const BROKEN_WRITEUP_FILE = path.join(PROJECT, 'src/content/writeups', BROKEN_WRITEUP);

/**
 * What a site build of `config` into `outDir`, run from the project folder (with `environment`
 * over the tests' own), prints; it must fail.
 */
export function buildFailure(
  config: string,
  outDir: string,
  environment: NodeJS.ProcessEnv = {},
): string {
  try {
    execFileSync(path.join(PROJECT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
      cwd: PROJECT,
      env: { ...astroEnvironment(config), ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number | null };
    expect(failed.status).not.toBe(0);
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  throw new Error('the build did not fail');
}

/**
 * What a build of the sample site prints with one more write-up, {@link BROKEN_WRITEUP}, whose
 * body is `body` (and whose frontmatter has the lines `frontmatter` after its title); the build
 * must fail. It builds into a temp folder unless given `outDir`, and removes the write-up and the
 * temp folder afterwards. `environment` goes to the build (see `buildFailure`).
 */
export function writeupFailure(
  body: string,
  outDir?: string,
  frontmatter = '',
  environment: NodeJS.ProcessEnv = {},
): string {
  const target = outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-writeup-'));
  fs.writeFileSync(BROKEN_WRITEUP_FILE, `---\ntitle: Broken\n${frontmatter}---\n\n${body}\n`);
  try {
    return buildFailure(path.join(PROJECT, 'leaderboard.config.yaml'), target, environment);
  } finally {
    removeBrokenWriteup();
    if (outDir === undefined) fs.rmSync(target, { recursive: true, force: true });
  }
}

/** For an afterAll: never leave the broken write-up behind, whatever happened. */
export function removeBrokenWriteup(): void {
  fs.rmSync(BROKEN_WRITEUP_FILE, { force: true });
}
