/**
 * The CSV reports (scoring.md sections 2, 3 and 6): columns and their order, 2-decimal values,
 * empty cells for missing values, the missing report (`model, column, reason, detail`, one row
 * per report cell and reason), merged reports with a `run` column after `model`.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mergedReports, runReports } from '../../src/lib/report/csv-reports.ts';
import { table } from './table-builders.ts';

function rows(csv: string): string[][] {
  expect(csv.endsWith('\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(0, -1), { header: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const LD = 'linguistic-diagnostics';

const main = table(
  [
    {
      name: 'cfg_a_00010',
      sea: {
        'id.nlu.sentiment': 60,
        'id.nlr.causal': 'failed',
        'id.nlg.abssum': 20,
        'vi.nlu.sentiment': 'invalid',
        'vi.safety.toxicity': 30,
        'th.nlu.sentiment': 50,
        [`id.${LD}.mp-r`]: 40,
        'id.instruction-following.if-eval': 70,
        'id.zz-new.other': 10,
        'id.multi-turn.mt-bench': 55,
      },
      lm: { leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.46 }, effective: 12032 } },
    },
    { name: '=evil', sea: { 'id.nlu.sentiment': 61 } },
  ],
  ['id', 'vi', 'th'],
);
const reports = runReports(main);

describe('runReports: columns', () => {
  it('lang: model, sea_total, each SEA language, en, total', () => {
    expect(rows(reports.lang)[0]).toEqual(['model', 'sea_total', 'id', 'vi', 'th', 'en', 'total']);
  });

  it('competency: competencies in the fixed order then others alphabetically, then the six English columns', () => {
    expect(rows(reports.competency)[0]).toEqual([
      'model',
      'id_nlu',
      'id_nlg',
      'id_nlr',
      'id_instruction-following',
      'id_multi-turn',
      'id_linguistic-diagnostics',
      'id_zz-new',
      'vi_nlu',
      'vi_safety',
      'th_nlu',
      'IFEval',
      'BBH',
      'MATH Lvl 5',
      'GPQA',
      'MUSR',
      'MMLU-PRO',
    ]);
  });

  it('task: tasks by competency order then name, then English subtasks', () => {
    expect(rows(reports.task)[0]).toEqual([
      'model',
      'id_sentiment',
      'id_abssum',
      'id_causal',
      'id_if-eval',
      'id_mt-bench',
      'id_mp-r',
      'id_other',
      'vi_sentiment',
      'vi_toxicity',
      'th_sentiment',
      'en_mmlu_pro',
    ]);
  });

  it('missing: model, column, reason, detail', () => {
    expect(rows(reports.missing)[0]).toEqual(['model', 'column', 'reason', 'detail']);
  });

  it('always has the six English columns and en/total, even without any lm-eval data', () => {
    const t = table([{ name: 'm', sea: { 'id.nlu.sentiment': 1 } }], ['id']);
    const r = runReports(t);
    expect(rows(r.lang)[0]).toEqual(['model', 'sea_total', 'id', 'en', 'total']);
    expect(rows(r.competency)[0]).toEqual([
      'model',
      'id_nlu',
      'IFEval',
      'BBH',
      'MATH Lvl 5',
      'GPQA',
      'MUSR',
      'MMLU-PRO',
    ]);
  });

  it('orders languages and English task columns by the rules, not by appearance', () => {
    const t = table(
      [
        {
          name: 'm',
          sea: { 'ta.nlu.sentiment': 1, 'vi.nlu.sentiment': 2, 'id.nlu.sentiment': 3 },
          lm: {
            leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.5 } },
            leaderboard_musr_team_allocation: { metrics: { 'acc_norm,none': 0.5 } },
            leaderboard_bbh_web_of_lies: { metrics: { 'acc_norm,none': 0.5 } },
            leaderboard_bbh_boolean_expressions: { metrics: { 'acc_norm,none': 0.5 } },
            leaderboard_ifeval: {
              metrics: { 'prompt_level_strict_acc,none': 0.5, 'inst_level_strict_acc,none': 0.5 },
            },
            leaderboard_gpqa_main: { metrics: { 'acc_norm,none': 0.5 } },
            leaderboard_math_algebra_hard: { metrics: { 'exact_match,none': 0.5 } },
          },
        },
      ],
      ['id', 'vi', 'th', 'ta'],
    );
    const r = runReports(t);
    expect(rows(r.lang)[0]).toEqual(['model', 'sea_total', 'id', 'vi', 'ta', 'en', 'total']);
    expect(rows(r.task)[0]?.slice(4)).toEqual([
      'en_ifeval_inst_level_strict_acc',
      'en_ifeval_prompt_level_strict_acc',
      'en_bbh_boolean_expressions',
      'en_bbh_web_of_lies',
      'en_math_algebra_hard',
      'en_gpqa_main',
      'en_musr_team_allocation',
      'en_mmlu_pro',
    ]);
  });

  it('orders languages by a configured sea_languages list', () => {
    const t = table(
      [{ name: 'm', sea: { 'id.nlu.sentiment': 1, 'th.nlu.sentiment': 2 } }],
      ['th', 'id'],
    );
    expect(rows(runReports(t).lang)[0]).toEqual(['model', 'sea_total', 'th', 'id', 'en', 'total']);
  });
});

describe('runReports: values', () => {
  it('writes 2 decimals and leaves missing values empty', () => {
    // cfg_a_00010: id = mean(nlu 60, nlg 20, if 70, mt 55, ld 40, zz-new 10) = 255 / 6 = 42.5
    //   (nlr failed: not a 0); vi = safety 30 (nlu invalid); th = 50
    //   sea_total = (42.5 + 30 + 50) / 3 = 40.8333; en = MMLU-PRO (0.46 - 0.1) / 0.9 * 100 = 40
    //   total = (40.8333 + 40) / 2 = 40.4167
    // '=evil: id = 61 (1/7), vi/th/en empty, total empty (en missing)
    expect(rows(reports.lang).slice(1)).toEqual([
      ['cfg_a_00010', '40.83', '42.50', '30.00', '50.00', '40.00', '40.42'],
      ["'=evil", '61.00', '61.00', '', '', '', ''],
    ]);
  });

  it('writes empty cells for failed and invalid tasks', () => {
    const header = rows(reports.task)[0] ?? [];
    const row = rows(reports.task)[1] ?? [];
    const value = (column: string) => row[header.indexOf(column)];
    expect(value('id_causal')).toBe('');
    expect(value('vi_sentiment')).toBe('');
    expect(value('id_sentiment')).toBe('60.00');
    expect(value('en_mmlu_pro')).toBe('40.00');
  });
});

describe('runReports: missing report', () => {
  const missing = rows(reports.missing).slice(1);
  const find = (model: string, column: string) =>
    missing.filter((r) => r[0] === model && r[1] === column);

  it('lists a failed task as failed', () => {
    expect(find('cfg_a_00010', 'id_causal')).toEqual([
      ['cfg_a_00010', 'id_causal', 'failed', expect.any(String)],
    ]);
  });

  it('lists an invalid value as invalid', () => {
    expect(find('cfg_a_00010', 'vi_sentiment').map((r) => r[2])).toEqual(['invalid']);
  });

  it('lists a competency with no child present as missing', () => {
    expect(find('cfg_a_00010', 'id_nlr').map((r) => r[2])).toEqual(['missing']);
  });

  it('lists partial aggregates with coverage and missing children', () => {
    expect(find('cfg_a_00010', 'id')).toEqual([
      ['cfg_a_00010', 'id', 'partial', '6/7 missing: id_nlr'],
    ]);
    expect(find('cfg_a_00010', 'vi')).toEqual([
      ['cfg_a_00010', 'vi', 'partial', '1/2 missing: vi_nlu'],
    ]);
    const en = find('cfg_a_00010', 'en');
    expect(en.map((r) => r[2])).toEqual(['partial']);
    expect(en[0]?.[3]).toMatch(/^1\/6 missing: /);
    expect(find('cfg_a_00010', 'sea_total').map((r) => r[2])).toEqual(['partial']);
    expect(find('cfg_a_00010', 'total').map((r) => r[2])).toEqual(['partial']);
  });

  it('lists an English column with no subtask as missing', () => {
    expect(find('cfg_a_00010', 'BBH').map((r) => r[2])).toEqual(['missing']);
  });

  it('has one row per cell and reason', () => {
    const keys = missing.map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('folds a missing group (no column of its own) into the row of its competency', () => {
    // nlg's only child is the translations group; both of its tasks are absent. The group has
    // no column, so its reason joins the nlg cell's own `missing` row.
    const t = table(
      [
        { name: 'a', sea: { 'id.nlu.sentiment': 60 } },
        { name: 'b', sea: { 'id.nlg.translation-en-xx': 40, 'id.nlg.translation-xx-en': 50 } },
      ],
      ['id'],
    );
    const nlg = rows(runReports(t).missing)
      .slice(1)
      .filter((r) => r[0] === 'a' && r[1] === 'id_nlg');
    expect(nlg).toEqual([
      [
        'a',
        'id_nlg',
        'missing',
        '0/1 missing: id_nlg_translations; id_nlg_translations: 0/2 missing: id_translation-en-xx, id_translation-xx-en',
      ],
    ]);
  });

  it('does not list cells that have a complete value', () => {
    expect(find('cfg_a_00010', 'id_sentiment')).toEqual([]);
    expect(find('cfg_a_00010', 'th')).toEqual([]);
    expect(find('cfg_a_00010', 'MMLU-PRO')).toEqual([]);
  });

  it('defuses a model name that looks like a formula', () => {
    expect(missing.some((r) => r[0] === "'=evil")).toBe(true);
    expect(missing.some((r) => r[0] === '=evil')).toBe(false);
  });

  it('lists every empty cell of the value reports', () => {
    // Every empty cell in lang/competency/task must have at least one missing-report row.
    for (const report of [reports.lang, reports.competency, reports.task]) {
      const [header = [], ...body] = rows(report);
      for (const row of body) {
        header.forEach((column, i) => {
          if (i === 0 || row[i] !== '') return;
          expect(find(row[0] ?? '', column).length, `${row[0]} ${column}`).toBeGreaterThan(0);
        });
      }
    }
  });
});

describe('runReports: pragmatics problems are reported under the pragmatics column', () => {
  const single = { counts: { scalar_implicatures: [54, 100], presuppositions: [30, 40] } } as const;

  it('lists a failed pragmatic task under pragmatics as failed, and the value as partial', () => {
    const t = table(
      [
        {
          name: 'm',
          sea: {
            [`id.${LD}.mp-r`]: 40,
            [`id.${LD}.pragmatic-single`]: single,
            [`id.${LD}.pragmatic-pair`]: 'failed',
          },
        },
      ],
      ['id'],
    );
    const r = runReports(t);
    const reasons = rows(r.missing)
      .slice(1)
      .filter((row) => row[1] === 'id_pragmatics')
      .map((row) => row[2])
      .sort();
    // "A failed or missing pragmatic-* task is reported under the pragmatics column ... the
    // value ... is then partial (1/2)"; one row per report cell and reason.
    expect(reasons).toEqual(['failed', 'partial']);
    // The value: (0.54 + 0.75) / 2 = 0.645 -> (0.645 - 0.5) / 0.5 * 100 = 29.00
    const [header = [], row = []] = rows(r.task);
    expect(row[header.indexOf('id_pragmatics')]).toBe('29.00');
  });

  it('lists two failed pragmatic tasks under pragmatics as failed', () => {
    const t = table(
      [
        {
          name: 'm',
          sea: {
            [`id.${LD}.mp-r`]: 40,
            [`id.${LD}.pragmatic-single`]: 'failed',
            [`id.${LD}.pragmatic-pair`]: 'failed',
          },
        },
      ],
      ['id'],
    );
    const found = rows(runReports(t).missing)
      .slice(1)
      .filter((row) => row[1] === 'id_pragmatics');
    // One row per cell and reason: the column is missing (no child left), and one `failed` row
    // names both tasks.
    expect(found.map((row) => row[2])).toEqual(['missing', 'failed']);
    expect(found[1]?.[3]).toBe(
      'id_pragmatic-pair: failed in the test; id_pragmatic-single: failed in the test',
    );
  });

  it('lists a failed pragmatic logprobs task under pragmatics-logprobs', () => {
    const t = table(
      [
        {
          name: 'm',
          sea: {
            [`id.${LD}.pragmatic-single-logprobs`]: { phenomena: { a: 60 } },
            [`id.${LD}.pragmatic-pair-logprobs`]: 'failed',
          },
        },
      ],
      ['id'],
    );
    const reasons = rows(runReports(t).missing)
      .slice(1)
      .filter((row) => row[1] === 'id_pragmatics-logprobs')
      .map((row) => row[2])
      .sort();
    expect(reasons).toEqual(['failed', 'partial']);
  });
});

describe('mergedReports', () => {
  const base = {
    name: 'BASELINE_experiments_gemma_00000',
    baseline: 'BASELINE_experiments_gemma',
    sea: { 'id.nlu.sentiment': 20, 'vi.nlu.sentiment': 40 },
  };
  const tA = table([{ name: 'cfg_x_00010', sea: { 'id.nlu.sentiment': 60 } }, base], ['id', 'vi']);
  const tB = table(
    [
      { name: 'cfg_y_00020', sea: { 'th.nlu.sentiment': 30 } },
      { ...base, sea: { 'id.nlu.sentiment': 20 } },
    ],
    ['id', 'vi', 'th'],
  );
  const merged = mergedReports(
    [
      { run: 'exp_a', table: tA },
      { run: 'exp_b', table: tB },
    ],
    ['id', 'vi', 'th'],
  );

  it('adds a run column after model, and takes the union of the columns', () => {
    expect(rows(merged.lang)[0]).toEqual([
      'model',
      'run',
      'sea_total',
      'id',
      'vi',
      'th',
      'en',
      'total',
    ]);
    expect(rows(merged.missing)[0]).toEqual(['model', 'run', 'column', 'reason', 'detail']);
  });

  it('lists runs in the given order, a baseline once per run it is merged into', () => {
    expect(
      rows(merged.lang)
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      ['cfg_x_00010', 'exp_a'],
      ['BASELINE_experiments_gemma_00000', 'exp_a'],
      ['cfg_y_00020', 'exp_b'],
      ['BASELINE_experiments_gemma_00000', 'exp_b'],
    ]);
  });

  it("copies each run's rows as computed in that run's table", () => {
    // exp_a: cfg_x sea_total = id 60 (vi expected from the baseline -> partial);
    //        baseline (20 + 40) / 2 = 30.
    // exp_b: baseline there has id only: 20; cfg_y: th 30.
    const body = rows(merged.lang).slice(1);
    expect(body).toEqual([
      ['cfg_x_00010', 'exp_a', '60.00', '60.00', '', '', '', ''],
      ['BASELINE_experiments_gemma_00000', 'exp_a', '30.00', '20.00', '40.00', '', '', ''],
      ['cfg_y_00020', 'exp_b', '30.00', '', '', '30.00', '', ''],
      ['BASELINE_experiments_gemma_00000', 'exp_b', '20.00', '20.00', '', '', '', ''],
    ]);
    const partial = rows(merged.missing)
      .slice(1)
      .filter((r) => r[0] === 'cfg_x_00010' && r[2] === 'sea_total');
    expect(partial).toEqual([['cfg_x_00010', 'exp_a', 'sea_total', 'partial', '1/2 missing: vi']]);
  });

  it('lists the cells left empty because their run has no such column', () => {
    // exp_a has no th column (no model of it has th results); its rows are empty there.
    const th = rows(merged.missing)
      .slice(1)
      .filter((r) => r[1] === 'exp_a' && (r[2] ?? '').startsWith('th'));
    expect(th).toEqual(
      ['cfg_x_00010', 'BASELINE_experiments_gemma_00000'].flatMap((model) =>
        ['th', 'th_nlu', 'th_sentiment'].map((column) => [
          model,
          'exp_a',
          column,
          'missing',
          'the run exp_a has no results for this column',
        ]),
      ),
    );
  });

  it('lists every empty cell of the merged value reports', () => {
    const listed = new Set(
      rows(merged.missing)
        .slice(1)
        .map((r) => `${r[0]} ${r[1]} ${r[2]}`),
    );
    for (const report of [merged.lang, merged.competency, merged.task]) {
      const [header = [], ...body] = rows(report);
      for (const row of body) {
        header.forEach((column, i) => {
          if (i < 2 || row[i] !== '') return;
          expect(listed.has(`${row[0]} ${row[1]} ${column}`), `${row[0]} ${row[1]} ${column}`).toBe(
            true,
          );
        });
      }
    }
  });
});

describe('column names that meet (scoring.md section 8)', () => {
  // id's competency x_y and id_x's competency y both give the column id_x_y; so do id's task
  // x_qa and id_x's task qa (id_x_qa); en_bbh's task navigate and the English en_bbh_navigate.
  // They are two nodes each: the English subtask, else the first met, keeps the column.
  const joined = table(
    [
      {
        name: 'cfg_a_00010',
        sea: { 'id.x_y.x_qa': 10, 'id_x.y.qa': 90, 'id_x.y.zz': 70, 'en_bbh.nlu.navigate': 20 },
        lm: { leaderboard_bbh_navigate: { metrics: { 'acc_norm,none': 0.9 }, effective: 250 } },
      },
    ],
    ['id', 'id_x', 'en_bbh'],
  );
  const other = table([{ name: 'cfg_b_00010', sea: { 'id.nlu.sentiment': 50 } }], ['id']);

  it("keeps one column per name, and each node's own value", () => {
    const reports = runReports(joined);
    expect(rows(reports.lang)).toEqual([
      ['model', 'sea_total', 'id', 'id_x', 'en_bbh', 'en', 'total'],
      ['cfg_a_00010', '36.67', '10.00', '80.00', '20.00', '80.00', '58.33'],
    ]);
    expect(rows(reports.competency)[0]?.slice(0, 4)).toEqual([
      'model',
      'id_x_y',
      'en_bbh_nlu',
      'IFEval',
    ]);
    expect(rows(reports.competency)[1]?.slice(0, 3)).toEqual(['cfg_a_00010', '10.00', '20.00']);
    expect(rows(reports.task)).toEqual([
      ['model', 'id_x_qa', 'id_x_zz', 'en_bbh_navigate'],
      ['cfg_a_00010', '10.00', '70.00', '80.00'],
    ]);
  });

  it('lists the problem of a node left without a column under the cell it counts in', () => {
    // id's task nlr (under nlu) loses the column id_nlr to the competency nlr: its failure is
    // in no cell of its own, so it joins its competency's, as a group's problem does.
    const clashed = table(
      [
        {
          name: 'cfg_a_00010',
          sea: { 'id.nlu.nlr': 'failed', 'id.nlu.sentiment': 40, 'id.nlr.causal': 50 },
        },
      ],
      ['id'],
    );
    const missing = rows(runReports(clashed).missing).filter((row) => row[1] === 'id_nlu');
    expect(missing).toEqual([
      ['cfg_a_00010', 'id_nlu', 'partial', '1/2 missing: id_nlr'],
      ['cfg_a_00010', 'id_nlu', 'failed', 'id_nlr: failed in the test'],
    ]);
  });

  it('gives the merged reports one column per name, placed by the node that keeps it', () => {
    const merged = mergedReports(
      [
        { run: 'exp_a', table: joined },
        { run: 'exp_b', table: other },
      ],
      ['id', 'id_x', 'en_bbh'],
    );
    expect(rows(merged.competency)[0]?.slice(0, 6)).toEqual([
      'model',
      'run',
      'id_nlu',
      'id_x_y',
      'en_bbh_nlu',
      'IFEval',
    ]);
    expect(rows(merged.task)[0]).toEqual([
      'model',
      'run',
      'id_sentiment',
      'id_x_qa',
      'id_x_zz',
      'en_bbh_navigate',
    ]);
  });
});
