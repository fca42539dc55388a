/**
 * README's "Your result folders" on tests/fixtures/trees/team-layouts: SEA-HELM's and lm-eval's
 * own output folders below each checkpoint, steps in several styles and depths, baselines chosen
 * by conditions from one shared folder. The values are cross-checked in cross-check.test.ts;
 * here, which file goes to which model, and what a user is told.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runPipeline, type PipelineResult } from '../../src/lib/pipeline.ts';

const tree = fileURLToPath(new URL('../fixtures/trees/team-layouts/', import.meta.url));
let result: PipelineResult;
beforeAll(async () => {
  result = await runPipeline(await loadConfig(path.join(tree, 'leaderboard.config.yaml')), {
    threads: 1,
  });
});

const rows = (run: string) =>
  result.runs.find((r) => r.run.key === run)?.table.rows.map((r) => r.model);

describe('result folders laid out as teams lay them out', () => {
  it('names each checkpoint by its configuration folder and the step its folder gives, at any depth', () => {
    // checkpoint-1000, iter_0001000 and global_step_1000 below the configuration; config order
    // by code point (upper case first), then step; the baseline last.
    expect(rows('exp_sweep')).toEqual([
      'LR3e-4_GBS512_1000',
      'en_ratio0.2-cc_ratio0.3_1000',
      'lr_1e-4_gbs_1024_1000',
      'lr_1e-4_gbs_1024_2000',
      'BASELINE_experiments_gemma-3-4b_00000',
    ]);
    // global_step_1000, stage2/global_step_2000/evals/… and ba12000: padded to 5 digits.
    expect(rows('hero_8b')).toEqual([
      'hero_8b_01000',
      'hero_8b_02000',
      'hero_8b_12000',
      'BASELINE_hero_runs_qwen3-4b_00000',
    ]);
  });

  it('uses every file, each harness of a checkpoint for its model and each baseline its own', () => {
    const outcome = (file: string) =>
      result.files.filter((f) => f.file.includes(file)).map((f) => [f.source, f.model, f.status]);
    expect(result.files).toHaveLength(18);
    expect(outcome('__checkpoint-2000/')).toEqual([
      ['experiments.exp_sweep', 'lr_1e-4_gbs_1024_2000', 'used'],
    ]);
    expect(outcome('/evals/lm-eval/')).toEqual([['hero_runs.hero_8b', 'hero_8b_02000', 'used']]);
    expect(outcome('baselines/')).toEqual([
      ['experiments.baselines.gemma-3-4b', 'BASELINE_experiments_gemma-3-4b_00000', 'used'],
      ['experiments.baselines.gemma-3-4b', 'BASELINE_experiments_gemma-3-4b_00000', 'used'],
      ['hero_runs.baselines.qwen3-4b', 'BASELINE_hero_runs_qwen3-4b_00000', 'used'],
      ['hero_runs.baselines.qwen3-4b', 'BASELINE_hero_runs_qwen3-4b_00000', 'used'],
    ]);
    // The re-run's lone error entry supersedes nothing; its file adds nothing.
    expect(outcome('ba12000_seahelm_results_2025-09-10')).toEqual([
      ['hero_runs.hero_8b', 'hero_8b_12000', 'superseded'],
    ]);
  });

  it('merges step1000 and step2000, which no default pattern reads, and says so', () => {
    expect(rows('exp_wd')).toEqual(['wd=0.1_00000']);
    expect(result.diagnostics.map((d) => d.kind)).toEqual(['unread-steps', 'limited-run']);
  });
});
