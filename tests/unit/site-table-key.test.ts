import { describe, expect, it } from 'vitest';
import { tableKey, type KeyRow } from '../../src/lib/site/table-key.ts';

function row(status: string, extra: Partial<KeyRow> = {}): KeyRow {
  return { status, limited: false, baseline: false, ...extra };
}

const run = (rows: readonly KeyRow[]) => rows;

describe('tableKey', () => {
  it('explains only the marks the run shows', () => {
    expect(tableKey(run([row('oo'), row('oo')]))).toEqual([]);
    const key = tableKey(run([row('op'), row('om'), row('oo', { limited: true })]));
    expect(key).toEqual([
      '* partial: some inputs missing',
      '– no value: missing, failed or invalid (never 0)',
      'LIMIT: an lm-eval --limit run, English not comparable',
      'a cell’s tooltip, and the missing values report, say why',
    ]);
  });

  it('counts failed and invalid cells as values not there, and names baseline rows', () => {
    for (const status of ['f', 'i']) {
      expect(tableKey(run([row(status)]))[0]).toBe(
        '– no value: missing, failed or invalid (never 0)',
      );
    }
    expect(tableKey(run([row('o', { baseline: true })]))).toEqual(['shaded: baselines']);
  });
});
