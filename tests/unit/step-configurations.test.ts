/** Experiments whose configuration folders are checkpoints. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_PATTERNS } from '../../src/lib/config/defaults.ts';
import { stepConfigurations } from '../../src/lib/discover/step-configurations.ts';
import { compileStepPatterns } from '../../src/lib/discover/steps.ts';

describe('stepConfigurations', () => {
  const patterns = compileStepPatterns(DEFAULT_STEP_PATTERNS);
  const found = (...paths: string[]) =>
    stepConfigurations(
      paths.map((p) => ({ folders: p.split('/') })),
      patterns,
    );

  it("finds an experiment's path set to one configuration's folder, or a flat folder of models", () => {
    expect(found('checkpoint-1000/seahelm/m', 'checkpoint-2000/seahelm/m')).toEqual([
      'checkpoint-1000',
      'checkpoint-2000',
    ]);
    expect(found('lr_1e-4-checkpoint-1000', 'lr_1e-4-checkpoint-2000')).toEqual([
      'lr_1e-4-checkpoint-1000',
      'lr_1e-4-checkpoint-2000',
    ]);
  });

  it('leaves alone configurations whose checkpoints lie below them, and a lone one', () => {
    expect(found('cfg_a/ba1000/seahelm', 'cfg_b/ba1000/seahelm', 'cfg_b/ba2000')).toBeNull();
    // A configuration named like a step, with step folders below it, is a configuration.
    expect(found('ba256-lr1/ba1000', 'ba512-lr1/ba1000')).toBeNull();
    expect(found('checkpoint-1000/seahelm/m')).toBeNull();
    expect(found('cfg/x', 'other/y')).toBeNull();
  });
});
