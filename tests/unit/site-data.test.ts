/** The data the site's pages are built from (src/lib/site), from a small real pipeline run. */

import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/lib/site/embed.ts';
import { formatDelta, formatScore, plural } from '../../src/lib/site/format.ts';
import { langColumnName, languageName } from '../../src/lib/site/names.ts';
import { indexNoModelsText, noModelsText } from '../../src/lib/site/no-models.ts';
import { bestByColumn, runData, runSummaries, type RowData } from '../../src/lib/site/site-data.ts';
import { SCORING_STEPS } from '../../src/lib/site/scoring-text.ts';
import { slugFor } from '../../src/lib/site/slug.ts';
import { makeTree, realFile, runOn } from '../helpers/tree.ts';

const CONFIG = [
  'experiments:',
  '  exp:',
  '    path: exp',
  '  baselines:',
  '    base:',
  '      path: base',
  '',
].join('\n');

async function sampleRuns() {
  const root = makeTree({
    'exp/a/ba100/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
      'seahelm',
      'gpt-4.1-nano',
    ),
    'exp/a/ba100/lm-eval/r.json': realFile('lm-eval', '10_'),
    'exp/b/ba100/seahelm/f_seahelm_results_2025-09-02T11:48:31.864984.json': realFile(
      'seahelm',
      'gemini-2.5-pro_seahelm_results_2025-09-02',
    ),
    'base/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
      'seahelm',
      'gpt-4.1-nano',
    ),
  });
  return runData(await runOn(root, CONFIG));
}

describe('runData', () => {
  it('lists every column once with its level, language and display label', async () => {
    const [run] = await sampleRuns();
    const byId = new Map(run?.columns.map((c) => [c.id, c]));
    expect(byId.get('sea_total')).toMatchObject({ level: 'lang', lang: null, label: 'SEA Avg' });
    expect(byId.get('total')).toMatchObject({ level: 'lang', label: 'Aggregate' });
    expect(byId.get('en')).toMatchObject({ level: 'lang', lang: 'en', label: 'English' });
    expect(byId.get('id')).toMatchObject({ level: 'lang', lang: 'id', label: 'Indonesian' });
    expect(byId.get('id_nlu')).toMatchObject({ level: 'competency', lang: 'id', label: 'nlu' });
    expect(byId.get('BBH')).toMatchObject({ level: 'competency', lang: 'en', label: 'BBH' });
    expect(byId.get('id_translation-en-xx')).toMatchObject({
      level: 'task',
      lang: 'id',
      label: 'translation-en-xx',
      competency: 'nlg',
    });
    expect(byId.get('en_bbh_navigate')).toMatchObject({
      level: 'task',
      lang: 'en',
      label: 'bbh_navigate',
    });
    expect(new Set(run?.columns.map((c) => c.id)).size).toBe(run?.columns.length);
  });

  it('keeps values aligned with the columns, statuses and the reasons of gaps', async () => {
    const [run] = await sampleRuns();
    if (run === undefined) throw new Error('no run');
    const at = (id: string) => run.columns.findIndex((c) => c.id === id);
    const [nano, gemini, baseline] = run.rows;
    // steps padded to the largest step's digits (100 -> 3); the baseline has step 0 only (5 digits)
    expect(run.rows.map((r) => r.model)).toEqual([
      'a_100',
      'b_100',
      'BASELINE_experiments_base_00000',
    ]);
    expect(baseline?.baseline).toBe('BASELINE_experiments_base');
    expect(nano?.values[at('id_nlu')]).toBeCloseTo(52.63166764049401, 10);
    expect(nano?.status.length).toBe(run.columns.length);
    expect(gemini?.values[at('en')]).toBeNull();
    expect(gemini?.status[at('en')]).toBe('m');
    expect(gemini?.notes[at('en')]).toBe('no lm-eval results for this model');
    expect(gemini?.status[at('vi_nlg')]).toBe('p');
  });

  it('summarises each run for the index: best model by Aggregate, counts', async () => {
    const summaries = runSummaries(await sampleRuns());
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.models).toBe(2);
    expect(summaries[0]?.best?.model).toBe('a_100');
    // nano's lm-eval file is a --limit 1 run; gemini has no English (Aggregate missing) and a
    // partial SEA Avg: both rows are incomplete.
    expect(summaries[0]?.best?.limited).toBe(true);
    expect(summaries[0]?.best?.partial).toEqual({ seaTotal: null, en: null, total: null });
    expect(summaries[0]?.partialRows).toBe(2);
  });
});

describe('the index line of a run scored on one side only', () => {
  const sea = (score: number) =>
    JSON.stringify({ id: { nlu: { sentiment: { normalized_accuracy: score } } } });
  const lm = (score: number) =>
    JSON.stringify({
      results: { leaderboard_mmlu_pro: { 'acc,none': score } },
      configs: {},
      versions: {},
      config: { model_args: 'pretrained=m', limit: null },
    });

  it('names the best model by SEA Avg (SEA-HELM files alone) or English (lm-eval alone)', async () => {
    const root = makeTree({
      'sea/low/ba1/seahelm/low_seahelm_results_2025-01-01T00:00:00.json': sea(40),
      'sea/high/ba1/seahelm/high_seahelm_results_2025-01-01T00:00:00.json': sea(60),
      'en/low/ba1/lm-eval/m/results_2025-01-01T00-00-00.json': lm(0.3),
      'en/high/ba1/lm-eval/m/results_2025-01-01T00-00-00.json': lm(0.5),
      'both/a/ba1/seahelm/a_seahelm_results_2025-01-01T00:00:00.json': sea(70),
      'both/b/ba1/seahelm/b_seahelm_results_2025-01-01T00:00:00.json': sea(50),
      'both/b/ba1/lm-eval/m/results_2025-01-01T00-00-00.json': lm(0.5),
      // No row has both sides: SEA Avg ranks it, though a row has English.
      'mixed/a/ba1/seahelm/a_seahelm_results_2025-01-01T00:00:00.json': sea(40),
      'mixed/b/ba1/lm-eval/m/results_2025-01-01T00-00-00.json': lm(0.5),
    });
    const yaml =
      'experiments:\n  sea: { path: sea }\n  en: { path: en }\n  both: { path: both }\n  mixed: { path: mixed }\n';
    const summaries = runSummaries(runData(await runOn(root, yaml)));
    const best = summaries.map((s) => [s.key, s.best?.model, s.best?.by, s.best?.seaTotal]);
    expect(best).toEqual([
      ['sea', 'high_1', 'sea_total', 60],
      ['en', 'high_1', 'en', null],
      // One row has an Aggregate: it ranks the run, as ever, over a higher SEA Avg without one.
      ['both', 'b_1', 'total', 50],
      ['mixed', 'a_1', 'sea_total', 40],
    ]);
  });
});

describe('the note of a cell whose inputs have no column', () => {
  it('says what the missing report says of them: a failed or invalid pragmatic task, a missing group', async () => {
    const file = JSON.stringify({
      id: {
        nlg: { abssum: { normalized_rougel_f1: 30 } },
        'linguistic-diagnostics': {
          'mp-r': { normalized_accuracy: 60 },
          'pragmatic-single': { subcategories: { scalar_implicatures: [0, 0] } },
          'pragmatic-pair': { subcategories: { scalar_implicatures: [15, 20] } },
        },
      },
    });
    const other = JSON.stringify({
      id: { nlg: { 'translation-en-xx': { normalized_metricx_wmt24_scores: 40 } } },
    });
    const root = makeTree({
      'exp/a/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': file,
      'exp/b/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': other,
    });
    const [run] = runData(await runOn(root, 'experiments:\n  exp:\n    path: exp\n'));
    if (run === undefined) throw new Error('no run');
    const note = (id: string) => run.rows[0]?.notes[run.columns.findIndex((c) => c.id === id)];
    expect(note('id_pragmatics')).toBe(
      '1/2 missing: id_pragmatic-single; invalid: id_pragmatic-single: invalid counts: ' +
        'scalar_implicatures is [0, 0]: the total is 0 ' +
        '(exp/a/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json: ' +
        'id.linguistic-diagnostics.pragmatic-single)',
    );
    expect(note('id_nlg')).toBe(
      '1/2 missing: id_nlg_translations; missing: id_nlg_translations: 0/1 missing: ' +
        'id_translation-en-xx',
    );
  });
});

describe('a run without models', () => {
  it('says so, and why where the build knows, never blaming the filters', async () => {
    const root = makeTree({
      'empty/notes.txt': 'no results yet',
      'broken/a/ba100/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': '{ not json',
      'ok/a/ba100/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
        'seahelm',
        'gpt-4.1-nano',
      ),
    });
    const config = ['empty', 'gone', 'broken', 'ok']
      .flatMap((key) => [`  ${key}:`, `    path: ${key}`])
      .join('\n');
    const runs = runData(await runOn(root, `experiments:\n${config}\n`));
    const text = (key: string) => {
      const run = runs.find((r) => r.key === key);
      if (run === undefined) throw new Error(`no run ${key}`);
      return noModelsText(run);
    };
    expect(text('empty')).toBe(
      'This run has no models (no result file below empty: it holds no .json file).',
    );
    expect(text('gone')).toBe(
      'This run has no models (path gone does not exist; it has no results).',
    );
    expect(text('broken')).toBe(
      'This run has no models (its one result file was skipped; results.json says why).',
    );
    expect(text('ok')).toBeNull();
    expect(runs.find((r) => r.key === 'ok')?.noModels).toBeUndefined();
    expect(noModelsText({ rows: [] })).toBe('This run has no models.');
  });
});

describe('the index line of a run without a model of its own', () => {
  it('gives the reason the run page gives, baselines aside', async () => {
    const root = makeTree({
      'ok/a/ba100/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
        'seahelm',
        'gpt-4.1-nano',
      ),
      'base/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
        'seahelm',
        'gpt-4.1-nano',
      ),
    });
    const yaml = [
      'experiments:',
      '  ok:',
      '    path: ok',
      '  gone:',
      '    path: gone',
      '  baselines:',
      '    base:',
      '      path: base',
      '      target_experiments: [1]',
      'hero_runs:',
      '  hero:',
      '    path: nothing',
      '',
    ].join('\n');
    const summaries = runSummaries(runData(await runOn(root, yaml)));
    const line = (key: string) => {
      const summary = summaries.find((s) => s.key === key);
      if (summary === undefined) throw new Error(`no run ${key}`);
      return indexNoModelsText(summary);
    };
    expect(summaries.map((s) => s.noModels)).toEqual([
      null,
      'path gone does not exist; it has no results',
      'path nothing does not exist; it has no results',
    ]);
    expect(line('ok')).toBeNull();
    // The baseline's row is merged into it, but the index counts the run's own models: 0.
    expect(line('gone')).toBe('No models (path gone does not exist; it has no results)');
    expect(line('hero')).toBe('No models (path nothing does not exist; it has no results)');
    expect(indexNoModelsText({ models: 0, noModels: null })).toBe('No models');
  });
});

describe('bestByColumn', () => {
  // Columns: 0 sea_total, 1 total.
  const row = (model: string, total: number | null, status: string, limited = false): RowData => ({
    model,
    baseline: null,
    step: 0,
    limited,
    values: [total, total],
    status,
    notes: {},
  });

  it('takes the highest fully scored Aggregate over a higher partial or limited one', () => {
    const rows = [
      row('partial', 60, 'pp'),
      row('limited', 55, 'oo', true),
      row('low', 40, 'oo'),
      row('high', 45, 'oo'),
      row('none', null, 'mm'),
    ];
    expect(bestByColumn(rows, 1)?.model).toBe('high');
  });

  it('falls back to the highest Aggregate of any row when no row is fully scored', () => {
    const rows = [
      row('limited', 55, 'oo', true),
      row('partial', 60, 'pp'),
      row('none', null, 'mm'),
    ];
    expect(bestByColumn(rows, 1)?.model).toBe('partial');
    expect(bestByColumn([row('none', null, 'mm')], 1)).toBeUndefined();
  });

  it('keeps the rows order between equal values', () => {
    expect(bestByColumn([row('first', 50, 'oo'), row('second', 50, 'oo')], 1)?.model).toBe('first');
  });
});

describe('small site helpers', () => {
  it('makes safe, stable, distinct slugs', () => {
    expect(slugFor('exp_datamix', new Set())).toBe('exp_datamix');
    const evil = slugFor('<img src=x onerror=alert(1)>', new Set());
    expect(evil).toMatch(/^img-src-x-onerror-alert-1-[0-9a-z]{7}$/);
    expect(slugFor('<img src=x onerror=alert(1)>', new Set())).toBe(evil);
    expect(slugFor('exp', new Set(['exp']))).not.toBe('exp');
    expect(slugFor('', new Set())).toMatch(/^run-/);
    // Dots at either end are cut, so that no key makes a page at `..` or a hidden folder.
    expect(slugFor('..', new Set())).toMatch(/^run-[0-9a-z]{7}$/);
    expect(slugFor('.hidden', new Set())).toMatch(/^hidden-[0-9a-z]{7}$/);
    // A clean key that is another key's hashed slug, met first, still leaves it a page.
    const hashed = slugFor('x y', new Set());
    // FNV-1a as an unsigned 32-bit number: 7 base-36 digits, never a sign.
    expect(hashed).toBe('x-y-1k9m104');
    expect(slugFor(hashed, new Set())).toBe(hashed);
    expect(slugFor('x y', new Set([hashed]))).toBe(`${hashed}-2`);
    expect(slugFor('x y', new Set([hashed, `${hashed}-2`]))).toBe(`${hashed}-3`);
  });

  it('embeds JSON that cannot close its script element', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script>', s: '\u2028&' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>', s: '\u2028&' });
  });

  it('formats scores with 2 decimals and deltas with a sign and 1 decimal; missing as a dash', () => {
    expect(formatScore(12.345)).toBe('12.35');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(-0.001)).toBe('0.00');
    expect(formatDelta(1.25)).toBe('+1.3');
    expect(formatDelta(-0.04)).toBe('0.0');
    expect(formatDelta(-2)).toBe('-2.0');
    expect(formatDelta(undefined)).toBe('–');
  });

  it('counts in the plural but for one: a run page without models says 0 models', () => {
    expect(plural(0, 'model')).toBe('0 models');
    expect(plural(1, 'model')).toBe('1 model');
    expect(plural(2, 'baseline row')).toBe('2 baseline rows');
  });

  it('names languages from the data, not a fixed list', () => {
    expect(languageName('tl')).toBe('Filipino');
    expect(languageName('jv')).toBe('Javanese');
    expect(languageName('xx')).toBe('XX');
    expect(langColumnName('sea_total')).toBe('SEA Avg');
  });

  it("generates the score-calculation text from the scorer's own benchmark table", () => {
    expect(SCORING_STEPS.some((s) => s.startsWith('MUSR:') && s.includes('n = 2, 5, 3'))).toBe(
      true,
    );
    expect(SCORING_STEPS.some((s) => s.startsWith('GPQA:') && s.includes('n = 4'))).toBe(true);
    expect(SCORING_STEPS.some((s) => s.startsWith('MATH Lvl 5:') && s.includes('× 100'))).toBe(
      true,
    );
    // Every metric a benchmark reads is named, and GPQA normalizes after weighting.
    expect(SCORING_STEPS).toContain(
      'IFEval: the unweighted mean of 2 values (inst_level_strict_acc,none, prompt_level_strict_acc,none), each × 100.',
    );
    expect(SCORING_STEPS).toContain(
      'GPQA: the mean of 3 values (acc_norm,none) weighted by each subtask’s sample count, then normalized with n = 4 answer options.',
    );
  });
});
