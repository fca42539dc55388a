/** The site build stops on an invalid config with the same message the CLI prints. */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BROKEN_WRITEUP,
  buildFailure,
  removeBrokenWriteup,
  writeupFailure,
} from './build-failure.ts';
import { PROJECT } from './harness.ts';

const BAD_CONFIG = 'experiments:\n  exp_a:\n    pth: results\n';

/** The CLI's message for `config`, run from the project folder. */
function cliMessage(config: string): string {
  const cli = spawnSync(
    path.join(PROJECT, 'node_modules/.bin/node'),
    ['src/cli/main.ts', '--no-gui', '--config', config],
    { cwd: PROJECT, encoding: 'utf8' },
  );
  expect(cli.status).toBe(1);
  return cli.stderr.trim();
}

/**
 * An error in the user's input comes as its message alone: Astro's location, stack trace and
 * cause under it were lines of the tool's own code.
 */
function expectMessageAlone(output: string): void {
  for (const heading of ['Location:', 'Stack trace:', 'Caused by:']) {
    expect(output).not.toContain(heading);
  }
}

describe('an invalid config', () => {
  it('fails the build with the CLI message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-bad-config-'));
    const config = path.join(dir, 'leaderboard.config.yaml');
    fs.writeFileSync(config, BAD_CONFIG);
    const message = cliMessage(config);
    expect(message).toContain("experiments.exp_a.pth: unknown key; did you mean 'path'?");
    const buildError = buildFailure(config, path.join(dir, 'dist'));
    for (const line of message.split('\n')) expect(buildError).toContain(line);
    expectMessageAlone(buildError);
    expect(fs.existsSync(path.join(dir, 'dist/index.html'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names a config inside the project folder by its relative path, as the CLI does', () => {
    const config = 'tests/fixtures/configs/unknown-key.yaml';
    expect(fs.readFileSync(path.join(PROJECT, config), 'utf8')).toBe(BAD_CONFIG);
    const message = cliMessage(config);
    expect(message.split('\n')).toEqual([
      "tests/fixtures/configs/unknown-key.yaml:3:5 experiments.exp_a.pth: unknown key; did you mean 'path'?",
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-bad-config-'));
    const buildError = buildFailure(config, path.join(dir, 'dist'));
    expect(buildError).toContain(message);
    expect(buildError).not.toContain(path.join(PROJECT, config));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a write-up with a wrong prop', () => {
  it.each([
    [
      'a scatter metric that is not text (it crashed with a TypeError)',
      '<ComparisonScatter x={3} />',
      `<ComparisonScatter x={3}>: 'x' must be a non-empty text`,
    ],
    [
      'an empty list of runs (it drew an empty scatter)',
      '<ComparisonScatter runs={[]} />',
      `<ComparisonScatter runs={[]}>: 'runs' must be a list of one or more run names`,
    ],
    [
      'a language for the language view (it was dropped)',
      '<ProgressChart run="hero_8b" lang="Thai" />',
      `<ProgressChart lang="Thai">: 'lang' applies to view="competency" or view="task" only`,
    ],
    [
      'a caption that is not text (it was shown as is)',
      '<LeaderboardTable run="exp_datamix" caption={5} />',
      `<LeaderboardTable caption={5}>: 'caption' must be a text`,
    ],
    [
      'the same metric on both axes (the page showed "Choose two different metrics.")',
      '<ParetoPlot run="exp_datamix" x="SEA Avg" y="sea_total" />',
      `<ParetoPlot y="sea_total">: 'y' must differ from 'x' (both are sea_total)`,
    ],
    [
      'the same scatter metric on both axes (a diagonal of every model was published)',
      '<ComparisonScatter x="SEA Avg" y="sea_total" />',
      `<ComparisonScatter y="sea_total">: 'y' must differ from 'x' (both are sea_total)`,
    ],
    [
      'a heatmap of the first baseline against the default reference, itself (said the run had no baseline)',
      '<DeltaHeatmap run="exp_datamix" model="gemma-3-4b" />',
      `<DeltaHeatmap>: 'BASELINE_experiments_gemma-3-4b_00000' is the run's first baseline, the default reference: give a reference`,
    ],
    [
      'the same hyperparameter on both axes',
      '<ContourPlot run="exp_datamix" x="en_ratio" y="en_ratio" />',
      `<ContourPlot y="en_ratio">: 'y' must differ from 'x' (both are en_ratio)`,
    ],
  ])('stops the build: %s', (_what, body, message) => {
    const output = writeupFailure(body);
    expect(output).toContain(`src/content/writeups/${BROKEN_WRITEUP}: ${message}`);
    expectMessageAlone(output);
  });
});

describe('a write-up component that stops the build before it reads its data', () => {
  it('ends the build with its message, not with Node on an unhandled rejection', () => {
    // Astro waits up to 400 ms for its telemetry before it exits on an error; meanwhile Node met
    // an unawaited copy of the error and ended the process with a dump. Telemetry on, its
    // settings kept out of $HOME and its report off the network (no-network.mjs).
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-telemetry-'));
    const noNetwork = pathToFileURL(path.join(PROJECT, 'tests/e2e/no-network.mjs')).href;
    try {
      const output = writeupFailure(
        '<ParetoPlot run="exp_datamix" stepp={3000} />',
        undefined,
        '',
        {
          ASTRO_TELEMETRY_DISABLED: '',
          NODE_OPTIONS: `--import=${noNetwork}`,
          XDG_CONFIG_HOME: home,
        },
      );
      expect(output).toContain(
        `src/content/writeups/${BROKEN_WRITEUP}: <ParetoPlot stepp={3000}>: unknown prop 'stepp' (props: run, x, y, step, caption)`,
      );
      expect(output).not.toContain('triggerUncaughtException');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('a write-up with a component name written wrong', () => {
  it('stops the build at the line of the tag (in lower case it rendered as nothing)', () => {
    const output = writeupFailure('Intro.\n\n<paretoPlot run="exp_datamix" />');
    expect(output).toContain(
      `src/content/writeups/${BROKEN_WRITEUP}:7: <paretoPlot>: no component 'paretoPlot'; component names are case-sensitive, did you mean <ParetoPlot>? (components: LeaderboardTable, ProgressChart, ParetoPlot, ContourPlot, ComparisonScatter, DeltaHeatmap)`,
    );
    expectMessageAlone(output);
  });
});

describe('a write-up whose config names no file', () => {
  it('stops the build (it was left out of every site without a word)', () => {
    const output = writeupFailure(
      '<ParetoPlot run="exp_datamix" />',
      undefined,
      'config: leaderbaord.config.yaml\n',
    );
    expect(output).toContain(
      `src/content/writeups/${BROKEN_WRITEUP}: config: no file 'leaderbaord.config.yaml' (${path.join(PROJECT, 'leaderbaord.config.yaml')}); expected the config file the write-up was written for, relative to the project root`,
    );
    expectMessageAlone(output);
  });
});

afterAll(removeBrokenWriteup);
