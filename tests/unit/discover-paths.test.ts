/**
 * Display paths (relative to the config folder, as every message and report shows them) when a
 * run's path holds the config folder itself: a file below the config folder is named from
 * there, not through `..`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/lib/config/load.ts';
import { runPipeline } from '../../src/lib/pipeline.ts';
import { makeTree } from '../helpers/tree.ts';

const SEA = JSON.stringify({ id: { nlu: { sentiment: { normalized_accuracy: 60 } } } });

describe('display paths', () => {
  const root = makeTree({
    'runs/cfg/ba1/seahelm/a_seahelm_results.json': SEA,
    'setup/cfg/ba2/seahelm/b_seahelm_results.json': SEA,
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const yaml = 'experiments:\n  up:\n    path: ..\n  here:\n    path: .\n';
  const configFile = path.join(root, 'setup', 'leaderboard.config.yaml');

  it('name files from the config folder, through it or around it', async () => {
    const result = await runPipeline(parseConfigText(yaml, configFile), { threads: 1 });
    expect(result.files.map((f) => `${f.source} ${f.file}`)).toEqual([
      'experiments.up ../runs/cfg/ba1/seahelm/a_seahelm_results.json',
      'experiments.up cfg/ba2/seahelm/b_seahelm_results.json',
      'experiments.here cfg/ba2/seahelm/b_seahelm_results.json',
    ]);
  });

  it('take a config folder whose name starts with two dots for one below the run path', async () => {
    // `..setup` is a name, not a step up: its files are named from it, not through `..`.
    const dotted = makeTree({ '..setup/cfg/ba1/seahelm/c_seahelm_results.json': SEA });
    try {
      const dottedConfig = path.join(dotted, '..setup', 'leaderboard.config.yaml');
      const result = await runPipeline(parseConfigText(yaml, dottedConfig), { threads: 1 });
      expect(result.files.map((f) => `${f.source} ${f.file}`)).toEqual([
        'experiments.up cfg/ba1/seahelm/c_seahelm_results.json',
        'experiments.here cfg/ba1/seahelm/c_seahelm_results.json',
      ]);
    } finally {
      fs.rmSync(dotted, { recursive: true, force: true });
    }
  });
});
