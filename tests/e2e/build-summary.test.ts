/** A site build on its own ends with the CLI's summary: what was read, skipped and warned of. */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsWithoutModels } from './fixtures.ts';
import { PROJECT, astroEnvironment } from './harness.ts';

/** `astro build` of the site of `config` into `outDir`, as a user runs it. */
function buildSite(config: string, outDir: string) {
  return spawnSync(path.join(PROJECT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: PROJECT,
    env: astroEnvironment(config),
    encoding: 'utf8',
  });
}

describe('the site build', () => {
  it('logs the same summary as the CLI', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-build-summary-'));
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-build-reports-'));
    const config = path.join(PROJECT, 'leaderboard.config.yaml');
    const cli = spawnSync(
      path.join(PROJECT, 'node_modules/.bin/node'),
      ['src/cli/main.ts', '--no-gui', '--config', config, '--out', reports],
      { cwd: PROJECT, encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    const build = buildSite(config, outDir);
    expect(build.status).toBe(0);
    // Every line but where the reports went (the build writes base_dir and the site's copy).
    const lines = cli.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^reports: /);
    for (const line of lines.slice(0, -1)) expect(build.stdout).toContain(line);
    expect(build.stdout).toContain(`reports: reports and ${path.join(outDir, 'reports')}`);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(reports, { recursive: true, force: true });
  });

  it('leaves the reports in base_dir as they are when it found no result file, as the CLI does', () => {
    const config = runsWithoutModels();
    const root = path.dirname(config);
    // The last good reports, from before the results went missing (a share not mounted, say).
    const earlier = path.join(root, 'reports', 'merged', 'lang_report.csv');
    fs.mkdirSync(path.dirname(earlier), { recursive: true });
    fs.writeFileSync(earlier, 'model,run,sea_total\ngood,exp_empty,50\n');
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-build-nothing-'));
    const build = buildSite(config, outDir);
    expect(build.status).toBe(0);
    expect(fs.readFileSync(earlier, 'utf8')).toBe('model,run,sea_total\ngood,exp_empty,50\n');
    expect(fs.existsSync(path.join(root, 'reports', 'results.json'))).toBe(false);
    expect(`${build.stdout}${build.stderr}`).toContain(
      `no result file was found below the config's run paths: the reports in ${path.join(root, 'reports')} are left as they are`,
    );
    // The site still links its (empty) reports, and its summary names only those.
    const site = path.join(outDir, 'reports');
    expect(fs.readFileSync(path.join(site, 'merged', 'lang_report.csv'), 'utf8')).toMatch(
      /^model,run,/,
    );
    expect(build.stdout).toContain(`reports: ${site}\n`);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('says that no result file could be used when every file found was skipped, as the CLI does', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-build-unusable-'));
    const broken = path.join(root, 'runs/exp/cfg/ba100/seahelm/m_seahelm_results_2025-01-01.json');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    fs.writeFileSync(broken, '{"id": {"nlu": ');
    const config = path.join(root, 'leaderboard.config.yaml');
    fs.writeFileSync(config, 'experiments:\n  exp:\n    path: runs/exp\n');
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-build-unusable-out-'));
    const build = buildSite(config, outDir);
    expect(build.status).toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain(
      `no result file could be used below the config's run paths: the reports in ${path.join(root, 'reports')} are left as they are`,
    );
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  });
});
