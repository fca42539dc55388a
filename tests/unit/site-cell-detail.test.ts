import { describe, expect, it } from 'vitest';
import { cellDetail } from '../../src/lib/site/cell-detail.ts';

describe('cellDetail', () => {
  it('names the model, the column and the reason a partial value is partial', () => {
    const text = cellDetail({
      model: 'cfg01_ba2000',
      group: 'Thai',
      label: 'NLU',
      shown: '55.21',
      empty: false,
      mark: { partial: true, note: '3/4 missing: th_qa' },
    });
    expect(text).toBe('cfg01_ba2000 · Thai NLU: 55.21* — 3/4 missing: th_qa');
  });

  it('says why an empty cell is empty, with the run on tables that show one', () => {
    const text = cellDetail({
      model: 'gemma',
      run: 'exp_a',
      label: 'English',
      shown: '–',
      empty: true,
      mark: { partial: false, note: 'no lm-eval results file for this model' },
    });
    expect(text).toBe('gemma (exp_a) · English: – — no lm-eval results file for this model');
  });

  it('says a value is complete, and an empty cell without a note has no value', () => {
    const mark = { partial: false, note: '' };
    const base = { model: 'm', label: 'SEA Avg', mark };
    expect(cellDetail({ ...base, shown: '41.50', empty: false })).toBe(
      'm · SEA Avg: 41.50 — every input present',
    );
    expect(cellDetail({ ...base, shown: '–', empty: true })).toBe('m · SEA Avg: – — no value');
  });

  it('says what a number is where the table shows differences', () => {
    const text = cellDetail({
      model: 'cfg02',
      label: 'SEA Avg',
      shown: '+1.2',
      shows: 'minus cfg01',
      empty: false,
      mark: { partial: false, note: '' },
    });
    expect(text).toBe('cfg02 · SEA Avg: +1.2 (minus cfg01) — every input present');
  });
});
