/**
 * Shapes of docs/result-formats.md that no real file (tests/fixtures/real) shows, each in a small
 * hand-made tree, against values worked out by hand from docs/scoring.md: a SEA-HELM file in the
 * 2026 `run_<N>/results/` layout as SEA-HELM's aggregation leaves it, and the same file in another
 * key order.
 */

import { describe, expect, it } from 'vitest';
import type { PipelineResult } from '../../src/lib/pipeline.ts';
import { makeTree, runOn, valueOf } from '../helpers/tree.ts';

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
