/** Checkpoint folders no step pattern reads: files of one model told apart by a number alone. */
import { describe, expect, it } from 'vitest';
import { unreadSteps, type StepZeroFile } from '../../src/lib/discover/unread-steps.ts';

const files = (...paths: string[]): StepZeroFile[] =>
  paths.map((p) => ({ stem: p.split('/')[0] ?? '', folders: p.split('/') }));

describe('unreadSteps', () => {
  it('finds checkpoint folders told apart by their one number (step1000, OLMo, epochs)', () => {
    expect(
      unreadSteps(files('cfg/step1000/seahelm', 'cfg/step1000/lm-eval', 'cfg/step2000/seahelm')),
    ).toEqual({
      stem: 'cfg',
      folders: ['cfg/step1000', 'cfg/step2000'],
      models: 1,
    });
    expect(unreadSteps(files('c/step1000-unsharded', 'c/step2000-unsharded'))?.folders).toEqual([
      'c/step1000-unsharded',
      'c/step2000-unsharded',
    ]);
    expect(unreadSteps(files('a/epoch1', 'a/epoch2', 'b/epoch1', 'b/epoch3'))?.models).toBe(2);
    // Harness folders above the checkpoints (step2000 has no lm-eval file): each file is
    // compared with its neighbour in path order, not with the model's first file.
    expect(
      unreadSteps(files('c/lm-eval/step1000', 'c/seahelm/step1000', 'c/seahelm/step2000'))?.folders,
    ).toEqual(['c/seahelm/step1000', 'c/seahelm/step2000']);
    // Two models in one baseline's folder are merged alike.
    expect(unreadSteps(files('BASE/gemma-2b', 'BASE/gemma-7b'))).not.toBeNull();
  });

  it('leaves alone the folders that do hold one model: harnesses, repeated runs, dated re-runs', () => {
    expect(unreadSteps(files('cfg/seahelm/m', 'cfg/lm-eval/m'))).toBeNull();
    expect(unreadSteps(files('cfg/m/run_0/results', 'cfg/m/run_1/results'))).toBeNull();
    expect(unreadSteps(files('cfg/08-28-02-07-20/m', 'cfg/08-29-11-50-26/m'))).toBeNull();
    expect(unreadSteps(files('cfg/eval_2025-09-01', 'cfg/eval_2025-09-10'))).toBeNull();
    expect(unreadSteps(files('cfg/eval-20250901', 'cfg/eval-20250910'))).toBeNull();
    // A number that is no date is a step: 20251301 has no month 13.
    expect(unreadSteps(files('cfg/step20251301', 'cfg/step20251401'))).not.toBeNull();
    expect(unreadSteps(files('cfg/a/x', 'cfg/a/x/deeper'))).toBeNull();
    // Files of different models (configurations) are never compared.
    expect(unreadSteps(files('cfg1/m', 'cfg2/m'))).toBeNull();
  });
});
