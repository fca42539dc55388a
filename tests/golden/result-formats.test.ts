/**
 * Shapes of docs/result-formats.md that no real file (tests/fixtures/real) shows, each in a small
 * hand-made tree, against values worked out by hand from docs/scoring.md: a SEA-HELM file in the
 * 2026 `run_<N>/results/` layout as SEA-HELM's aggregation leaves it, the same file in another key
 * order, and an lm-eval tracker file of harness 0.4.12.
 */

import { describe, expect, it } from 'vitest';
import type { PipelineResult } from '../../src/lib/pipeline.ts';
import { cellOf, makeTree, realFile, runOn, valueOf } from '../helpers/tree.ts';

const ONE_RUN = 'experiments:\n  exp:\n    path: exp\n';

/** What every task entry of the 2026 layout carries besides its metrics (section 1.3). */
const BOOKKEEPING = { inference_time_taken: [1.5], is_cached: [false] };

/**
 * A 2026 file after SEA-HELM's aggregation (section 1.8), its totals and group values as upstream
 * computes them (plus `shift`). The top-level total averages `en` in: 61.71875, not SEA Avg.
 */
function aggregatedFile(shift = 0): Record<string, unknown> {
  const task = (metrics: Record<string, unknown>) => ({ ...metrics, ...BOOKKEEPING });
  return {
    id: {
      nlu: {
        sentiment: task({ accuracy: 73.3, normalized_accuracy: 60, null_count: 0 }),
        qa: task({ exact_match: 30, f1: 40, normalized_f1: 40 }),
        total: 50 + shift,
      },
      nlg: {
        abssum: task({ rougel_f1: 30, normalized_rougel_f1: 30 }),
        'translation-en-xx': task({ metricx_wmt24_scores: 5, normalized_metricx_wmt24_scores: 80 }),
        'translation-xx-en': task({
          metricx_wmt24_scores: 10,
          normalized_metricx_wmt24_scores: 60,
        }),
        translations: 70 + shift,
        total: 50 + shift,
      },
      safety: {
        toxicity: task({ normalized_accuracy: 20 }),
        safeguard_general_prompt: task({ normalized_accuracy: 60 }),
        safeguard_general_response: task({ normalized_accuracy: 40 }),
        safeguard: 50 + shift,
        total: 35 + shift,
      },
      'linguistic-diagnostics': {
        'mp-r': task({ accuracy: 70, subcategories: { npi: 70 }, normalized_accuracy: 40 }),
        'pragmatic-single': task({
          subcategories: { scalar_implicatures: [30, 40], presuppositions: [35.0, 40] },
        }),
        'pragmatic-pair': task({
          subcategories: { scalar_implicatures: [20, 40], presuppositions: [25, 40] },
        }),
        'syntax-criteria': task({ categories: { agreement: 0.9 }, average_criteria_score: 90 }),
        pragmatics: {
          subcategories: {
            scalar_implicatures: { accuracy: 0.625, correct_count: 50, total_count: 80 },
            presuppositions: { accuracy: 0.75, correct_count: 60, total_count: 80 },
          },
          accuracy: 68.75,
          normalized_accuracy: 37.5,
        },
        lindsea: { normalized_score: 38.75, subcategories: {} },
        total: 38.75 + shift,
      },
      total: 43.4375 + shift,
    },
    en: {
      english_instruction_following: {
        ifeval: task({ prompt_level_strict_acc: 0.8, normalized_prompt_level_strict_acc: 80 }),
        total: 80,
      },
      total: 80,
    },
    total: 61.71875 + shift,
  };
}

/** The same object with the keys of every object in reverse order (arrays kept). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversedKeys(inner)]),
  );
}

const MODEL_DIR = 'exp/cfg/ba1/seahelm/m/run_0';
const RESULTS_FILE = `${MODEL_DIR}/results/m_seahelm_results_2026-06-01T10:00:00.123456.json`;

/** The 2026 layout: `results/` beside `configs/`, `logs/` and `inferences/` (section 1.1). */
async function run2026(file: Record<string, unknown>): Promise<PipelineResult> {
  const root = makeTree({
    [RESULTS_FILE]: JSON.stringify(file, null, 2),
    [`${MODEL_DIR}/configs/m_run_config_2026-06-01T10:00:00.123456.yaml`]: 'model: m\n',
    [`${MODEL_DIR}/logs/m_2026-06-01T10:00:00.123456.log`]: 'done\n',
    [`${MODEL_DIR}/inferences/id/sentiment/m_sentiment_id.jsonl`]: '{"id": 0}\n',
  });
  return runOn(root, ONE_RUN);
}

describe('SEA-HELM 2026: a run_<N>/results/ file as SEA-HELM aggregates it', async () => {
  const result = await run2026(aggregatedFile());
  const value = (column: string) => valueOf(result, 'exp', 'cfg_1', column);

  it('reads the results file alone, not its configs, logs or inferences', () => {
    expect(result.files.map((f) => [f.file, f.status])).toEqual([[RESULTS_FILE, 'used']]);
  });

  it('scores it by section 3, its own numbers aside', () => {
    expect(value('id_nlu')).toBe(50);
    // abssum and the translations group (80 + 60) / 2
    expect(value('id_nlg')).toBe(50);
    // toxicity and the safeguard group (60 + 40) / 2
    expect(value('id_safety')).toBe(35);
    // pragmatics: scalar (30 + 20) / 80, presuppositions (35 + 25) / 80; mean 0.6875 -> 37.5
    expect(value('id_pragmatics')).toBe(37.5);
    // mean of mp-r and pragmatics; syntax-criteria is shown, not counted
    expect(value('id_syntax-criteria')).toBe(90);
    expect(value('id_linguistic-diagnostics')).toBe(38.75);
    expect(value('id')).toBe(43.4375);
    expect(value('sea_total')).toBe(43.4375);
  });

  it('agrees with every total and group value the file carries', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('compares each of them with its own, but not the top-level total (en is in it)', async () => {
    const shifted = await run2026(aggregatedFile(0.02));
    expect(valueOf(shifted, 'exp', 'cfg_1', 'id')).toBe(43.4375);
    expect(
      shifted.diagnostics.map((d) => [d.kind, d.keyPath, d.message.replace(/,.*/, '')]),
    ).toEqual([
      ['total-mismatch', 'id.nlu.total', 'the file says 50.02'],
      ['total-mismatch', 'id.nlg.translations', 'the file says 70.02'],
      ['total-mismatch', 'id.nlg.total', 'the file says 50.02'],
      ['total-mismatch', 'id.safety.safeguard', 'the file says 50.02'],
      ['total-mismatch', 'id.safety.total', 'the file says 35.02'],
      ['total-mismatch', 'id.linguistic-diagnostics.total', 'the file says 38.77'],
      ['total-mismatch', 'id.total', 'the file says 43.4575'],
    ]);
  });

  it('gives the same table whatever the key order (evaluation order, section 1.2)', async () => {
    const reordered = await run2026(reversedKeys(aggregatedFile()) as Record<string, unknown>);
    expect(tableOf(reordered)).toEqual(tableOf(result));
    expect(tableOf(result).columns.task).toEqual([
      'id_qa',
      'id_sentiment',
      'id_abssum',
      'id_translation-en-xx',
      'id_translation-xx-en',
      'id_safeguard_general_prompt',
      'id_safeguard_general_response',
      'id_toxicity',
      'id_mp-r',
      'id_pragmatics',
      'id_syntax-criteria',
    ]);
  });
});

/** The run's columns, and each row's values and statuses in column order. */
function tableOf(result: PipelineResult) {
  const table = result.runs[0]?.table;
  if (table === undefined) throw new Error('no run');
  const { lang, competency, task } = table.columns;
  const rows = table.rows.map((row) => ({
    model: row.model,
    cells: [...lang, ...competency, ...task].map((column) => {
      const cell = row.cells.get(column);
      return [column, cell?.value, cell?.status];
    }),
  }));
  return { columns: { lang, competency, task }, rows };
}

describe('lm-eval 0.4.12: a tracker file with every key of that version', async () => {
  const groupEntry = (alias: string, value: number) => ({
    alias,
    sample_count: 250,
    'acc_norm,none': value,
    'acc_norm_stderr,none': 'N/A',
  });
  const subtask = (name: string, entry: Record<string, unknown>) => ({
    alias: `  - ${name}`,
    name,
    sample_len: 250,
    ...entry,
  });
  const file = {
    results: {
      // The parent group pools every benchmark's metrics (section 2.4): never an input.
      leaderboard: { alias: 'leaderboard', 'acc,none': 0.9, 'acc_norm,none': 0.9 },
      leaderboard_bbh: groupEntry(' - leaderboard_bbh', 0.99),
      leaderboard_bbh_navigate: subtask('leaderboard_bbh_navigate', {
        'acc_norm,none': 0.6,
        'acc_norm_stderr,none': 0.031,
      }),
      leaderboard_ifeval: subtask('leaderboard_ifeval', {
        'prompt_level_strict_acc,none': 0.5,
        'prompt_level_strict_acc_stderr,none': 0.02,
        'inst_level_strict_acc,none': 0.6,
        'inst_level_strict_acc_stderr,none': 'N/A',
        'prompt_level_loose_acc,none': 0.9,
        'inst_level_loose_acc,none': 0.95,
      }),
      leaderboard_math_hard: groupEntry(' - leaderboard_math_hard', 0.99),
      leaderboard_math_algebra_hard: subtask('leaderboard_math_algebra_hard', {
        'exact_match,none': 0.2,
        'exact_match_stderr,none': 0.02,
        'exact_match_original,none': 0.1,
        'exact_match_original_stderr,none': 0.015,
      }),
    },
    groups: {
      leaderboard_bbh: groupEntry(' - leaderboard_bbh', 0.99),
      leaderboard_math_hard: groupEntry(' - leaderboard_math_hard', 0.99),
    },
    group_subtasks: {
      leaderboard_bbh: ['leaderboard_bbh_navigate'],
      leaderboard_math_hard: ['leaderboard_math_algebra_hard'],
      leaderboard: ['leaderboard_bbh', 'leaderboard_ifeval', 'leaderboard_math_hard'],
    },
    configs: {
      leaderboard_bbh_navigate: { output_type: 'multiple_choice', metric_list: [] },
      leaderboard_math_algebra_hard: { output_type: 'generate_until', metric_list: [] },
    },
    versions: {
      leaderboard: 1.0,
      leaderboard_bbh: null,
      leaderboard_bbh_navigate: 1.0,
      leaderboard_ifeval: 3.0,
      leaderboard_math_algebra_hard: 3.0,
    },
    'n-shot': { leaderboard_bbh_navigate: 3 },
    higher_is_better: { leaderboard_bbh_navigate: { acc_norm: true } },
    'n-samples': {
      leaderboard_bbh_navigate: { original: 250, effective: 250 },
      leaderboard_ifeval: { original: 541, effective: 541 },
      leaderboard_math_algebra_hard: { original: 307, effective: 307 },
    },
    config: { model: 'hf', model_args: 'pretrained=Org/Model,dtype=bfloat16', limit: null },
    git_hash: '4e7e0d4',
    date: 1763136116.818889,
    lm_eval_version: '0.4.12',
    model_source: 'hf',
    model_name: 'Org/Model',
    model_name_sanitized: 'Org__Model',
    start_time: 81234.5,
    end_time: 81300.25,
    total_evaluation_time_seconds: '65.75',
  };
  // The CLI's layout: <output_path>/<model_name_sanitized>/results_<timestamp>.json (section 2.1).
  const folder = 'exp/cfg/ba1/lm_eval/Org__Model';
  const root = makeTree({
    [`${folder}/results_2025-11-14T16-01-56.818889.json`]: JSON.stringify(file, null, 2),
    [`${folder}/samples_leaderboard_bbh_navigate_2025-11-14T16-01-56.818889.jsonl`]: '{}\n',
  });
  const result = await runOn(root, ONE_RUN);
  const cell = (column: string) => cellOf(result, 'exp', 'cfg_1', column);

  it('reads it without a warning, and not its samples file', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.status)).toEqual(['used']);
  });

  it('scores the subtasks, never the groups, from <metric>,none', () => {
    // navigate (n = 2): (0.6 - 0.5) / 0.5 * 100 = 20, not the group's 0.99
    expect(cell('BBH')).toMatchObject({ status: 'partial', coverage: [1, 24] });
    expect(cell('BBH').value).toBeCloseTo(20, 9);
    // exact_match, not exact_match_original (version 3.0)
    expect(cell('MATH Lvl 5').value).toBeCloseTo(20, 9);
    // strict accuracies: (0.5 + 0.6) / 2 * 100
    expect(cell('IFEval')).toMatchObject({ status: 'ok' });
    expect(cell('IFEval').value).toBeCloseTo(55, 9);
  });

  it('scales standard errors onto the normalized scale; "N/A" gives none', () => {
    expect(cell('en_bbh_navigate').stderr).toBeCloseTo(0.031 * 200, 9);
    expect(cell('en_math_algebra_hard').stderr).toBeCloseTo(2, 9);
    expect(cell('en_ifeval_prompt_level_strict_acc').stderr).toBeCloseTo(2, 9);
    expect(cell('en_ifeval_inst_level_strict_acc').stderr).toBeNull();
  });
});

describe('lm-eval: a wrapper file under its upstream name (section 2.1)', () => {
  it("is found and read under file 10's upstream name, `l...` and all", async () => {
    const name =
      'results_Qwen2.5-7B-Instruct_hf_leaderboard_bbh_boolean_expressions_' +
      'l..._20250401_081149.json';
    const root = makeTree({ [`exp/cfg/ba1/${name}`]: realFile('lm-eval', '10_') });
    const result = await runOn(root, ONE_RUN);
    expect(result.files.map((f) => [f.file, f.status])).toEqual([[`exp/cfg/ba1/${name}`, 'used']]);
    // MMLU-PRO acc 1.0 on its one sample (--limit 1): norm(1, 10)
    expect(valueOf(result, 'exp', 'cfg_1', 'MMLU-PRO')).toBe(100);
  });
});
