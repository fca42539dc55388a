/** The comparison page's shared columns across runs. */
import { describe, expect, it } from 'vitest';
import { compareColumnId, compareData, seaLanguagesNote } from '../../src/lib/site/compare-data.ts';
import type { ColumnData, RowData } from '../../src/lib/site/site-data.ts';

const lang = (id: string, label: string): ColumnData => ({
  id,
  level: 'lang',
  lang: id === 'sea_total' || id === 'total' ? null : id,
  label,
  competency: null,
});
const row = (
  model: string,
  values: (number | null)[],
  baseline: string | null = null,
): RowData => ({
  model,
  baseline,
  step: 0,
  limited: false,
  values,
  status: values.map((v) => (v === null ? 'm' : 'o')).join(''),
  notes: {},
});

describe('compareData', () => {
  it('unions the languages in order of appearance and marks absent ones missing', () => {
    const runA = {
      key: 'a',
      columns: [
        lang('sea_total', 'SEA Avg'),
        lang('th', 'Thai'),
        lang('en', 'English'),
        lang('total', 'Aggregate'),
      ],
      rows: [row('m1', [1, 2, 3, 4]), row('BASELINE_b', [5, 6, 7, 8], 'b')],
    };
    const runB = {
      key: 'b',
      columns: [
        lang('sea_total', 'SEA Avg'),
        lang('id', 'Indonesian'),
        lang('th', 'Thai'),
        lang('en', 'English'),
        lang('total', 'Aggregate'),
        { ...lang('id_nlu', 'nlu'), level: 'competency' as const },
      ],
      rows: [{ ...row('m1', [10, 11, 12, 13, 14, 15]), limited: true }],
    };
    const data = compareData([runA, runB]);
    expect(data.columns.map((c) => c.label)).toEqual([
      'SEA Avg',
      'Thai',
      'Indonesian',
      'English',
      'Aggregate',
    ]);
    expect(data.rows.map((r) => [r.run, r.model, r.baseline, r.values, r.status])).toEqual([
      ['a', 'm1', false, [1, 2, null, 3, 4], 'oomoo'],
      ['a', 'BASELINE_b', true, [5, 6, null, 7, 8], 'oomoo'],
      ['b', 'm1', false, [10, 12, 11, 13, 14], 'ooooo'],
    ]);
    expect(data.rows[0]?.notes).toEqual({ 2: 'not in this run' });
    // A --limit run stays marked on the comparison page.
    expect(data.rows.map((r) => r.limited)).toEqual([false, false, true]);
    expect(data.seaLanguages).toEqual({ a: ['Thai'], b: ['Indonesian', 'Thai'] });
  });
});

describe('seaLanguagesNote', () => {
  const run = (key: string, langs: [string, string][]) => ({
    key,
    columns: [
      lang('sea_total', 'SEA Avg'),
      ...langs.map(([id, label]) => lang(id, label)),
      lang('en', 'English'),
      lang('total', 'Aggregate'),
    ],
    rows: [row('m', [])],
  });
  const data = compareData([
    run('a', [['th', 'Thai']]),
    run('b', [
      ['id', 'Indonesian'],
      ['th', 'Thai'],
    ]),
    run('c', [['th', 'Thai']]),
  ]);

  it('says which languages each run averages when the chosen runs differ', () => {
    expect(seaLanguagesNote(data, ['a', 'b', 'a'])).toBe(
      "SEA Avg and Aggregate average each run's own SEA languages, and these runs have different ones; compare single languages for like with like. a: 1 (Thai); b: 2 (Indonesian, Thai).",
    );
  });

  it('says nothing for runs with the same languages, or one run', () => {
    expect(seaLanguagesNote(data, ['a', 'c'])).toBeNull();
    expect(seaLanguagesNote(data, ['b', 'b'])).toBeNull();
    expect(seaLanguagesNote(data, [])).toBeNull();
  });
});

describe('compareColumnId', () => {
  const data = {
    columns: [
      { id: 'sea_total', label: 'SEA Avg' },
      { id: 'en', label: 'English' },
    ],
  };
  it('takes an id or a display name, and leaves anything else to the defaults', () => {
    expect(compareColumnId(data, 'en')).toBe('en');
    expect(compareColumnId(data, 'SEA Avg')).toBe('sea_total');
    expect(compareColumnId(data, 'english')).toBe('en');
    expect(compareColumnId(data, 'bogus')).toBe('bogus');
    expect(compareColumnId(data, null)).toBeNull();
  });
});
