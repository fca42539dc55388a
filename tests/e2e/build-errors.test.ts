/** The site build stops on an invalid config with the same message the CLI prints. */

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT, cleanEnvironment } from './harness.ts';

describe('an invalid config', () => {
  it('fails the build with the CLI message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-bad-config-'));
    const config = path.join(dir, 'leaderboard.config.yaml');
    fs.writeFileSync(config, 'experiments:\n  exp_a:\n    pth: results\n');
    const cli = spawnSync(
      path.join(PROJECT, 'node_modules/.bin/node'),
      ['src/cli/main.ts', '--no-gui', '--config', config],
      { cwd: PROJECT, encoding: 'utf8' },
    );
    expect(cli.status).toBe(1);
    const message = cli.stderr.trim();
    expect(message).toContain("experiments.exp_a.pth: unknown key; did you mean 'path'?");
    let buildError = '';
    try {
      execFileSync(
        path.join(PROJECT, 'node_modules/.bin/astro'),
        ['build', '--outDir', path.join(dir, 'dist')],
        {
          cwd: PROJECT,
          env: {
            ...cleanEnvironment(),
            PATH: `${path.join(PROJECT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
            LEADERBOARD_CONFIG: config,
            ASTRO_TELEMETRY_DISABLED: '1',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
          encoding: 'utf8',
        },
      );
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; status?: number };
      expect(failed.status).not.toBe(0);
      buildError = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    for (const line of message.split('\n')) expect(buildError).toContain(line);
    expect(fs.existsSync(path.join(dir, 'dist/index.html'))).toBe(false);
  });
});
