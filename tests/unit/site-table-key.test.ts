import { describe, expect, it } from 'vitest';
import { tableKey, type KeyRow } from '../../src/lib/site/table-key.ts';

const row = (extra: Partial<KeyRow> = {}): KeyRow => ({
  limited: false,
  baseline: false,
  ...extra,
});

describe('tableKey', () => {
  it('always explains * and –, which the views can make in any run', () => {
    expect(tableKey([row(), row()])).toEqual([
      '* partial: some inputs missing',
      '– no value: missing, failed or invalid (never 0)',
      'a cell’s tooltip, and the missing values report, say why',
    ]);
  });

  it('explains the badges only where rows have them', () => {
    expect(tableKey([row({ limited: true }), row({ baseline: true })])).toEqual([
      '* partial: some inputs missing',
      '– no value: missing, failed or invalid (never 0)',
      'LIMIT: an lm-eval --limit run, English not comparable',
      'shaded: baselines',
      'a cell’s tooltip, and the missing values report, say why',
    ]);
  });
});
