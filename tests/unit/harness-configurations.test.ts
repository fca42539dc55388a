/** Experiments whose configuration folders are harness folders (separate SEA-HELM and lm-eval trees). */
import { describe, expect, it } from 'vitest';
import { harnessConfigurations } from '../../src/lib/discover/harness-configurations.ts';

const IDENTIFIERS = ['seahelm', 'lm-eval', 'lm_eval', 'hf_leaderboard'];

describe('harnessConfigurations', () => {
  it('names the configuration folders that hold a harness identifier, in any case, once each', () => {
    const files = [
      'LM-Eval/exp/lr_1e-4/__ckpts__x/results_2025-01-01T00-00-00.json',
      'LM-Eval/exp/lr_3e-4/__ckpts__y/results_2025-01-01T00-00-00.json',
      'seahelm/exp/lr_1e-4/checkpoint-1000/checkpoint-1000_seahelm_results_2025.json',
    ];
    expect(harnessConfigurations(files, IDENTIFIERS)).toEqual(['LM-Eval', 'seahelm']);
  });

  it('leaves alone harness folders below the configuration, and files in the run root', () => {
    const files = [
      'lr_1e-4/checkpoint-1000/seahelm/m/m_seahelm_results_2025.json',
      'lr_1e-4/checkpoint-1000/lm-eval/m/results_2025-01-01T00-00-00.json',
      'x_seahelm_results_2025.json',
    ];
    expect(harnessConfigurations(files, IDENTIFIERS)).toEqual([]);
    // An identifier turned off (an empty list) names nothing.
    expect(harnessConfigurations(['seahelm/a/b.json'], [])).toEqual([]);
  });
});
