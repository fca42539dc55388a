/**
 * A site built into a folder beside the project whose name starts with the project's
 * (`/work/main-x` beside `/work/main`). Astro took it for a folder inside the project, put its
 * prerender files there and failed with "Cannot find package 'piccolore'"
 * (src/integrations/out-dir.ts works around it).
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAGING_FOLDER } from '../../src/integrations/out-dir.ts';
import { BROKEN_WRITEUP, removeBrokenWriteup, writeupFailure } from './build-failure.ts';
import { PROJECT, astroEnvironment } from './harness.ts';

describe('a site built beside the project, into a folder named like it', () => {
  let sibling = '';
  beforeEach(() => {
    // Beside the project by necessity (not in the tests' temp folder), and removed after.
    sibling = fs.mkdtempSync(`${PROJECT}-out-`);
  });
  afterEach(() => fs.rmSync(sibling, { recursive: true, force: true }));

  it('is built there, replacing what the folder held but its .git', () => {
    fs.writeFileSync(path.join(sibling, 'stale.html'), 'old');
    fs.mkdirSync(path.join(sibling, '.git'));
    fs.writeFileSync(path.join(sibling, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
    const config = path.join(PROJECT, 'leaderboard.config.yaml');
    const build = spawnSync(
      path.join(PROJECT, 'node_modules/.bin/astro'),
      ['build', '--outDir', sibling],
      { cwd: PROJECT, env: astroEnvironment(config), encoding: 'utf8' },
    );
    expect(build.stderr).not.toContain('Cannot find package');
    expect(build.status).toBe(0);
    expect(fs.existsSync(path.join(sibling, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(sibling, 'experiments/exp_datamix/index.html'))).toBe(true);
    expect(fs.readdirSync(path.join(sibling, 'reports'))).toContain('merged');
    expect(fs.existsSync(path.join(sibling, 'stale.html'))).toBe(false);
    expect(fs.existsSync(path.join(sibling, '.prerender'))).toBe(false);
    expect(fs.readFileSync(path.join(sibling, '.git/HEAD'), 'utf8')).toBe(
      'ref: refs/heads/gh-pages\n',
    );
    expect(fs.existsSync(path.join(PROJECT, 'node_modules/.astro', STAGING_FOLDER))).toBe(false);
    // The summary names where the reports ended up, not the staging folder.
    expect(build.stdout).toContain(`reports: reports and ${path.join(sibling, 'reports')}`);
  });

  it('that fails says why, and leaves what lies beside the output folder alone', () => {
    fs.writeFileSync(path.join(sibling, 'keep.txt'), 'keep');
    const outDir = path.join(sibling, 'site');
    const output = writeupFailure('<ParetoPlot run="exp_x" />', outDir);
    expect(output).not.toContain('Cannot find package');
    expect(output).toContain(
      `src/content/writeups/${BROKEN_WRITEUP}: <ParetoPlot run="exp_x">: no run 'exp_x'`,
    );
    expect(fs.readFileSync(path.join(sibling, 'keep.txt'), 'utf8')).toBe('keep');
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});

afterAll(() => {
  removeBrokenWriteup();
  // The failed build's partial site stays in the staging folder (until the next such build).
  fs.rmSync(path.join(PROJECT, 'node_modules/.astro', STAGING_FOLDER), {
    recursive: true,
    force: true,
  });
});
