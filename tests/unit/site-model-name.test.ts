/** Models named as readers name them, in write-up props and page addresses (`ref=`, `model=`). */
import { describe, expect, it } from 'vitest';
import { modelName } from '../../src/lib/site/model-name.ts';

const row = (model: string, baseline: string | null = null) => ({ model, baseline });
const run = {
  section: 'experiments' as const,
  baselines: ['qwen3-4b', 'gemma-3-4b', 'no-row'],
  rows: [
    row('m_01000'),
    row('BASELINE_experiments_gemma-3-4b_00000', 'BASELINE_experiments_gemma-3-4b'),
    row('BASELINE_experiments_qwen3-4b_00000', 'BASELINE_experiments_qwen3-4b'),
  ],
};

describe('modelName', () => {
  it("takes a row's name as the table shows it", () => {
    expect(modelName(run, 'm_01000')).toBe('m_01000');
    expect(modelName(run, 'BASELINE_experiments_qwen3-4b_00000')).toBe(
      'BASELINE_experiments_qwen3-4b_00000',
    );
  });

  it("takes a baseline's config key for its row", () => {
    expect(modelName(run, 'qwen3-4b')).toBe('BASELINE_experiments_qwen3-4b_00000');
    expect(modelName(run, 'gemma-3-4b')).toBe('BASELINE_experiments_gemma-3-4b_00000');
  });

  it('knows no other name, no baseline without a row, and no other case', () => {
    expect(modelName(run, 'nope')).toBeNull();
    expect(modelName(run, 'no-row')).toBeNull();
    expect(modelName(run, 'Qwen3-4b')).toBeNull();
    expect(modelName(run, 'M_01000')).toBeNull();
    expect(modelName(run, '')).toBeNull();
  });

  it("prefers a row's name to a baseline's key", () => {
    const clash = { ...run, rows: [...run.rows, row('qwen3-4b')] };
    expect(modelName(clash, 'qwen3-4b')).toBe('qwen3-4b');
  });
});
