/**
 * Scores (scoring.md sections 2-4), every expected value worked out by hand from the rules:
 * unweighted means of present children, coverage against the union of the table's rows, partial
 * propagation, `total`, SEA-HELM groups, twins and the linguistic-diagnostics rule with pooled
 * pragmatics, and the six Open LLM Leaderboard v2 columns.
 */
import { describe, expect, it } from 'vitest';
import { checkUpstreamTotals } from '../../src/lib/score/upstream-check.ts';
import { defaultSeaLanguages } from '../../src/lib/score/languages.ts';
import type { SeaFile } from '../../src/lib/parse/types.ts';
import { cell, fullEnglish, seaEntries, table, values } from './table-builders.ts';

describe('SEA-HELM: tasks, groups, competencies, languages', () => {
  const t = table([
    {
      name: 'm',
      sea: {
        'id.nlu.sentiment': 60,
        'id.nlu.qa': 0, // a clipped zero is a score
        'id.nlg.translation-en-xx': 80,
        'id.nlg.translation-xx-en': 60,
        'id.nlg.abssum': 20,
        'id.nlr.causal': 40,
      },
    },
  ]);

  it('averages a competency over its tasks, a clipped 0 included', () => {
    // id_nlu = (60 + 0) / 2 = 30
    expect(cell(t, 'm', 'id_nlu')).toMatchObject({ value: 30, status: 'ok', coverage: [2, 2] });
  });

  it('averages an aggregation group first, the group counting as one child', () => {
    // translations = (80 + 60) / 2 = 70; id_nlg = (abssum 20 + translations 70) / 2 = 45
    // (not (80 + 60 + 20) / 3 = 53.33)
    expect(cell(t, 'm', 'id_nlg')).toMatchObject({ value: 45, status: 'ok', coverage: [2, 2] });
  });

  it('averages a language over its competencies and sea_total over languages', () => {
    // id = (30 + 45 + 40) / 3 = 115 / 3 = 38.333...
    expect(cell(t, 'm', 'id').value).toBeCloseTo(38.3333333, 6);
    expect(cell(t, 'm', 'sea_total').value).toBeCloseTo(38.3333333, 6);
  });

  it('reports task values as they are, and no group column', () => {
    const v = values(t, 'm');
    expect(v['id_sentiment']).toBe(60);
    expect(v['id_qa']).toBe(0);
    expect(v['id_translation-en-xx']).toBe(80);
    expect(Object.keys(v)).not.toContain('id_translations');
  });

  it('leaves en and total missing without lm-eval results, and says why', () => {
    expect(cell(t, 'm', 'en')).toMatchObject({ value: null, status: 'missing' });
    expect(cell(t, 'm', 'total')).toMatchObject({ value: null, status: 'missing' });
    for (const column of ['en', 'BBH', 'IFEval']) {
      expect(cell(t, 'm', column).detail).toBe('no lm-eval results for this model');
    }
    expect(cell(t, 'm', 'total').detail).toBe('1/2 missing: en');
  });

  it('says a SEA aggregate is empty because the model has no SEA-HELM results', () => {
    const english = table([
      { name: 'a', sea: { 'id.nlu.sentiment': 60, 'id.nlg.translation-en-xx': 70 } },
      { name: 'b', lm: fullEnglish() },
    ]);
    for (const column of ['sea_total', 'id', 'id_nlu', 'id_sentiment', 'id_nlg']) {
      expect(cell(english, 'b', column).detail).toBe('no SEA-HELM results for this model');
    }
    // Said once: not again for the translations group inside nlg.
    expect(cell(english, 'b', 'id_nlg').inner).toBeUndefined();
  });
});

describe('SEA-HELM: groups of the other competencies (result-formats.md section 1.6)', () => {
  it('averages the mathvista_mini_* tasks into one mathvista value first', () => {
    const t = table([
      {
        name: 'm',
        sea: {
          'id.vision.mathvista_mini_a': 10,
          'id.vision.mathvista_mini_b': 30,
          'id.vision.cvqa': 50,
        },
      },
    ]);
    // mathvista = (10 + 30) / 2 = 20; id_vision = (20 + 50) / 2 = 35 (not 90 / 3 = 30)
    expect(cell(t, 'm', 'id_vision')).toMatchObject({ value: 35, status: 'ok', coverage: [2, 2] });
  });
});

describe('SEA-HELM: -logprobs twins', () => {
  const t = table([
    {
      name: 'm',
      sea: {
        'id.nlu.sentiment': 60,
        'id.nlu.sentiment-logprobs': 40,
        'id.nlg.abssum': 20,
        'id.nlg.translation-en-xx': 80,
        'id.nlg.translation-xx-en': 60,
        'id.nlg.translation-en-xx-logprobs': 10,
        'id.nlg.translation-xx-en-logprobs': 30,
      },
    },
  ]);

  it('counts a twin as a task of its own, with its own column', () => {
    // id_nlu = (60 + 40) / 2 = 50
    expect(cell(t, 'm', 'id_nlu').value).toBe(50);
    expect(cell(t, 'm', 'id_sentiment-logprobs').value).toBe(40);
  });

  it('groups twins of grouped tasks into their own <group>-logprobs group', () => {
    // translations = (80 + 60) / 2 = 70; translations-logprobs = (10 + 30) / 2 = 20
    // id_nlg = (abssum 20 + 70 + 20) / 3 = 110 / 3 = 36.666...
    expect(cell(t, 'm', 'id_nlg').value).toBeCloseTo(36.6666667, 6);
    expect(cell(t, 'm', 'id_nlg').coverage).toEqual([3, 3]);
  });
});

describe('SEA-HELM: linguistic-diagnostics and pragmatics', () => {
  const LD = 'id.linguistic-diagnostics';
  const single = { counts: { scalar_implicatures: [54, 100], presuppositions: [30, 40] } } as const;
  const pair = { counts: { scalar_implicatures: [20, 50], presuppositions: [45, 60] } } as const;
  const full = table([
    {
      name: 'm',
      sea: {
        [`${LD}.mp-r`]: 40,
        [`${LD}.mp-r-logprobs`]: 30,
        [`${LD}.syntax-criteria`]: 90,
        [`${LD}.pragmatic-single`]: single,
        [`${LD}.pragmatic-pair`]: pair,
        [`${LD}.pragmatic-single-logprobs`]: {
          phenomena: { scalar_implicatures: 60, presuppositions: 70 },
        },
        [`${LD}.pragmatic-pair-logprobs`]: {
          phenomena: { scalar_implicatures: 50, presuppositions: 90 },
        },
      },
    },
  ]);

  it('pools the pragmatic counts per phenomenon before averaging', () => {
    // scalar_implicatures: (54 + 20) / (100 + 50) = 74 / 150 = 37/75
    // presuppositions:     (30 + 45) / (40 + 60)  = 75 / 100 = 3/4
    // mean accuracy = (37/75 + 3/4) / 2 = 373/600 = 0.62166...
    // normalized = max((373/600 - 0.5) / 0.5, 0) * 100 = 73/300 * 100 = 73/3 = 24.333...
    // (Averaging per task instead would give 22: single (0.54+0.75)/2, pair (0.4+0.75)/2.)
    expect(cell(full, 'm', 'id_pragmatics').value).toBeCloseTo(24.3333333, 6);
    expect(cell(full, 'm', 'id_pragmatics').status).toBe('ok');
  });

  it('averages pragmatics-logprobs per phenomenon over the two tasks, then over phenomena', () => {
    // scalar: (60 + 50) / 2 = 55; presuppositions: (70 + 90) / 2 = 80; mean = 67.5
    expect(cell(full, 'm', 'id_pragmatics-logprobs').value).toBeCloseTo(67.5, 9);
  });

  it('scores linguistic-diagnostics as the mean of mp-r, mp-r-logprobs, pragmatics, pragmatics-logprobs', () => {
    // (40 + 30 + 73/3 + 67.5) / 4 = 971/24 = 40.4583...; syntax-criteria (90) is not counted.
    expect(cell(full, 'm', 'id_linguistic-diagnostics').value).toBeCloseTo(40.4583333, 6);
    expect(cell(full, 'm', 'id_linguistic-diagnostics').status).toBe('ok');
  });

  it('shows syntax-criteria and the pooled columns in the task report, not the raw pragmatic tasks', () => {
    const columns = full.columns.task;
    expect(columns).toEqual(
      expect.arrayContaining([
        'id_mp-r',
        'id_mp-r-logprobs',
        'id_pragmatics',
        'id_pragmatics-logprobs',
        'id_syntax-criteria',
      ]),
    );
    expect(columns).not.toContain('id_pragmatic-single');
    expect(columns).not.toContain('id_pragmatic-pair');
    expect(columns).not.toContain('id_pragmatic-single-logprobs');
    expect(cell(full, 'm', 'id_syntax-criteria').value).toBe(90);
  });

  it('orders the linguistic-diagnostics task columns by name, pooled columns among them', () => {
    const ld = full.columns.task.filter((c) => /^id_(mp-r|pragmatics|syntax)/.test(c));
    expect(ld).toEqual([
      'id_mp-r',
      'id_mp-r-logprobs',
      'id_pragmatics',
      'id_pragmatics-logprobs',
      'id_syntax-criteria',
    ]);
  });

  it('leaves a linguistic-diagnostics holding only syntax-criteria missing: no task counts towards it', () => {
    const t = table([
      { name: 'm', sea: { 'id.nlu.sentiment': 60, [`${LD}.syntax-criteria`]: 90 } },
    ]);
    expect(cell(t, 'm', 'id_linguistic-diagnostics')).toMatchObject({
      value: null,
      status: 'missing',
      detail: '0/0: no task counts towards it',
    });
    expect(cell(t, 'm', 'id_syntax-criteria').value).toBe(90);
  });

  it('keeps a task merely named like a pooled column a plain task', () => {
    const t = table([
      {
        name: 'm',
        sea: {
          'id.nlu.sentiment': 80,
          'id.nlu.cultural_pragmatics': 40,
          'id.nlu.x_pragmatics-logprobs': 30,
        },
      },
    ]);
    expect(cell(t, 'm', 'id_cultural_pragmatics').value).toBe(40);
    expect(cell(t, 'm', 'id_x_pragmatics-logprobs').value).toBe(30);
    expect(cell(t, 'm', 'id_nlu').value).toBe(50);
    expect(cell(t, 'm', 'id_nlu').status).toBe('ok');
  });

  it('computes pragmatics from the remaining task when one failed, partial 1/2', () => {
    const t = table([
      {
        name: 'm',
        sea: {
          [`${LD}.mp-r`]: 40,
          [`${LD}.pragmatic-single`]: single,
          [`${LD}.pragmatic-pair`]: 'failed',
        },
      },
    ]);
    // single only: scalar 54/100 = 0.54, presuppositions 30/40 = 0.75; mean 0.645
    // normalized = (0.645 - 0.5) / 0.5 * 100 = 29
    expect(cell(t, 'm', 'id_pragmatics')).toMatchObject({ status: 'partial', coverage: [1, 2] });
    expect(cell(t, 'm', 'id_pragmatics').value).toBeCloseTo(29, 9);
    // linguistic-diagnostics = (40 + 29) / 2 = 34.5, partial because pragmatics is partial
    expect(cell(t, 'm', 'id_linguistic-diagnostics').value).toBeCloseTo(34.5, 9);
    expect(cell(t, 'm', 'id_linguistic-diagnostics').status).toBe('partial');
  });

  it('expects both pragmatic tasks even when no row of the table has the other one', () => {
    // A file written mid-run holds one task of each pair; no other row holds the rest.
    const t = table([
      {
        name: 'm',
        sea: {
          [`${LD}.mp-r`]: 40,
          [`${LD}.pragmatic-single`]: single,
          [`${LD}.pragmatic-single-logprobs`]: {
            phenomena: { scalar_implicatures: 60, presuppositions: 70 },
          },
        },
      },
    ]);
    // pragmatics from single alone = 29 (as above); pragmatics-logprobs = (60 + 70) / 2 = 65
    expect(cell(t, 'm', 'id_pragmatics')).toMatchObject({
      status: 'partial',
      coverage: [1, 2],
      detail: '1/2 missing: id_pragmatic-pair',
    });
    expect(cell(t, 'm', 'id_pragmatics').value).toBeCloseTo(29, 9);
    expect(cell(t, 'm', 'id_pragmatics-logprobs')).toMatchObject({
      value: 65,
      status: 'partial',
      coverage: [1, 2],
      detail: '1/2 missing: id_pragmatic-pair-logprobs',
    });
    // linguistic-diagnostics = (40 + 29 + 65) / 3, partial through its pooled columns
    expect(cell(t, 'm', 'id_linguistic-diagnostics').value).toBeCloseTo(134 / 3, 9);
    expect(cell(t, 'm', 'id_linguistic-diagnostics').status).toBe('partial');
    expect(cell(t, 'm', 'sea_total').status).toBe('partial');
  });

  it('clips pragmatics at 0 below the 0.5 baseline', () => {
    const t = table([
      {
        name: 'm',
        sea: {
          [`${LD}.pragmatic-single`]: { counts: { a: [10, 40], b: [20, 40] } },
        },
      },
    ]);
    // mean accuracy (0.25 + 0.5) / 2 = 0.375 < 0.5 -> 0
    expect(cell(t, 'm', 'id_pragmatics').value).toBe(0);
  });

  it('leaves pragmatics empty when both pragmatic tasks failed', () => {
    const t = table([
      {
        name: 'm',
        sea: {
          [`${LD}.mp-r`]: 40,
          [`${LD}.pragmatic-single`]: 'failed',
          [`${LD}.pragmatic-pair`]: 'failed',
        },
      },
    ]);
    expect(cell(t, 'm', 'id_pragmatics').value).toBeNull();
    // linguistic-diagnostics = mp-r only = 40, partial (1/2)
    expect(cell(t, 'm', 'id_linguistic-diagnostics')).toMatchObject({
      value: 40,
      status: 'partial',
      coverage: [1, 2],
    });
  });
});

describe('Section 2: coverage and partial propagation over the rows of a table', () => {
  const t = table([
    { name: 'full', sea: { 'id.nlu.sentiment': 60, 'id.nlr.causal': 40, 'vi.nlu.sentiment': 50 } },
    { name: 'thin', sea: { 'id.nlu.sentiment': 80 } },
  ]);

  it('leaves a complete row ok', () => {
    // id = (60 + 40) / 2 = 50; vi = 50; sea_total = (50 + 50) / 2 = 50
    expect(cell(t, 'full', 'id')).toMatchObject({ value: 50, status: 'ok', coverage: [2, 2] });
    expect(cell(t, 'full', 'sea_total')).toMatchObject({ value: 50, status: 'ok' });
  });

  it('expects the union of the rows’ children and marks a row without one partial', () => {
    // thin: id expects nlu and nlr (from `full`); nlr absent -> id = 80, coverage 1/2
    expect(cell(t, 'thin', 'id_nlr')).toMatchObject({ value: null, status: 'missing' });
    expect(cell(t, 'thin', 'id')).toMatchObject({ value: 80, status: 'partial', coverage: [1, 2] });
    expect(cell(t, 'thin', 'id').detail).toBe('1/2 missing: id_nlr');
  });

  it('propagates partial upwards and counts a partial child as present', () => {
    // sea_total expects id and vi; vi is absent, id partial -> 80 (from id only), coverage 1/2
    const seaTotal = cell(t, 'thin', 'sea_total');
    expect(seaTotal).toMatchObject({ value: 80, status: 'partial', coverage: [1, 2] });
    expect(seaTotal.detail).toContain('vi');
    expect(seaTotal.detail).toContain('id');
  });

  it('marks a parent of a partial child partial even when nothing is absent at its level', () => {
    const t2 = table([
      { name: 'a', sea: { 'id.nlu.sentiment': 60, 'id.nlu.qa': 20 } },
      { name: 'b', sea: { 'id.nlu.sentiment': 70 } },
    ]);
    // b: id_nlu = 70 partial (1/2); id has one competency, present but partial -> partial 1/1
    expect(cell(t2, 'b', 'id_nlu')).toMatchObject({ value: 70, status: 'partial' });
    expect(cell(t2, 'b', 'id')).toMatchObject({ value: 70, status: 'partial', coverage: [1, 1] });
    expect(cell(t2, 'b', 'sea_total').status).toBe('partial');
  });

  it('counts baseline rows in the union', () => {
    const t2 = table([
      { name: 'run', sea: { 'id.nlu.sentiment': 60 } },
      {
        name: 'base',
        baseline: 'BASELINE_experiments_b',
        sea: { 'id.nlu.sentiment': 10, 'vi.nlu.sentiment': 30 },
      },
    ]);
    expect(cell(t2, 'run', 'sea_total')).toMatchObject({
      value: 60,
      status: 'partial',
      coverage: [1, 2],
    });
    // base: sea_total = (10 + 30) / 2 = 20
    expect(cell(t2, 'base', 'sea_total')).toMatchObject({ value: 20, status: 'ok' });
  });

  it('counts a task only under the competency its own row files it under', () => {
    // a files sentiment under nlu, b under cultural: the union expects it under both.
    const t = table([
      { name: 'a', sea: { 'id.nlu.sentiment': 80, 'id.nlu.qa': 60 } },
      { name: 'b', sea: { 'id.cultural.sentiment': 20, 'id.nlu.qa': 50 } },
    ]);
    expect(values(t, 'a')).toMatchObject({
      id_nlu: 70,
      id_cultural: null,
      id: 70,
      id_sentiment: 80,
    });
    expect(cell(t, 'a', 'id').status).toBe('partial');
    expect(values(t, 'b')).toMatchObject({ id_nlu: 50, id_cultural: 20, id: 35, id_sentiment: 20 });
    expect(cell(t, 'b', 'id_nlu').detail).toBe('1/2 missing: id_sentiment');
  });

  it('does not count a task under a competency this row files it nowhere near', () => {
    // b files sentiment under linguistic-diagnostics, where it counts nowhere.
    const t = table([
      { name: 'a', sea: { 'id.nlu.sentiment': 60, 'id.nlu.qa': 50 } },
      {
        name: 'b',
        sea: {
          'id.nlu.qa': 50,
          'id.linguistic-diagnostics.sentiment': 10,
          'id.linguistic-diagnostics.mp-r': 70,
        },
      },
    ]);
    expect(cell(t, 'b', 'id_nlu')).toMatchObject({
      value: 50,
      status: 'partial',
      detail: '1/2 missing: id_sentiment',
    });
    expect(cell(t, 'b', 'id')).toMatchObject({ value: 60, status: 'partial' });
  });

  it('counts pooled pragmatics only under the competency its row files it under', () => {
    const pragmatic = { counts: { p: [10, 10] as const } };
    const t = table([
      {
        name: 'a',
        sea: { 'id.nlu.qa': 50, 'id.linguistic-diagnostics.pragmatic-single': pragmatic },
      },
      { name: 'b', sea: { 'id.nlu.qa': 50, 'id.nlu.pragmatic-single': pragmatic } },
    ]);
    expect(values(t, 'a')).toMatchObject({ id_nlu: 50, 'id_linguistic-diagnostics': 100, id: 75 });
    expect(values(t, 'b')).toMatchObject({ id_nlu: 75, 'id_linguistic-diagnostics': null, id: 75 });
    expect(cell(t, 'a', 'id_nlu').status).toBe('partial');
  });

  it('counts pooled pragmatics under both competencies one row files its two tasks under', () => {
    const pragmatic = { counts: { p: [10, 10] as const } };
    for (const order of ['ld first', 'nlu first']) {
      const ld = {
        'id.linguistic-diagnostics.mp-r': 40,
        'id.linguistic-diagnostics.pragmatic-single': pragmatic,
      };
      const nlu = { 'id.nlu.qa': 50, 'id.nlu.pragmatic-pair': pragmatic };
      const sea = order === 'ld first' ? { ...ld, ...nlu } : { ...nlu, ...ld };
      const t = table([{ name: 'm', sea }]);
      expect(values(t, 'm')).toMatchObject({ id_nlu: 75, 'id_linguistic-diagnostics': 70 });
      expect(cell(t, 'm', 'id_nlu').status).toBe('ok');
    }
  });

  it('leaves an aggregate with no child present missing, never 0', () => {
    const t2 = table([{ name: 'm', sea: { 'id.nlu.sentiment': 'failed', 'id.nlr.causal': 30 } }]);
    expect(cell(t2, 'm', 'id_sentiment')).toMatchObject({ value: null, status: 'failed' });
    expect(cell(t2, 'm', 'id_nlu')).toMatchObject({ value: null, status: 'missing' });
    // id = mean of present competencies only: nlr 30 -> 30, partial 1/2 (not (0 + 30) / 2)
    expect(cell(t2, 'm', 'id')).toMatchObject({ value: 30, status: 'partial', coverage: [1, 2] });
  });

  it('keeps the status of missing and invalid entries', () => {
    const t2 = table([
      {
        name: 'm',
        sea: { 'id.nlu.sentiment': 'invalid', 'id.nlu.qa': 'missing', 'id.nlu.metaphor': 10 },
      },
    ]);
    expect(cell(t2, 'm', 'id_sentiment').status).toBe('invalid');
    expect(cell(t2, 'm', 'id_qa').status).toBe('missing');
    // id_nlu = metaphor only = 10, coverage 1/3
    expect(cell(t2, 'm', 'id_nlu')).toMatchObject({
      value: 10,
      status: 'partial',
      coverage: [1, 3],
    });
  });
});

describe('English: the six Open LLM Leaderboard v2 columns', () => {
  const t = table([{ name: 'm', lm: fullEnglish(), sea: { 'id.nlu.sentiment': 60 } }]);

  it('IFEval = mean of the two strict accuracies x100', () => {
    // (0.6 + 0.7) / 2 * 100 = 65
    expect(cell(t, 'm', 'IFEval').value).toBeCloseTo(65, 9);
    expect(cell(t, 'm', 'en_ifeval_prompt_level_strict_acc').value).toBeCloseTo(60, 9);
    expect(cell(t, 'm', 'en_ifeval_inst_level_strict_acc').value).toBeCloseTo(70, 9);
  });

  it('BBH = unweighted mean of norm(acc_norm, n) over the 24 subtasks', () => {
    // 23 subtasks at 1.0 -> 100 each; navigate (n = 2) 0.75 -> (0.75 - 0.5) / 0.5 * 100 = 50
    // (23 * 100 + 50) / 24 = 2350 / 24 = 97.91666...
    expect(cell(t, 'm', 'BBH').value).toBeCloseTo(97.9166667, 6);
    expect(cell(t, 'm', 'BBH')).toMatchObject({ status: 'ok', coverage: [24, 24] });
    expect(cell(t, 'm', 'en_bbh_navigate').value).toBeCloseTo(50, 9);
  });

  it('MATH Lvl 5 = sample-weighted mean of exact_match x100', () => {
    // algebra 0.5 x 307, the six others 0.2 x (123+132+280+154+193+135 = 1017); total 1324
    // (153.5 + 203.4) / 1324 * 100 = 356.9 / 1324 * 100 = 26.9561...
    // (the unweighted mean would be (50 + 6 * 20) / 7 = 24.29)
    expect(cell(t, 'm', 'MATH Lvl 5').value).toBeCloseTo(26.9561934, 6);
    expect(cell(t, 'm', 'en_math_algebra_hard').value).toBeCloseTo(50, 9);
  });

  it('GPQA = norm(sample-weighted mean of raw acc_norm, 4)', () => {
    // raw = (0.2 x 198 + 0.3 x 546 + 0.32 x 448) / (198 + 546 + 448)
    //     = (39.6 + 163.8 + 143.36) / 1192 = 346.76 / 1192 = 0.2909060...
    // norm = (0.2909060 - 0.25) / 0.75 * 100 = 5.454139
    // (the weighted mean of clipped per-subtask norms would be 6.56: diamond clips to 0)
    expect(cell(t, 'm', 'GPQA').value).toBeCloseTo(5.4541387, 6);
    // en_gpqa_diamond = norm(0.2, 4) = max(0.2 - 0.25, 0) / 0.75 * 100 = 0
    expect(cell(t, 'm', 'en_gpqa_diamond').value).toBe(0);
    // en_gpqa_main = (0.32 - 0.25) / 0.75 * 100 = 9.333...
    expect(cell(t, 'm', 'en_gpqa_main').value).toBeCloseTo(9.3333333, 6);
  });

  it('MUSR = unweighted mean of norm(acc_norm, n), n = 2, 5, 3', () => {
    // murder_mysteries (0.6 - 1/2) / (1/2) = 20; object_placements (0.4 - 1/5) / (4/5) = 25;
    // team_allocation (0.5 - 1/3) / (2/3) = 25; mean = 70 / 3 = 23.333...
    expect(cell(t, 'm', 'MUSR').value).toBeCloseTo(23.3333333, 6);
    expect(cell(t, 'm', 'en_musr_object_placements').value).toBeCloseTo(25, 9);
  });

  it('MMLU-PRO = norm(acc, 10)', () => {
    // (0.46 - 0.1) / 0.9 * 100 = 40
    expect(cell(t, 'm', 'MMLU-PRO').value).toBeCloseTo(40, 9);
    expect(cell(t, 'm', 'en_mmlu_pro').value).toBeCloseTo(40, 9);
  });

  it('en = mean of the six columns; total = (sea_total + en) / 2', () => {
    // (65 + 97.916667 + 26.956193 + 5.454139 + 23.333333 + 40) / 6 = 258.660332 / 6 = 43.110055
    expect(cell(t, 'm', 'en').value).toBeCloseTo(43.1100553, 6);
    expect(cell(t, 'm', 'en').status).toBe('ok');
    // sea_total = 60; total = (60 + 43.110055) / 2 = 51.555028
    expect(cell(t, 'm', 'total').value).toBeCloseTo(51.5550277, 6);
    expect(cell(t, 'm', 'total').status).toBe('ok');
  });
});

describe('English: partial and unusable inputs', () => {
  it('BBH ignores sample counts and clips below chance', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_bbh_navigate: { metrics: { 'acc_norm,none': 0.75 }, effective: 250 },
          leaderboard_bbh_geometric_shapes: { metrics: { 'acc_norm,none': 0.5 }, effective: 10 },
          leaderboard_bbh_object_counting: { metrics: { 'acc_norm,none': 0.05 }, effective: 250 },
        },
      },
    ]);
    // navigate (n=2): 50; geometric_shapes (n=11): (0.5 - 1/11) / (10/11) * 100 = 45;
    // object_counting (n=19): 0.05 < 1/19 -> 0. Mean (50 + 45 + 0) / 3 = 31.666...
    expect(cell(t, 'm', 'BBH').value).toBeCloseTo(31.6666667, 6);
    expect(cell(t, 'm', 'BBH')).toMatchObject({ status: 'partial', coverage: [3, 24] });
  });

  it('MATH weighs a subtask without a sample count as 1', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_math_algebra_hard: { metrics: { 'exact_match,none': 0.5 }, effective: null },
          leaderboard_math_geometry_hard: { metrics: { 'exact_match,none': 0.2 }, effective: null },
        },
      },
    ]);
    // weights 1 and 1: (0.5 + 0.2) / 2 * 100 = 35, partial 2/7
    expect(cell(t, 'm', 'MATH Lvl 5').value).toBeCloseTo(35, 9);
    expect(cell(t, 'm', 'MATH Lvl 5').coverage).toEqual([2, 7]);
  });

  it('MATH with two subtasks uses their sample weights', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_math_algebra_hard: { metrics: { 'exact_match,none': 0.5 }, effective: 307 },
          leaderboard_math_geometry_hard: { metrics: { 'exact_match,none': 0.2 }, effective: 132 },
        },
      },
    ]);
    // (0.5 x 307 + 0.2 x 132) / 439 * 100 = (153.5 + 26.4) / 439 * 100 = 40.9795
    expect(cell(t, 'm', 'MATH Lvl 5').value).toBeCloseTo(40.9794989, 6);
  });

  it('IFEval with one value is that value, partial', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_ifeval: {
            // Real files carry the loose accuracies too: they do not make the task modified.
            metrics: {
              'prompt_level_strict_acc,none': 0.6,
              'prompt_level_loose_acc,none': 0.65,
              'inst_level_loose_acc,none': 0.7,
            },
          },
        },
      },
    ]);
    expect(cell(t, 'm', 'IFEval')).toMatchObject({ status: 'partial', coverage: [1, 2] });
    expect(cell(t, 'm', 'IFEval').value).toBeCloseTo(60, 9);
    expect(cell(t, 'm', 'en_ifeval_inst_level_strict_acc')).toMatchObject({
      value: null,
      status: 'missing',
      detail: "no 'inst_level_strict_acc,none' key",
    });
  });

  it('IFEval with one value not a number: that cell invalid, IFEval the other value', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_ifeval: {
            metrics: { 'inst_level_strict_acc,none': 0.7 },
            invalid: { 'prompt_level_strict_acc,none': 'the string "N/A"' },
          },
        },
      },
    ]);
    expect(cell(t, 'm', 'en_ifeval_prompt_level_strict_acc').status).toBe('invalid');
    expect(cell(t, 'm', 'IFEval').value).toBeCloseTo(70, 9);
    expect(cell(t, 'm', 'IFEval').status).toBe('partial');
  });

  it("reads <metric>,none only: not another filter, nor MATH 3.0's exact_match_original", () => {
    // result-formats.md 2.3 and 2.5: filters follow the comma; leaderboard_math_* version 3.0
    // writes exact_match_original beside exact_match, and IFEval its loose accuracies.
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_bbh_navigate: {
            metrics: { 'acc_norm,custom-extract': 0.9, 'acc_norm,none': 0.6 },
          },
          leaderboard_math_algebra_hard: {
            metrics: {
              'exact_match_original,none': 0.1,
              'exact_match,flexible-extract': 0.4,
              'exact_match,none': 0.2,
            },
            effective: 307,
          },
          leaderboard_ifeval: {
            metrics: {
              'prompt_level_loose_acc,none': 0.9,
              'inst_level_loose_acc,none': 0.95,
              'prompt_level_strict_acc,none': 0.5,
              'inst_level_strict_acc,none': 0.6,
            },
          },
        },
      },
    ]);
    // navigate (n = 2): (0.6 - 0.5) / 0.5 * 100 = 20; algebra 0.2 * 100 = 20
    expect(cell(t, 'm', 'en_bbh_navigate').value).toBeCloseTo(20, 9);
    expect(cell(t, 'm', 'en_math_algebra_hard').value).toBeCloseTo(20, 9);
    // IFEval = (0.5 + 0.6) / 2 * 100 = 55
    expect(cell(t, 'm', 'IFEval').value).toBeCloseTo(55, 9);
  });

  it('treats a modified generative task as missing, not normalized', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_bbh_navigate: {
            metrics: { 'exact_match,get-answer': 0.9 },
            outputType: 'generate_until',
          },
          leaderboard_bbh_snarks: { metrics: { 'acc_norm,none': 0.75 } },
        },
      },
    ]);
    expect(cell(t, 'm', 'en_bbh_navigate')).toMatchObject({ value: null, status: 'missing' });
    expect(cell(t, 'm', 'en_bbh_navigate').detail).toContain('exact_match');
    // BBH = snarks only: (0.75 - 0.5) / 0.5 * 100 = 50, partial 1/24
    expect(cell(t, 'm', 'BBH')).toMatchObject({ status: 'partial', coverage: [1, 24] });
    expect(cell(t, 'm', 'BBH').value).toBeCloseTo(50, 9);
  });

  it('en always expects six columns', () => {
    const t = table([
      { name: 'm', lm: { leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.46 } } } },
    ]);
    // en = MMLU-PRO only = 40, coverage 1/6
    expect(cell(t, 'm', 'en')).toMatchObject({ status: 'partial', coverage: [1, 6] });
    expect(cell(t, 'm', 'en').value).toBeCloseTo(40, 9);
    expect(cell(t, 'm', 'en').detail).toContain('1/6');
    expect(cell(t, 'm', 'en').detail).toContain('BBH');
  });

  it('marks a row of a --limit run as limited', () => {
    const t = table([
      {
        name: 'm',
        lm: {
          leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.25 }, effective: 4, original: 12032 },
        },
      },
      {
        name: 'n',
        lm: { leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.25 }, effective: 12032 } },
      },
    ]);
    expect(t.rows.find((r) => r.model === 'm')?.limited).toBe(true);
    expect(t.rows.find((r) => r.model === 'n')?.limited).toBe(false);
  });
});

describe('total', () => {
  it('is missing when sea_total is missing', () => {
    const t = table([{ name: 'm', lm: fullEnglish() }]);
    expect(cell(t, 'm', 'en').status).toBe('ok');
    expect(cell(t, 'm', 'total')).toMatchObject({ value: null, status: 'missing' });
  });

  it('is missing when en is missing', () => {
    const t = table([{ name: 'm', sea: { 'id.nlu.sentiment': 60 } }]);
    expect(cell(t, 'm', 'total')).toMatchObject({ value: null, status: 'missing' });
  });

  it('is partial when en is partial', () => {
    const t = table([
      {
        name: 'm',
        sea: { 'id.nlu.sentiment': 60 },
        lm: { leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.46 } } },
      },
    ]);
    // (60 + 40) / 2 = 50, partial because en is 1/6
    expect(cell(t, 'm', 'total').value).toBeCloseTo(50, 9);
    expect(cell(t, 'm', 'total').status).toBe('partial');
  });

  it('is partial when sea_total is partial', () => {
    const t = table([
      { name: 'a', sea: { 'id.nlu.sentiment': 60, 'vi.nlu.sentiment': 40 }, lm: fullEnglish() },
      { name: 'b', sea: { 'id.nlu.sentiment': 60 }, lm: fullEnglish() },
    ]);
    expect(cell(t, 'a', 'total').status).toBe('ok');
    // b: sea_total 60 (1/2); total = (60 + 43.110055) / 2 = 51.555028, partial
    expect(cell(t, 'b', 'total').value).toBeCloseTo(51.5550277, 6);
    expect(cell(t, 'b', 'total').status).toBe('partial');
  });
});

describe('languages (scoring.md section 3)', () => {
  it('orders the default SEA languages id, vi, th, ta, tl, ms, my, jv, su, km, lo, then others', () => {
    expect(
      defaultSeaLanguages(['xx', 'km', 'th', 'en', 'zh', 'zh_t', 'zh-s', 'zh-t', 'aa', 'id']),
    ).toEqual(['id', 'th', 'km', 'aa', 'xx']);
  });

  it('leaves English and Chinese out of the default SEA languages whatever their case (EN, ZH_T)', () => {
    expect(defaultSeaLanguages(['EN', 'id', 'Zh', 'ZH_T', 'zh-S', 'En'])).toEqual(['id']);
  });

  it('keeps the tasks of a language whose code starts like another one (zh, zh_t) apart', () => {
    const t = table(
      [{ name: 'm', sea: { 'zh.nlu.qa': 60, 'zh_t.nlu.qa': 20, 'zh_t.nlr.causal': 40 } }],
      ['zh', 'zh_t'],
    );
    expect(t.columns.task).toEqual(['zh_qa', 'zh_t_qa', 'zh_t_causal']);
    expect(t.columns.origin.get('zh_t_qa')).toEqual({ lang: 'zh_t', competency: 'nlu' });
  });
});

describe('upstream totals are compared, never used', () => {
  const FILE = 'runs/exp/cfg/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
  const content = (
    upstream: SeaFile['upstream'],
    sea: Parameters<typeof seaEntries>[0],
  ): SeaFile => ({
    format: 'seahelm',
    entries: seaEntries(sea),
    upstream,
  });
  const SEA = {
    'id.nlu.sentiment': 60,
    'id.nlu.qa': 40,
    'id.nlg.translation-en-xx': 80,
    'id.nlg.translation-xx-en': 60,
    'id.nlr.causal': 'failed' as const,
    'id.nlr.nli': 30,
  };

  it('warns when a complete node differs by more than 0.01', () => {
    // nlu recomputed (60 + 40) / 2 = 50; the file says 52 -> warning.
    const d = checkUpstreamTotals(
      content([{ path: ['id', 'nlu'], value: 52 }], SEA),
      FILE,
      new Set(['id']),
      {},
    );
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'total-mismatch', file: FILE });
  });

  it('counts a task under two competencies once, as the reports do', () => {
    // sentiment is under nlu (60) and, failed, under cultural: as in merging, the usable nlu
    // entry is the task, so nlu is complete (60) and its upstream 55 is compared.
    const d = checkUpstreamTotals(
      {
        format: 'seahelm',
        entries: [
          ...seaEntries({ 'id.nlu.sentiment': 60 }),
          ...seaEntries({ 'id.cultural.sentiment': 'failed' }),
        ],
        upstream: [{ path: ['id', 'nlu'], value: 55 }],
      },
      FILE,
      new Set(['id']),
      {},
    );
    expect(d.map((x) => [x.keyPath, x.message])).toEqual([
      [
        'id.nlu.total',
        'the file says 55, recomputed from its tasks 60; the recomputed value is used',
      ],
    ]);
  });

  it('does not compare the competency (and language) whose entry of a duplicated task lost', () => {
    // The file computed nlu (55) and id (62.5) with both sentiment entries; ours keeps only the
    // later one (cultural), so those two numbers are not comparable. cultural is (70).
    const d = checkUpstreamTotals(
      {
        format: 'seahelm',
        entries: [
          ...seaEntries({ 'id.nlu.sentiment': 60, 'id.nlu.qa': 50 }),
          ...seaEntries({ 'id.cultural.sentiment': 70 }),
        ],
        upstream: [
          { path: ['id', 'nlu'], value: 55 },
          { path: ['id', 'cultural'], value: 70 },
          { path: ['id'], value: 62.5 },
        ],
      },
      FILE,
      new Set(['id']),
      {},
    );
    expect(d).toEqual([]);
  });

  it('stays quiet within 0.01', () => {
    // translations recomputed (80 + 60) / 2 = 70; 70.005 is within 0.01.
    const d = checkUpstreamTotals(
      content(
        [
          { path: ['id', 'nlg', 'translations'], value: 70.005 },
          { path: ['id', 'nlu'], value: 50 },
        ],
        SEA,
      ),
      FILE,
      new Set(['id']),
      {},
    );
    expect(d).toEqual([]);
  });

  it('does not compare a node with a failed or missing task', () => {
    // nlr has a failed causal (upstream counts it as 0: (0 + 30) / 2 = 15): not compared.
    // id is incomplete too (nlr fails), so its total is not compared either.
    const d = checkUpstreamTotals(
      content(
        [
          { path: ['id', 'nlr'], value: 15 },
          { path: ['id'], value: 1 },
        ],
        SEA,
      ),
      FILE,
      new Set(['id']),
      {},
    );
    expect(d).toEqual([]);
  });

  it('does not let the upstream value enter the scores', () => {
    const t = table([{ name: 'm', sea: { 'id.nlu.sentiment': 60, 'id.nlu.qa': 40 } }]);
    expect(cell(t, 'm', 'id_nlu').value).toBe(50);
  });
});
