import { describe, expect, it } from 'vitest';
import { mergeTasks, splitRun } from '../../src/lib/site/run-parts.ts';
import type { RunData } from '../../src/lib/site/site-data.ts';

const RUN: RunData = {
  key: 'exp',
  slug: 'exp',
  section: 'experiments',
  isHeroRun: false,
  languages: [{ code: 'id', name: 'Indonesian' }],
  columns: [
    { id: 'sea_total', level: 'lang', lang: null, label: 'SEA Avg', competency: null },
    { id: 'id_nlu', level: 'competency', lang: 'id', label: 'nlu', competency: null },
    { id: 'id_qa', level: 'task', lang: 'id', label: 'qa', competency: 'nlu' },
    { id: 'id_sentiment', level: 'task', lang: 'id', label: 'sentiment', competency: 'nlu' },
  ],
  rows: [
    {
      model: 'a_100',
      baseline: null,
      step: 100,
      limited: false,
      values: [40, 40, null, 40],
      status: 'ppfo',
      notes: { 0: '1/1 partial: id', 1: '1/2 missing: id_qa', 2: 'error: boom' },
    },
  ],
  baselines: [],
  hyperparameters: [],
};

describe('run parts', () => {
  it('splits task columns off and merges them back to the same data', () => {
    const { scores, tasks } = splitRun(RUN);
    expect(scores.rows[0]?.values).toEqual([40, 40]);
    expect(scores.rows[0]?.status).toBe('pp');
    expect(scores.rows[0]?.notes).toEqual({ 0: '1/1 partial: id', 1: '1/2 missing: id_qa' });
    expect(tasks).toEqual({
      offset: 2,
      rows: [{ values: [null, 40], status: 'fo', notes: { 2: 'error: boom' } }],
    });
    const copy = JSON.parse(JSON.stringify(scores)) as RunData;
    mergeTasks(copy, JSON.parse(JSON.stringify(tasks)));
    expect(copy).toEqual(RUN);
  });

  it('merges back the values of 300,000 task columns', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i % 100);
    const rows = RUN.rows.map((row) => ({ ...row, values: [40, 40], status: 'pp', notes: {} }));
    const scores: RunData = { ...RUN, rows };
    mergeTasks(scores, {
      offset: 2,
      rows: [{ values, status: 'o'.repeat(values.length), notes: {} }],
    });
    expect(scores.rows[0]?.values).toHaveLength(300_002);
    expect(scores.rows[0]?.values[300_001]).toBe(99);
  });
});
