/**
 * Browser-side recomputation (Overall with hidden languages, Incl/Excl) with the build's own
 * averaging rules: with nothing hidden or left out it reproduces the build's values bit for bit.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runPipeline } from '../../src/lib/pipeline.ts';
import {
  asBuiltNote,
  coverageNote,
  hiddenLanguages,
  InclExclCalculator,
  inclExcl,
  languagesAsBuilt,
  overallWithHidden,
  rowsWithRecomputed,
} from '../../src/lib/site/recompute.ts';
import {
  runData,
  type ColumnData,
  type RowData,
  type RunData,
} from '../../src/lib/site/site-data.ts';
import { meanAggregate } from '../../src/lib/score/aggregate.ts';

const col = (id: string, level: ColumnData['level'], lang: string | null): ColumnData => ({
  id,
  level,
  lang,
  label: id,
  competency: null,
});

// sea_total th id en total | th_a th_b id_a | IFEval BBH
const columns: ColumnData[] = [
  col('sea_total', 'lang', null),
  col('th', 'lang', 'th'),
  col('id', 'lang', 'id'),
  col('en', 'lang', 'en'),
  col('total', 'lang', null),
  col('th_a', 'competency', 'th'),
  col('th_b', 'competency', 'th'),
  col('id_a', 'competency', 'id'),
  col('IFEval', 'competency', 'en'),
  col('BBH', 'competency', 'en'),
];
const languages = [
  { code: 'th', name: 'Thai' },
  { code: 'id', name: 'Indonesian' },
];

function row(values: (number | null)[], status?: string): RowData {
  return {
    model: 'm',
    baseline: null,
    step: 0,
    limited: false,
    values,
    status: status ?? values.map((v) => (v === null ? 'm' : 'o')).join(''),
    notes: {},
  };
}

const run = {
  columns,
  languages,
  rows: [
    row([35, 40, 30, 20, 27.5, 30, 50, 30, 10, 30]),
    row([40, 40, null, 20, 30, 30, 50, null, 10, 30], 'pomopoomoo'),
  ],
};

describe('rowsWithRecomputed', () => {
  it('puts the recomputed values, statuses and notes in place, and keeps the other cells', () => {
    const [plain, partial] = run.rows;
    if (plain === undefined || partial === undefined) throw new Error('two rows');
    const source = { ...partial, notes: { 0: '1/2 missing: id', 2: 'no file', 4: 'partial' } };
    const rows = [plain, source];
    const [first, second] = rowsWithRecomputed(
      rows,
      overallWithHidden({ ...run, rows }, new Set(['th'])),
    );
    // Without Thai, the first row's SEA Avg is Indonesian alone; the second has no SEA language.
    expect(first?.values.slice(0, 5)).toEqual([30, 40, 30, 20, 25]);
    expect(first?.status).toBe(plain.status);
    expect(second?.values.slice(0, 5)).toEqual([null, 40, null, 20, null]);
    expect(second?.status.slice(0, 5)).toBe('momom');
    expect(second?.status.slice(5)).toBe(source.status.slice(5));
    expect(second?.notes[2]).toBe('no file');
    expect(second?.notes[4]).not.toBe('partial');
    expect(second?.notes[0]).toBe('0/1 missing: id'); // the recomputed note, not the payload's
    expect(rows[1]?.values[0]).toBe(40); // the payload's rows are left as they were
  });
});

describe('overallWithHidden', () => {
  it('averages the visible SEA languages and recomputes Aggregate', () => {
    const [first, second] = overallWithHidden(run, new Set(['id']));
    expect(first?.values.slice(0, 5)).toEqual([40, 40, 30, 20, 30]);
    expect(first?.marks[0]).toEqual({ partial: false, note: '' });
    // The second row lacks Indonesian anyway; hiding it makes SEA Avg whole again.
    expect(second?.values[0]).toBe(40);
    expect(second?.values[4]).toBe(30);
  });

  it('marks a mean over a missing language as partial, with the coverage', () => {
    const [, second] = overallWithHidden(run, new Set());
    expect(second?.values[0]).toBe(40);
    expect(second?.marks[0]).toEqual({ partial: true, note: '1/2 missing: id' });
  });

  it('leaves SEA Avg and Aggregate missing when every SEA language is hidden', () => {
    const [first] = overallWithHidden(run, new Set(['th', 'id']));
    expect(first?.values[0]).toBeNull();
    expect(first?.values[4]).toBeNull();
    expect(first?.marks[0]?.note).toBe('0/0: every SEA language is hidden');
    expect(first?.marks[4]).toEqual({ partial: false, note: 'every SEA language is hidden' });
  });

  it('leaves Aggregate missing when English is hidden, as when every SEA language is', () => {
    const [first, second] = overallWithHidden(run, new Set(['en']));
    // SEA Avg is as built; Aggregate is not SEA Avg under another name.
    expect(first?.values.slice(0, 5)).toEqual([35, 40, 30, 20, null]);
    expect(first?.marks[4]).toEqual({ partial: false, note: 'English is hidden' });
    expect(second?.values[4]).toBeNull();
    const [both] = overallWithHidden(run, new Set(['en', 'th']));
    expect(both?.values[0]).toBe(30);
    expect(both?.values[4]).toBeNull();
  });
});

describe('hiddenLanguages', () => {
  const hide = (...ids: string[]) =>
    hiddenLanguages(columns, new Set(ids.map((id) => columns.findIndex((c) => c.id === id))));

  it('is nothing while no language is hidden (SEA Avg or Aggregate hidden changes no value)', () => {
    expect(hide()).toEqual({ ids: new Set(), note: null });
    expect(hide('sea_total', 'total')).toEqual({ ids: new Set(), note: null });
  });

  it('names the hidden SEA languages in column order', () => {
    expect(hide('id', 'th')).toEqual({
      ids: new Set(['th', 'id']),
      note: 'SEA Avg and Aggregate exclude hidden languages: th, id; none is left, so both are empty.',
    });
    expect(hide('id').note).toBe('SEA Avg and Aggregate exclude hidden languages: id.');
  });

  it('says Aggregate is empty while English is hidden', () => {
    const english =
      'Aggregate is empty while English is hidden: it is (SEA Avg + English) / 2, never SEA Avg alone.';
    expect(hide('en')).toEqual({ ids: new Set(['en']), note: english });
    expect(hide('en', 'id').note).toBe(`SEA Avg excludes hidden languages: id. ${english}`);
  });
});

describe('a model without results of a harness', () => {
  const noSea = 'no SEA-HELM results for this model';
  const noLm = 'no lm-eval results for this model: its file x.json was skipped (see results.json)';
  const absent: RowData = {
    ...row([null, null, null, null, null, null, null, null, null, null]),
    notes: { 0: noSea, 1: noSea, 2: noSea, 3: noLm, 4: '0/2 missing: en, sea_total' },
  };
  const only = { columns, languages, rows: [absent] };

  it('keeps that reason, whatever is hidden or left out', () => {
    for (const recomputed of [
      overallWithHidden(only, new Set(['id'])),
      inclExcl(only, new Set()),
      inclExcl(only, new Set(['th_a', 'BBH'])),
    ]) {
      const marks = recomputed[0]?.marks ?? {};
      // A cell not recomputed keeps the build's note.
      const note = (i: number) => marks[i]?.note ?? absent.notes[i];
      expect([0, 1, 2, 3].map(note)).toEqual([noSea, noSea, noSea, noLm]);
      expect(marks[4]?.note).toBe('0/2 missing: en, sea_total');
    }
  });

  it('keeps it in a run without any SEA language, where no SEA competency can be selected', () => {
    // sea_total en total | IFEval: an lm-eval-only run.
    const englishOnly = {
      columns: [
        col('sea_total', 'lang', null),
        col('en', 'lang', 'en'),
        col('total', 'lang', null),
        col('IFEval', 'competency', 'en'),
      ],
      languages: [],
      rows: [{ ...row([null, 40, null, 40]), notes: { 0: noSea, 2: '1/2 missing: sea_total' } }],
    };
    const [first] = inclExcl(englishOnly, new Set());
    expect(first?.marks[0]?.note).toBe(noSea);
  });

  it('says a selection left nothing when it did', () => {
    const [first] = inclExcl(only, new Set(['th_a', 'th_b', 'IFEval', 'BBH']));
    expect(first?.marks[1]?.note).toBe('no competency selected');
    expect(first?.marks[3]?.note).toBe('no benchmark selected');
  });
});

describe('inclExcl', () => {
  it('recomputes languages, SEA Avg, English and Aggregate from the kept columns', () => {
    const [first] = inclExcl(run, new Set(['th_b', 'BBH']));
    // th = 30 (th_a), id = 30, SEA = 30, en = 10, total = 20
    expect(first?.values.slice(0, 5)).toEqual([30, 30, 30, 10, 20]);
  });

  it('leaves a SEA language with nothing kept out of SEA Avg', () => {
    const [first] = inclExcl(run, new Set(['id_a']));
    expect(first?.values[2]).toBeNull();
    expect(first?.marks[2]).toEqual({ partial: false, note: 'no competency selected' });
    expect(first?.values[0]).toBe(40);
    expect(first?.marks[0]).toEqual({ partial: false, note: '' });
  });

  it('makes Aggregate missing when no English benchmark is kept', () => {
    const [first] = inclExcl(run, new Set(['IFEval', 'BBH']));
    expect(first?.values[3]).toBeNull();
    expect(first?.marks[3]?.note).toBe('no benchmark selected');
    expect(first?.values[4]).toBeNull();
  });

  it('propagates missing competencies as partial coverage', () => {
    const [, second] = inclExcl(run, new Set());
    expect(second?.values[2]).toBeNull();
    expect(second?.marks[2]?.note).toBe('0/1 missing: id_a');
    expect(second?.marks[0]).toEqual({ partial: true, note: '1/2 missing: id' });
  });

  it('gives the same result when reusing cached languages', () => {
    const calculator = new InclExclCalculator(run);
    calculator.compute(new Set());
    calculator.compute(new Set(['BBH']));
    expect(calculator.compute(new Set(['th_b']))).toEqual(inclExcl(run, new Set(['th_b'])));
  });
});

describe('coverageNote', () => {
  it('uses the build wording', () => {
    expect(
      coverageNote(
        meanAggregate([
          { label: 'b', value: null, partial: false },
          { label: 'a', value: 1, partial: true },
        ]),
      ),
    ).toBe('1/2 missing: b; partial: a');
  });
});

// The sample, and the trees of odd inputs: column names that meet, runs without SEA-HELM files.
describe.each([
  'leaderboard.config.yaml',
  'tests/fixtures/trees/value-rules/leaderboard.config.yaml',
  'tests/fixtures/trees/steps-and-merging/leaderboard.config.yaml',
  'tests/fixtures/trees/sea-languages/leaderboard.config.yaml',
])('against the build (%s)', (configFile) => {
  let runs: RunData[] = [];

  beforeAll(async () => {
    const config = await loadConfig(path.resolve(configFile));
    runs = runData(await runPipeline(config, { threads: 1 }));
  });

  it('reproduces every lang-level value, partial flag and reason with nothing left out', () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const data of runs) {
      const lang = data.columns.flatMap((c, i) => (c.level === 'lang' ? [i] : []));
      const checks = [inclExcl(data, new Set()), overallWithHidden(data, new Set())];
      for (const recomputed of checks) {
        data.rows.forEach((r, k) => {
          const got = recomputed[k];
          for (const i of lang) {
            expect(got?.values[i], `${data.key} ${r.model} ${data.columns[i]?.id}`).toBe(
              r.values[i],
            );
            const mark = got?.marks[i];
            const where = `${data.key} ${r.model} ${data.columns[i]?.id}`;
            if (mark !== undefined && r.values[i] !== null) {
              expect(mark.partial).toBe(r.status[i] === 'p');
              if (mark.partial) expect(mark.note, where).toBe(r.notes[i]);
            }
            // An empty cell gives the build's reason (a model without lm-eval results, say).
            if (mark !== undefined && r.values[i] === null) {
              expect(mark.note, where).toBe(r.notes[i]);
            }
          }
        });
      }
    }
  });
});

describe('languages Incl/Excl keeps as built (value-rules, names)', () => {
  it('are those with a competency that lost its column to another name, and the note says so', async () => {
    const config = await loadConfig(
      path.resolve('tests/fixtures/trees/value-rules/leaderboard.config.yaml'),
    );
    const runs = runData(await runPipeline(config, { threads: 1 }));
    const kept = runs.map((r) => [r.key, languagesAsBuilt(r.columns).map((i) => r.columns[i]?.id)]);
    // id's nlu lost its name to the language id_nlu, id_x's y to id's x_y.
    expect(kept.filter(([, ids]) => ids?.length !== 0)).toEqual([['names', ['id', 'id_x']]]);
    const names = runs.find((r) => r.key === 'names');
    expect(names === undefined ? null : asBuiltNote(names.columns)).toBe(
      'Indonesian and ID_X: shown as the build scored them whatever is ticked, and counted so in ' +
        "SEA Avg. Some of their competencies have no column of their own (two column names met: see the build's column-clash warning), so the boxes cannot recompute them.",
    );
  });
});
