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
      'why a value is partial or empty: click or tap it, or Tab to the table’s rows and move to it with the arrow keys (or point at it); the missing values report lists them all',
    ]);
  });

  it('explains the badges only where rows have them', () => {
    expect(tableKey([row({ limited: true }), row({ baseline: true })])).toEqual([
      '* partial: some inputs missing',
      '– no value: missing, failed or invalid (never 0)',
      'LIMIT: an lm-eval --limit run, English not comparable',
      'shaded: baselines',
      'why a value is partial or empty: click or tap it, or Tab to the table’s rows and move to it with the arrow keys (or point at it); the missing values report lists them all',
    ]);
  });
});
