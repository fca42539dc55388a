/** The comparison page's shared columns across runs. */
import { describe, expect, it } from 'vitest';
import {
  compareColumnData,
  compareColumnId,
  compareData,
  compareWithHidden,
  runsWithoutSeaLanguages,
  seaLanguagesNote,
} from '../../src/lib/site/compare-data.ts';
import { hiddenLanguages, overallWithHidden } from '../../src/lib/site/recompute.ts';
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
  it("unions the languages in the SEA languages' order, as merged/ does, and marks absent ones missing", () => {
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
    // Thai first appears first (run a has it alone); the SEA languages put Indonesian first.
    const data = compareData([runA, runB], ['id', 'th']);
    expect(data.columns.map((c) => c.label)).toEqual([
      'SEA Avg',
      'Indonesian',
      'Thai',
      'English',
      'Aggregate',
    ]);
    expect(data.rows.map((r) => [r.run, r.model, r.baseline, r.values, r.status])).toEqual([
      ['a', 'm1', false, [1, null, 2, 3, 4], 'omooo'],
      ['a', 'BASELINE_b', true, [5, null, 6, 7, 8], 'omooo'],
      ['b', 'm1', false, [10, 11, 12, 13, 14], 'ooooo'],
    ]);
    expect(data.rows[0]?.notes).toEqual({ 1: 'not in this run' });
    // A configured order: sea_languages [th, id].
    expect(compareData([runA, runB], ['th', 'id']).columns.map((c) => c.id)).toEqual([
      'sea_total',
      'th',
      'id',
      'en',
      'total',
    ]);
    // A --limit run stays marked on the comparison page.
    expect(data.rows.map((r) => r.limited)).toEqual([false, false, true]);
    expect(data.runColumns).toEqual({
      a: ['sea_total', 'th', 'en', 'total'],
      b: ['sea_total', 'id', 'th', 'en', 'total'],
    });
  });
});

/** A run of one model with these SEA languages ([id, label]), English and the averages. */
const runWith = (key: string, langs: [string, string][]) => ({
  key,
  columns: [
    lang('sea_total', 'SEA Avg'),
    ...langs.map(([id, label]) => lang(id, label)),
    lang('en', 'English'),
    lang('total', 'Aggregate'),
  ],
  rows: [row('m', [])],
});

describe('seaLanguagesNote', () => {
  const data = compareData(
    [
      runWith('a', [['th', 'Thai']]),
      runWith('b', [
        ['id', 'Indonesian'],
        ['th', 'Thai'],
      ]),
      runWith('c', [['th', 'Thai']]),
    ],
    ['id', 'th'],
  );

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

  it('leaves hidden languages out: hiding the ones only some runs have makes them agree', () => {
    expect(seaLanguagesNote(data, ['a', 'b'], new Set(['id']))).toBeNull();
    expect(seaLanguagesNote(data, ['a', 'b'], new Set(['th']))).toBe(
      "SEA Avg and Aggregate average each run's own SEA languages (less the hidden ones), and these runs have different ones; compare single languages for like with like. a: none; b: 1 (Indonesian).",
    );
    // English is no SEA language: the note reads as without it.
    expect(seaLanguagesNote(data, ['a', 'b'], new Set(['en']))).toBe(
      seaLanguagesNote(data, ['a', 'b']),
    );
  });
});

describe('runsWithoutSeaLanguages and the hidden-languages note', () => {
  // Runs a and c have Thai alone, b Indonesian and Thai.
  const data = compareData(
    [
      runWith('a', [['th', 'Thai']]),
      runWith('b', [
        ['th', 'Thai'],
        ['id', 'Indonesian'],
      ]),
      runWith('c', [['th', 'Thai']]),
    ],
    ['th', 'id'],
  );
  const columns = compareColumnData(data.columns);
  const at = (...ids: string[]) => new Set(ids.map((id) => columns.findIndex((c) => c.id === id)));
  /** The note over the rows of `runs` with the columns `ids` hidden, as the page writes it. */
  const noteOver = (runs: string[], ...ids: string[]) => {
    const hidden = at(...ids);
    const { ids: hiddenIds } = hiddenLanguages(columns, hidden);
    return hiddenLanguages(columns, hidden, runsWithoutSeaLanguages(data, runs, hiddenIds)).note;
  };
  /** The same over the scatter's points. */
  const pointsNoteOver = (runs: string[], ...ids: string[]) => {
    const hidden = at(...ids);
    const { ids: hiddenIds } = hiddenLanguages(columns, hidden);
    const empty = runsWithoutSeaLanguages(data, runs, hiddenIds);
    return hiddenLanguages(columns, hidden, empty, 'points').note;
  };

  it('finds the runs whose SEA languages are all hidden, each once, in the order given', () => {
    expect(runsWithoutSeaLanguages(data, ['c', 'b', 'a', 'c'], new Set(['th']))).toEqual([
      'c',
      'a',
    ]);
    expect(runsWithoutSeaLanguages(data, ['b'], new Set(['th']))).toEqual([]);
    expect(runsWithoutSeaLanguages(data, ['b'], new Set(['th', 'id']))).toEqual(['b']);
    expect(runsWithoutSeaLanguages(data, ['a', 'nope'], new Set(['en']))).toEqual([]);
  });

  it('says that none is left for the runs shown that lost every SEA language', () => {
    expect(noteOver(['a', 'b'], 'th')).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Thai; none is left for a, so both are empty in its rows.',
    );
    // Two such runs, only them shown: Indonesian is still a column, of a run not shown.
    expect(noteOver(['a', 'c'], 'th')).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Thai; none is left for a and c, so both are empty in their rows.',
    );
    expect(noteOver(['a', 'c'], 'th', 'en')).toBe(
      'SEA Avg excludes hidden languages: Thai; none is left for a and c, so it is empty in their rows. Aggregate is empty while English is hidden: it is (SEA Avg + English) / 2, never SEA Avg alone.',
    );
    // Every run keeps one: as before.
    expect(noteOver(['b'], 'th')).toBe('SEA Avg and Aggregate exclude hidden languages: Thai.');
    // No SEA language left at all: the run pages' wording, no run named.
    expect(noteOver(['a', 'b'], 'th', 'id')).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Thai, Indonesian; none is left, so both are empty.',
    );
  });

  it("says the scatter's points, not rows, are empty", () => {
    expect(pointsNoteOver(['a', 'c'], 'th')).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Thai; none is left for a and c, so both are empty in their points.',
    );
  });
});

describe('compareWithHidden', () => {
  // Run a: Thai and Indonesian, one row partial (no Indonesian); run b: Thai alone.
  const runA = {
    key: 'a',
    columns: [
      lang('sea_total', 'SEA Avg'),
      lang('th', 'Thai'),
      lang('id', 'Indonesian'),
      lang('en', 'English'),
      lang('total', 'Aggregate'),
    ],
    rows: [
      row('m1', [30, 20, 40, 50, 40]),
      {
        ...row('m2', [20, 20, null, 60, 40]),
        status: 'pommp',
        notes: { 0: '1/2 missing: id', 2: 'missing', 4: 'partial: sea_total' },
      },
    ],
  };
  const runB = {
    key: 'b',
    columns: [
      lang('sea_total', 'SEA Avg'),
      lang('th', 'Thai'),
      lang('en', 'English'),
      lang('total', 'Aggregate'),
    ],
    rows: [row('m3', [10, 10, 30, 20])],
  };
  // sea_languages [th, id]: comparison columns SEA Avg, Thai, Indonesian, English, Aggregate.
  const data = compareData([runA, runB], ['th', 'id']);
  const onRunPage = (run: typeof runA | typeof runB, hidden: string[]) =>
    overallWithHidden(run, new Set(hidden));

  it("recomputes each row on its own run's languages, as that run's page does", () => {
    for (const hidden of [['th'], ['id'], ['en'], ['th', 'id'], ['id', 'en']]) {
      const again = compareWithHidden(data, new Set(hidden));
      const pageA = onRunPage(runA, hidden);
      const pageB = onRunPage(runB, hidden);
      // Run a's columns are in the comparison's order; run b lacks Indonesian (index 2).
      for (const r of [0, 1]) {
        expect(again[r]?.values, `${hidden.join()} a ${r}`).toEqual(pageA[r]?.values);
        expect(again[r]?.marks).toEqual(pageA[r]?.marks);
      }
      const b = again[2];
      const page = pageB[0];
      if (hidden.includes('th') || hidden.includes('en')) {
        expect(b?.values, hidden.join()).toEqual([page?.values[0], 10, null, 30, page?.values[3]]);
        expect(b?.marks).toEqual({ 0: page?.marks[0], 4: page?.marks[3] });
      } else {
        // Nothing of run b is hidden: its built values and marks stay.
        expect(b).toEqual({ values: data.rows[2]?.values, marks: {} });
      }
    }
  });

  it('gives the numbers worked out by hand, empty where nothing is left', () => {
    const noThai = compareWithHidden(data, new Set(['th']));
    expect(noThai.map((r) => [r.values[0], r.values[4]])).toEqual([
      [40, 45],
      [null, null],
      [null, null],
    ]);
    expect(noThai[2]?.marks[0]).toEqual({
      partial: false,
      note: '0/0: every SEA language is hidden',
    });
    expect(noThai[2]?.marks[4]).toEqual({ partial: false, note: 'every SEA language is hidden' });
    const noIndonesian = compareWithHidden(data, new Set(['id']));
    expect(noIndonesian.map((r) => [r.values[0], r.values[4]])).toEqual([
      [20, 35],
      [20, 40],
      [10, 20],
    ]);
    // m2 was partial for lacking Indonesian; without it, it is complete.
    expect(noIndonesian[1]?.marks[0]).toEqual({ partial: false, note: '' });
  });

  it("takes the hidden ids from the comparison's columns as the run page's note does", () => {
    const columns = compareColumnData(data.columns);
    expect(columns.map((c) => c.lang)).toEqual([null, 'th', 'id', 'en', null]);
    const hidden = hiddenLanguages(columns, new Set([2, 3]));
    expect([...hidden.ids]).toEqual(['id', 'en']);
    expect(hidden.note).toBe(
      'SEA Avg excludes hidden languages: Indonesian. Aggregate is empty while English is hidden: it is (SEA Avg + English) / 2, never SEA Avg alone.',
    );
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
