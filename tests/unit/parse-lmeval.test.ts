/**
 * lm-eval results (scoring.md section 4; result-formats.md sections 2.3-2.7 and 3): only comma keys
 * are metrics, stderr may be "N/A", group entries are never inputs, `--limit` runs and modified
 * generative tasks are reported, tasks outside the leaderboard are reported and ignored.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isModifiedTask, readLmEval } from '../../src/lib/parse/lmeval.ts';
import { parseResultFile } from '../../src/lib/parse/parse-file.ts';
import type { LmTask } from '../../src/lib/parse/types.ts';

const FILE = 'runs/exp/cfg/ba10/lm_eval/results_2025-01-01T00-00-00.json';

interface Doc {
  results: Record<string, unknown>;
  configs?: Record<string, unknown>;
  versions?: Record<string, unknown>;
  [key: string]: unknown;
}

function read(doc: Doc) {
  return readLmEval({ configs: {}, versions: {}, ...doc }, FILE);
}

function task(tasks: readonly LmTask[], name: string): LmTask {
  const found = tasks.find((t) => t.task === name);
  if (found === undefined) throw new Error(`no task ${name}`);
  return found;
}

const realFile = (name: string) =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../fixtures/real/lm-eval/${name}`, import.meta.url)),
      'utf8',
    ),
  ) as Record<string, unknown>;

describe('readLmEval: metrics', () => {
  it('reads only comma keys, split at the first comma', () => {
    const { content } = read({
      results: {
        leaderboard_bbh_navigate: {
          alias: '  - leaderboard_bbh_navigate',
          name: 'leaderboard_bbh_navigate',
          sample_len: 250,
          'acc_norm,none': 0.6,
          'acc_norm_stderr,none': 0.031,
        },
      },
      'n-samples': { leaderboard_bbh_navigate: { original: 250, effective: 250 } },
    });
    const t = task(content.tasks, 'leaderboard_bbh_navigate');
    expect(t.metrics).toEqual({ 'acc_norm,none': 0.6 });
    expect(t.stderr).toEqual({ 'acc_norm,none': 0.031 });
    expect(t.original).toBe(250);
    expect(t.effective).toBe(250);
  });

  it('accepts a stderr of "N/A" without marking the task invalid', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard_ifeval: {
          'prompt_level_strict_acc,none': 0.6,
          'prompt_level_strict_acc_stderr,none': 0.02,
          'inst_level_strict_acc,none': 0.7,
          'inst_level_strict_acc_stderr,none': 'N/A',
        },
      },
      'n-samples': { leaderboard_ifeval: { original: 541, effective: 541 } },
    });
    const t = task(content.tasks, 'leaderboard_ifeval');
    expect(t.metrics).toEqual({
      'prompt_level_strict_acc,none': 0.6,
      'inst_level_strict_acc,none': 0.7,
    });
    expect(t.invalid).toEqual({});
    expect(t.stderr).toEqual({ 'prompt_level_strict_acc,none': 0.02 });
    expect(diagnostics).toEqual([]);
  });

  it('keeps a metric value that is not a finite number as invalid', () => {
    const { content } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 'N/A' } },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
    });
    const t = task(content.tasks, 'leaderboard_mmlu_pro');
    expect(t.metrics).toEqual({});
    expect(Object.keys(t.invalid)).toEqual(['acc,none']);
  });

  it('keeps a scored fraction outside 0-1 as invalid, and other metrics as they are', () => {
    const { content } = read({
      results: {
        leaderboard_bbh_navigate: { 'acc_norm,none': -0.3 },
        leaderboard_bbh_snarks: { 'acc_norm,none': 1.7, 'perplexity,none': 12.5 },
        leaderboard_bbh_ruin_names: { 'acc_norm,none': 50 },
        leaderboard_bbh_sports_understanding: { 'acc_norm,none': 1 },
      },
    });
    expect(task(content.tasks, 'leaderboard_bbh_navigate').invalid).toEqual({
      'acc_norm,none': '-0.3, outside 0-1',
    });
    const snarks = task(content.tasks, 'leaderboard_bbh_snarks');
    expect(snarks.invalid).toEqual({ 'acc_norm,none': '1.7, outside 0-1' });
    expect(snarks.metrics).toEqual({ 'perplexity,none': 12.5 });
    expect(task(content.tasks, 'leaderboard_bbh_ruin_names').invalid).toEqual({
      'acc_norm,none': '50, outside 0-1',
    });
    expect(task(content.tasks, 'leaderboard_bbh_sports_understanding').metrics).toEqual({
      'acc_norm,none': 1,
    });
  });

  it('does not take a task for modified when other filters sit beside <metric>,none', () => {
    // Filters are spelled after the comma (result-formats.md section 2.3); section 4 reads `none`.
    const { content, diagnostics } = read({
      results: {
        leaderboard_bbh_navigate: { 'acc_norm,none': 0.6, 'acc_norm,custom-extract': 0.9 },
        leaderboard_math_algebra_hard: {
          'exact_match,none': 0.2,
          'exact_match,flexible-extract': 0.4,
        },
      },
      'n-samples': {
        leaderboard_bbh_navigate: { original: 250, effective: 250 },
        leaderboard_math_algebra_hard: { original: 307, effective: 307 },
      },
    });
    expect(content.tasks.map(isModifiedTask)).toEqual([false, false]);
    expect(diagnostics).toEqual([]);
  });

  it('reports a task with its metric under other filters only (strict-match, flexible-extract) as modified', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard_math_algebra_hard: {
          'exact_match,strict-match': 0.3,
          'exact_match_stderr,strict-match': 0.02,
          'exact_match,flexible-extract': 0.4,
          'exact_match_stderr,flexible-extract': 'N/A',
        },
      },
      configs: { leaderboard_math_algebra_hard: { output_type: 'generate_until' } },
      'n-samples': { leaderboard_math_algebra_hard: { original: 307, effective: 307 } },
    });
    const t = task(content.tasks, 'leaderboard_math_algebra_hard');
    expect(isModifiedTask(t)).toBe(true);
    expect(t.stderr).toEqual({ 'exact_match,strict-match': 0.02 });
    expect(diagnostics).toEqual([
      {
        kind: 'modified-task',
        file: FILE,
        keyPath: 'results.leaderboard_math_algebra_hard',
        message:
          "expected 'exact_match,none', found exact_match,strict-match, exact_match,flexible-extract (output_type generate_until): a modified task, not normalized; the task is missing",
      },
    ]);
  });

  it('reads the top-level date', () => {
    expect(read({ results: {}, date: 1732206511.25 }).content.date).toBe(1732206511.25);
    expect(read({ results: {} }).content.date).toBeNull();
  });

  it('ignores unknown top-level keys (samples, normalized_scores)', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.3 } },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
      samples: { leaderboard_mmlu_pro: [{ doc_id: 0 }] },
      normalized_scores: { mmlu_pro: 22.2 },
    });
    expect(content.tasks.map((t) => t.task)).toEqual(['leaderboard_mmlu_pro']);
    expect(diagnostics).toEqual([]);
  });
});

describe('readLmEval: the model a file names (result-formats.md section 2.8)', () => {
  const modelOf = (doc: Omit<Doc, 'results'>) => read({ results: {}, ...doc }).content.model;

  it("takes a CLI file's model_name first", () => {
    const config = { model_args: 'pretrained=Org/Base,dtype=bfloat16' };
    expect(modelOf({ model_name: 'Org/Tuned', config })).toBe('Org/Tuned');
    expect(modelOf({ model_name: '', config })).toBe('Org/Base');
  });

  it('else the pretrained= part of config.model_args, wherever it stands, or of its object', () => {
    const args = 'dtype=bfloat16, pretrained=/ckpt/cfg/ba1000 ,trust_remote_code=True';
    expect(modelOf({ config: { model_args: args } })).toBe('/ckpt/cfg/ba1000');
    expect(modelOf({ config: { model_args: { pretrained: 'Qwen/Qwen3-8B' } } })).toBe(
      'Qwen/Qwen3-8B',
    );
  });

  it('names no model for a raw dump of an API model, whose model_args say model=, not pretrained=', () => {
    expect(
      modelOf({ config: { model: 'openai-chat-completions', model_args: 'model=gpt-4o' } }),
    ).toBe(null);
    expect(modelOf({})).toBeNull();
  });
});

describe('readLmEval: group entries are never inputs', () => {
  it('ignores placeholders of old harness versions', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard: { ' ': ' ', alias: 'leaderboard' },
        leaderboard_bbh: { ' ': ' ', alias: ' - leaderboard_bbh' },
        leaderboard_bbh_navigate: { 'acc_norm,none': 0.6 },
      },
      group_subtasks: { leaderboard_bbh: ['leaderboard_bbh_navigate'] },
      'n-samples': { leaderboard_bbh_navigate: { original: 250, effective: 250 } },
    });
    expect(content.tasks.map((t) => t.task)).toEqual(['leaderboard_bbh_navigate']);
    expect(diagnostics).toEqual([]);
  });

  it('ignores aggregated groups of new harness versions', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard: { 'acc,none': 0.3, 'acc_norm,none': 0.5, 'exact_match,none': 0.1 },
        leaderboard_gpqa: { 'acc_norm,none': 0.31, 'acc_norm_stderr,none': 0.01 },
        leaderboard_math_hard: { 'exact_match,none': 0.2 },
        leaderboard_musr: { 'acc_norm,none': 0.4 },
        leaderboard_bbh: { 'acc_norm,none': 0.55 },
        leaderboard_gpqa_main: { 'acc_norm,none': 0.3 },
      },
      groups: { leaderboard_gpqa: { 'acc_norm,none': 0.31 } },
      'n-samples': { leaderboard_gpqa_main: { original: 448, effective: 448 } },
    });
    expect(content.tasks.map((t) => t.task)).toEqual(['leaderboard_gpqa_main']);
    expect(diagnostics).toEqual([]);
  });

  it('ignores every group of the real 0.4.9 file and keeps its subtasks', () => {
    const root = realFile('07_MD_Qwen3-8B_full-leaderboard_limit1_lmeval0.4.9.1_results.json');
    const { content } = readLmEval(root, FILE);
    const names = content.tasks.map((t) => t.task);
    for (const group of [
      'leaderboard',
      'leaderboard_bbh',
      'leaderboard_gpqa',
      'leaderboard_math_hard',
      'leaderboard_musr',
    ]) {
      expect(names).not.toContain(group);
    }
    // 24 BBH + 3 GPQA + 7 MATH + 3 MUSR + IFEval + MMLU-Pro = 39 subtasks.
    expect(names).toHaveLength(39);
  });
});

describe('isModifiedTask', () => {
  const lmTask = (task: string, metrics: Record<string, number>): LmTask => ({
    task,
    metrics,
    invalid: {},
    stderr: {},
    original: null,
    effective: null,
    uncheckedLimit: null,
    outputType: null,
  });

  it('is true only when none of the metrics read is there but others are', () => {
    expect(isModifiedTask(lmTask('leaderboard_bbh_navigate', { 'exact_match,none': 0.5 }))).toBe(
      true,
    );
    // IFEval with one strict value (and the loose ones) is partial, not modified: no full re-read.
    const ifeval = lmTask('leaderboard_ifeval', {
      'prompt_level_strict_acc,none': 0.5,
      'prompt_level_loose_acc,none': 0.6,
    });
    expect(isModifiedTask(ifeval)).toBe(false);
    expect(isModifiedTask(lmTask('leaderboard_bbh_navigate', {}))).toBe(false);
  });
});

describe('readLmEval: reported problems', () => {
  it('reports an unknown task, names it, and does not keep it', () => {
    const { content, diagnostics } = read({
      results: {
        arc_easy: { 'acc,none': 0.8 },
        leaderboard_mmlu_pro: { 'acc,none': 0.3 },
      },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
    });
    expect(content.tasks.map((t) => t.task)).toEqual(['leaderboard_mmlu_pro']);
    const unknown = diagnostics.filter((d) => d.kind === 'unknown-task');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.file).toBe(FILE);
    expect(unknown[0]?.message).toContain('arc_easy');
  });

  it('names the tasks of another task set as unknown, not their aggregated group', () => {
    const { diagnostics } = read({
      results: {
        mmlu: { 'acc,none': 0.6, alias: 'mmlu' },
        mmlu_anatomy: { 'acc,none': 0.5 },
        arc_easy: { 'acc,none': 0.8 },
        leaderboard_mmlu_pro: { 'acc,none': 0.3 },
      },
      group_subtasks: {
        mmlu: ['mmlu_anatomy'],
        mmlu_anatomy: [],
        arc_easy: [],
        leaderboard_mmlu_pro: [],
      },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
    });
    expect(diagnostics.filter((d) => d.kind === 'unknown-task').map((d) => d.message)).toEqual([
      'not Open LLM Leaderboard v2 tasks, ignored: mmlu_anatomy, arc_easy',
    ]);
  });

  it('reports a modified generative task (exact_match instead of acc_norm)', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard_bbh_navigate: {
          'exact_match,get-answer': 0.7,
          'exact_match_stderr,get-answer': 0.03,
        },
      },
      configs: {
        leaderboard_bbh_navigate: {
          output_type: 'generate_until',
          metric_list: [{ metric: 'exact_match' }],
        },
      },
      'n-samples': { leaderboard_bbh_navigate: { original: 250, effective: 250 } },
    });
    const modified = diagnostics.filter((d) => d.kind === 'modified-task');
    expect(modified).toHaveLength(1);
    expect(modified[0]).toMatchObject({ file: FILE, keyPath: 'results.leaderboard_bbh_navigate' });
    expect(modified[0]?.message).toContain('acc_norm,none');
    // The needed value is absent, so nothing usable is read.
    expect(task(content.tasks, 'leaderboard_bbh_navigate').metrics['acc_norm,none']).toBe(
      undefined,
    );
  });

  it('reports every modified task of the real generative BBH file', () => {
    const root = realFile(
      '03_KT_gpt-4o_bbh_MODIFIED-generative_results_2024-11-21T16-28-31.022190.json',
    );
    const { diagnostics } = readLmEval(root, FILE);
    const modified = diagnostics.filter((d) => d.kind === 'modified-task');
    expect(modified.length).toBeGreaterThan(0);
    for (const d of modified) expect(d.keyPath).toMatch(/^results\.leaderboard_bbh_/);
  });

  it('reports a --limit run (effective below original)', () => {
    const { diagnostics } = read({
      results: {
        leaderboard_bbh_navigate: { 'acc_norm,none': 1.0 },
        leaderboard_mmlu_pro: { 'acc,none': 0.25 },
      },
      config: { limit: 4 },
      'n-samples': {
        leaderboard_bbh_navigate: { original: 250, effective: 4 },
        leaderboard_mmlu_pro: { original: 12032, effective: 4 },
      },
    });
    const limited = diagnostics.filter((d) => d.kind === 'limited-run');
    expect(limited).toHaveLength(1);
    expect(limited[0]?.file).toBe(FILE);
  });

  it('finds the limit from n-samples even when config.limit is null', () => {
    const { diagnostics } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.25 } },
      config: { limit: null },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 100 } },
    });
    expect(diagnostics.map((d) => d.kind)).toContain('limited-run');
  });

  it('reports config.limit as a --limit run when the file has no n-samples to check it', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
      config: { model: 'hf', limit: 0.1 },
    });
    expect(task(content.tasks, 'leaderboard_mmlu_pro').uncheckedLimit).toBe(0.1);
    expect(diagnostics.filter((d) => d.kind === 'limited-run')).toEqual([
      {
        kind: 'limited-run',
        file: FILE,
        keyPath: 'config.limit',
        message:
          '--limit run: config.limit is 0.1, and 1 of 1 tasks have no n-samples counts to check it against; scored as they are',
      },
    ]);
  });

  it('takes only a positive config.limit for a --limit run: 0 is none', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
      config: { model: 'hf', limit: 0 },
    });
    expect(task(content.tasks, 'leaderboard_mmlu_pro').uncheckedLimit).toBeNull();
    expect(diagnostics.filter((d) => d.kind === 'limited-run')).toEqual([]);
  });

  it('reports a config.limit that is neither a number nor null, and does not use it', () => {
    for (const limit of ['10', true, [10]]) {
      const { content, diagnostics } = read({
        results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
        config: { limit },
      });
      expect(content.tasks[0]?.uncheckedLimit).toBeNull();
      expect(diagnostics.map((d) => [d.kind, d.keyPath])).toEqual([
        ['unexpected-key', 'config.limit'],
      ]);
      expect(diagnostics[0]?.message).toMatch(
        /^expected a number or null, found .*; not used: only n-samples can tell a --limit run$/,
      );
    }
  });

  it('trusts n-samples over config.limit when the counts are there', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
      config: { model: 'hf', limit: 20000 },
    });
    expect(task(content.tasks, 'leaderboard_mmlu_pro').uncheckedLimit).toBeNull();
    expect(diagnostics.filter((d) => d.kind === 'limited-run')).toEqual([]);
  });

  it('says that an effective count without an original one is still the sample weight', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_gpqa_main: { 'acc_norm,none': 0.32 } },
      'n-samples': { leaderboard_gpqa_main: { effective: 448 } },
    });
    expect(task(content.tasks, 'leaderboard_gpqa_main').effective).toBe(448);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'expected {original, effective} sample counts (whole numbers from 0), found original absent, effective 448; the effective count is the sample weight; whether the run was limited cannot be told',
    ]);
  });

  it('says that an effective count above the original one is still the sample weight', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_gpqa_main: { 'acc_norm,none': 0.32 } },
      'n-samples': { leaderboard_gpqa_main: { original: 448, effective: 500 } },
    });
    expect(task(content.tasks, 'leaderboard_gpqa_main').effective).toBe(500);
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'n-samples.leaderboard_gpqa_main',
        message:
          'effective 500 is above original 448 (the harness never evaluates more samples than the dataset has); the effective count is still the sample weight, and the task is not limited',
      },
    ]);
  });

  it('makes the values of a task evaluated on 0 samples invalid', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_math_algebra_hard: { 'exact_match,none': 0.9 } },
      'n-samples': { leaderboard_math_algebra_hard: { original: 307, effective: 0 } },
    });
    const algebra = task(content.tasks, 'leaderboard_math_algebra_hard');
    expect(algebra.metrics).toEqual({});
    // Not scored at all, so it does not make the run a --limit one.
    expect(diagnostics.filter((d) => d.kind === 'limited-run')).toEqual([]);
    // Nor does config.limit when the count has no original beside it.
    const unchecked = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
      'n-samples': { leaderboard_mmlu_pro: { effective: 0 } },
      config: { limit: 10 },
    });
    expect(task(unchecked.content.tasks, 'leaderboard_mmlu_pro').uncheckedLimit).toBeNull();
    expect(algebra.invalid).toEqual({
      'exact_match,none': '0.9, from 0 samples (n-samples effective is 0)',
    });
  });

  it('reports a malformed n-samples entry and a malformed standard error, and does not use them', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard_mmlu_pro: { 'acc,none': 0.4, 'acc_stderr,none': 'garbage' },
        leaderboard_ifeval: {
          'prompt_level_strict_acc,none': 0.5,
          'prompt_level_strict_acc_stderr,none': 'N/A',
        },
      },
      'n-samples': {
        leaderboard_mmlu_pro: 'bad',
        leaderboard_ifeval: { original: 541, effective: 541 },
      },
    });
    const t = task(content.tasks, 'leaderboard_mmlu_pro');
    expect([t.original, t.effective, t.stderr]).toEqual([null, null, {}]);
    expect(diagnostics.filter((d) => d.kind === 'unexpected-key')).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'results.leaderboard_mmlu_pro.acc_stderr,none',
        message:
          'expected a standard error (a number or "N/A"), found the string "garbage"; not used',
      },
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'n-samples.leaderboard_mmlu_pro',
        message:
          'expected {original, effective} sample counts (whole numbers from 0), found the string "bad"; not used',
      },
    ]);
  });

  it('does not use a standard error that is negative, or above 1 for a fraction the scores read (1e308 would overflow to none)', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard_bbh_navigate: { 'acc_norm,none': 0.6, 'acc_norm_stderr,none': -0.5 },
        leaderboard_bbh_snarks: { 'acc_norm,none': 0.6, 'acc_norm_stderr,none': 1e308 },
        leaderboard_bbh_hyperbaton: { 'acc_norm,none': 0.6, 'acc_norm_stderr,none': 0.03 },
        // A metric the scores do not read: only its sign is checked.
        leaderboard_mmlu_pro: { 'acc,none': 0.4, 'other_stderr,none': 2 },
      },
    });
    expect(task(content.tasks, 'leaderboard_bbh_navigate').stderr).toEqual({});
    expect(task(content.tasks, 'leaderboard_bbh_snarks').stderr).toEqual({});
    expect(task(content.tasks, 'leaderboard_bbh_hyperbaton').stderr).toEqual({
      'acc_norm,none': 0.03,
    });
    expect(task(content.tasks, 'leaderboard_mmlu_pro').stderr).toEqual({ 'other,none': 2 });
    expect(task(content.tasks, 'leaderboard_bbh_snarks').metrics).toEqual({ 'acc_norm,none': 0.6 });
    expect(diagnostics.filter((d) => d.kind === 'unexpected-key')).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'results.leaderboard_bbh_navigate.acc_norm_stderr,none',
        message: 'expected a standard error from 0 to 1 (or "N/A"), found -0.5; not used',
      },
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'results.leaderboard_bbh_snarks.acc_norm_stderr,none',
        message: 'expected a standard error from 0 to 1 (or "N/A"), found 1e+308; not used',
      },
    ]);
  });

  it('does not use sample counts that are not whole numbers from 0 (a huge one would overflow the weighted mean)', () => {
    const { content, diagnostics } = read({
      results: {
        leaderboard_math_algebra_hard: { 'exact_match,none': 0.5 },
        leaderboard_math_geometry_hard: { 'exact_match,none': 0.3 },
        leaderboard_math_prealgebra_hard: { 'exact_match,none': 0.2 },
      },
      'n-samples': {
        leaderboard_math_algebra_hard: { original: 307, effective: 1e308 },
        leaderboard_math_geometry_hard: { original: 132, effective: -5 },
        leaderboard_math_prealgebra_hard: { original: 193.5, effective: 193 },
      },
    });
    const counts = (name: string) => {
      const t = task(content.tasks, name);
      return [t.original, t.effective];
    };
    expect(counts('leaderboard_math_algebra_hard')).toEqual([307, null]);
    expect(counts('leaderboard_math_geometry_hard')).toEqual([132, null]);
    expect(counts('leaderboard_math_prealgebra_hard')).toEqual([null, 193]);
    // One warning per task, saying what the weight becomes; no second one for the same count.
    expect(diagnostics.map((d) => [d.kind, d.keyPath, d.message])).toEqual([
      [
        'unexpected-key',
        'n-samples.leaderboard_math_algebra_hard',
        'expected {original, effective} sample counts (whole numbers from 0), found original 307, effective 1e+308; not used: the task weighs 1 in its sample-weighted mean',
      ],
      [
        'unexpected-key',
        'n-samples.leaderboard_math_geometry_hard',
        'expected {original, effective} sample counts (whole numbers from 0), found original 132, effective -5; not used: the task weighs 1 in its sample-weighted mean',
      ],
      [
        'unexpected-key',
        'n-samples.leaderboard_math_prealgebra_hard',
        'expected {original, effective} sample counts (whole numbers from 0), found original 193.5, effective 193; the effective count is the sample weight; whether the run was limited cannot be told',
      ],
    ]);
  });

  it('reports an n-samples that is not an object once, not once per task', () => {
    const { diagnostics } = read({
      results: {
        leaderboard_math_algebra_hard: { 'exact_match,none': 0.5 },
        leaderboard_math_geometry_hard: { 'exact_match,none': 0.3 },
      },
      'n-samples': 'x',
    });
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'n-samples',
        message:
          'expected sample counts by task, found the string "x"; not used: every sample-weighted task weighs 1 in its mean',
      },
    ]);
  });

  it('counts every bare NaN of an lm-eval file and names where the first five are', () => {
    const samples = Array.from({ length: 7 }, (_, i) => ({ doc_id: i, acc_norm: 'N' }));
    const text = JSON.stringify({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
      configs: {},
      versions: {},
      samples: { leaderboard_mmlu_pro: samples },
    }).replace(/"N"/g, 'NaN');
    const parsed = parseResultFile(new TextEncoder().encode(text), {
      file: FILE,
      candidates: ['lm-eval'],
      extraMetrics: {},
    });
    const warning = parsed.diagnostics.find((d) => d.kind === 'non-finite-token');
    expect(warning?.keyPath).toBe('samples.leaderboard_mmlu_pro[0].acc_norm');
    expect(warning?.message).toBe(
      "the file has 7 bare NaN/Infinity token(s) (at samples.leaderboard_mmlu_pro[0].acc_norm, samples.leaderboard_mmlu_pro[1].acc_norm, samples.leaderboard_mmlu_pro[2].acc_norm, samples.leaderboard_mmlu_pro[3].acc_norm, samples.leaderboard_mmlu_pro[4].acc_norm and 2 more), which JSON does not allow (Python's json writes them); a score written so is invalid",
    );
  });

  it('does not report a full run as limited', () => {
    const { diagnostics } = read({
      results: { leaderboard_mmlu_pro: { 'acc,none': 0.25 } },
      config: { limit: null },
      'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
    });
    expect(diagnostics).toEqual([]);
  });

  it('reports the real limit-1 file as limited', () => {
    const root = realFile('08_MD_Qwen3-8B_full-leaderboard_limit1_2025-07_results.json');
    expect(readLmEval(root, FILE).diagnostics.map((d) => d.kind)).toContain('limited-run');
  });

  it('warns when a sample-weighted subtask has no n-samples count', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_math_algebra_hard: { 'exact_match,none': 0.5 } },
    });
    expect(task(content.tasks, 'leaderboard_math_algebra_hard').effective).toBeNull();
    const warning = diagnostics.find((d) => d.kind === 'no-sample-count');
    expect(warning?.file).toBe(FILE);
  });

  it('does not warn about the sample weight of a task whose value is not used', () => {
    const { diagnostics } = read({
      results: {
        leaderboard_math_algebra_hard: 'x',
        leaderboard_math_geometry_hard: { 'exact_match,none': 'n/a' },
      },
    });
    expect(diagnostics.map((d) => d.kind)).toEqual(['unexpected-key']);
  });

  it('reports a task entry that is not an object, naming the file', () => {
    const { content, diagnostics } = read({
      results: { leaderboard_mmlu_pro: 'oops', leaderboard_bbh_navigate: { 'acc_norm,none': 0.6 } },
      'n-samples': { leaderboard_bbh_navigate: { original: 250, effective: 250 } },
    });
    // The task is there, with invalid values that say why (its cell is invalid, not absent).
    expect(content.tasks.map((t) => t.task)).toEqual([
      'leaderboard_mmlu_pro',
      'leaderboard_bbh_navigate',
    ]);
    expect(task(content.tasks, 'leaderboard_mmlu_pro')).toMatchObject({
      metrics: {},
      invalid: { 'acc,none': 'unreadable (the task entry is the string "oops", not an object)' },
      file: FILE,
    });
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'results.leaderboard_mmlu_pro',
        message: 'expected a task entry object, found the string "oops"; its values are invalid',
      },
    ]);
  });
});

describe('parseResultFile: a big lm-eval file reads like a small one', () => {
  // Raw simple_evaluate() dumps keep `samples`, which makes files large; the content that
  // section 4 reads must not depend on the size of the rest.
  const SMALL = {
    results: {
      leaderboard_bbh_navigate: {
        alias: ' - navigate',
        'acc_norm,none': 0.6,
        'acc_norm_stderr,none': 0.03,
      },
      leaderboard_bbh_snarks: { 'exact_match,get-answer': 0.9 },
      leaderboard_mmlu_pro: { 'acc,none': 0.4, 'acc_stderr,none': 'N/A' },
      leaderboard_bbh: { ' ': ' ', alias: 'leaderboard_bbh' },
      arc_easy: { 'acc,none': 0.8 },
    },
    configs: {
      leaderboard_bbh_navigate: {
        output_type: 'multiple_choice',
        metric_list: [{ metric: 'acc_norm' }],
      },
      leaderboard_bbh_snarks: {
        output_type: 'generate_until',
        filter_list: [{ name: 'get-answer' }],
      },
      leaderboard_mmlu_pro: { output_type: 'multiple_choice' },
    },
    versions: {
      leaderboard_bbh_navigate: 1.0,
      leaderboard_bbh_snarks: 1.0,
      leaderboard_mmlu_pro: 0.1,
    },
    'n-samples': {
      leaderboard_bbh_navigate: { original: 250, effective: 10 },
      leaderboard_bbh_snarks: { original: 178, effective: 178 },
      leaderboard_mmlu_pro: { original: 12032, effective: 12032 },
    },
    group_subtasks: { leaderboard_bbh: ['leaderboard_bbh_navigate', 'leaderboard_bbh_snarks'] },
    date: 1735693200.25,
  };
  /** 4000 samples with braces, brackets and escaped quotes inside strings: about 400 KB. */
  const SAMPLES = Array.from({ length: 4000 }, (_, i) => ({
    doc_id: i,
    arguments: [[`Q${i}: what is {x} in [a, b]? say "yes" or 'no' \\ }`, ' (A)']],
    resps: [[[`-1.5`, false]]],
  }));
  const BIG = {
    samples: { leaderboard_bbh_navigate: SAMPLES },
    ...SMALL,
    pretty_env_info: 'x'.repeat(1000),
  };
  const encode = (text: string) => new TextEncoder().encode(text);
  const parse = (text: string) =>
    parseResultFile(encode(text), { file: FILE, candidates: ['lm-eval'], extraMetrics: {} });

  it('gives the same tasks, date and warnings as the small file', () => {
    const small = parse(JSON.stringify(SMALL, null, 2));
    const bigText = JSON.stringify(BIG, null, 2);
    expect(bigText.length).toBeGreaterThan(300_000);
    const big = parse(bigText);
    expect(small.ok && big.ok).toBe(true);
    if (!small.ok || !big.ok) return;
    expect(big.content).toEqual(small.content);
    expect(big.time).toEqual(small.time);
    expect(big.diagnostics).toEqual(small.diagnostics);
    expect(big.diagnostics.map((d) => d.kind).sort()).toEqual([
      'limited-run',
      'modified-task',
      'unknown-task',
    ]);
  });

  it('gives the same content with a 4-space indent and with tabs', () => {
    const small = parse(JSON.stringify(SMALL));
    for (const indent of [4, '\t']) {
      const big = parse(JSON.stringify(BIG, null, indent));
      expect(big.ok && small.ok).toBe(true);
      if (big.ok && small.ok) expect(big.content).toEqual(small.content);
    }
  });

  it('reads a task key written with a unicode escape', () => {
    // The key inside `results` (followed by its metrics), not the ones in configs / n-samples.
    const text = JSON.stringify(BIG, null, 2).replace(
      /"leaderboard_mmlu_pro": \{(\s*)"acc,none"/,
      '"leaderboard_mmlu\\u005fpro": {$1"acc,none"',
    );
    expect(text).toContain('leaderboard_mmlu\\u005fpro');
    const parsed = parse(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.content.format === 'lm-eval') {
      expect(parsed.content.tasks.map((t) => t.task)).toContain('leaderboard_mmlu_pro');
    }
  });

  it('skips a big file with garbage after the JSON, as it would a small one', () => {
    const small = parse(`${JSON.stringify(SMALL, null, 2)}\n}\n`);
    expect(small.ok).toBe(false);
    const big = parse(`${JSON.stringify(BIG, null, 2)}\n}\n`);
    expect(big.ok).toBe(false);
    expect(big.diagnostics[0]?.kind).toBe('invalid-json');
  });

  it('skips a big file with two JSON documents in it', () => {
    const big = parse(`${JSON.stringify(BIG, null, 2)}\n${JSON.stringify(SMALL)}\n`);
    expect(big.ok).toBe(false);
    expect(big.diagnostics[0]?.kind).toBe('invalid-json');
  });

  it('skips a big truncated file and says where', () => {
    const text = JSON.stringify(BIG, null, 2);
    const big = parse(text.slice(0, Math.floor(text.length * 0.7)));
    expect(big.ok).toBe(false);
    expect(big.diagnostics[0]?.kind).toBe('invalid-json');
    expect(big.diagnostics[0]?.message).toMatch(/line \d+, column \d+/);
  });

  it('reads NaN tokens in a big file as invalid values, with the warning', () => {
    const text = JSON.stringify(BIG, null, 2).replace('"acc,none": 0.4', '"acc,none": NaN');
    expect(text).toContain('NaN');
    const big = parse(text);
    expect(big.ok).toBe(true);
    if (!big.ok || big.content.format !== 'lm-eval') return;
    const mmlu = task(big.content.tasks, 'leaderboard_mmlu_pro');
    expect(mmlu.metrics).toEqual({});
    expect(Object.keys(mmlu.invalid)).toEqual(['acc,none']);
    expect(big.diagnostics.map((d) => d.kind)).toContain('non-finite-token');
  });

  // A documented limit (docs/scoring.md section 8): members of a big indented lm-eval file that
  // the scores never read are skipped unparsed, so a syntax error inside them goes unnoticed,
  // while everything that is read is still validated by JSON.parse.
  it('reads a big file whose unread bulk has a syntax error (documented limit)', () => {
    const plainResults: Record<string, unknown> = { ...BIG.results };
    delete plainResults['leaderboard_bbh_snarks'];
    const plain = { ...BIG, results: plainResults };
    const text = JSON.stringify(plain, null, 2).replace('"doc_id": 17,', '"doc_id": seventeen,');
    expect(text).toContain('seventeen');
    const big = parse(text);
    expect(big.ok).toBe(true);
  });

  it('reads a big file with a modified task whole, for the output_type its configs give', () => {
    const text = JSON.stringify(BIG, null, 2).replace('"doc_id": 17,', '"doc_id": seventeen,');
    const big = parse(text);
    expect(big.ok).toBe(false);
    expect(big.diagnostics[0]?.kind).toBe('invalid-json');
    const whole = parse(JSON.stringify(BIG, null, 2));
    const modified = whole.diagnostics.find((d) => d.kind === 'modified-task');
    expect(modified?.message).toContain('(output_type generate_until)');
  });

  it('skips a big file whose read part has a syntax error, as it would a small one', () => {
    const text = JSON.stringify(BIG, null, 2).replace(/("acc_norm,none": )([0-9.]+)/, '$1zero');
    expect(text).toContain('zero');
    const big = parse(text);
    expect(big.ok).toBe(false);
    expect(big.diagnostics[0]?.kind).toBe('invalid-json');
  });
});
