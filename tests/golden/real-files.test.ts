/**
 * The real result files (tests/fixtures/real, provenance in its README) against values worked
 * out by hand from the numbers in the files and the formulas of docs/scoring.md.
 */

import { describe, expect, it } from 'vitest';
import { cellOf, makeTree, realFile, runOn, valueOf } from '../helpers/tree.ts';

const ONE_RUN = 'experiments:\n  exp:\n    path: exp\n';
const norm = (v: number, n: number) => (Math.max(v - 1 / n, 0) / (1 - 1 / n)) * 100;

describe('lm-eval: Qwen2.5-7B-Instruct, all 39 subtasks requested one by one (file 10)', async () => {
  const root = makeTree({ 'exp/cfg/ba100/lm-eval/r.json': realFile('lm-eval', '10_') });
  const result = await runOn(root, ONE_RUN);
  const value = (column: string) => valueOf(result, 'exp', 'cfg_100', column);

  it('computes the six English competencies', () => {
    // IFEval: (prompt 0.0 + inst 0.6666666666666666) / 2 * 100
    expect(value('IFEval')).toBeCloseTo(((0 + 0.6666666666666666) / 2) * 100, 10);
    // BBH: 14 of the 24 subtasks are 1.0 (norm 100), the rest 0.0 (norm 0)
    expect(value('BBH')).toBeCloseTo((14 * 100) / 24, 10);
    // MATH Lvl 5: exact_match 1,0,1,0,0,1,0 with effective 1 each: 3/7
    expect(value('MATH Lvl 5')).toBeCloseTo((3 / 7) * 100, 10);
    // GPQA: sample-weighted raw mean (1 + 1 + 0) / 3, then norm(., 4)
    expect(value('GPQA')).toBeCloseTo(norm(2 / 3, 4), 10);
    // MUSR: all three 1.0; MMLU-PRO: acc 1.0 -> norm(1, 10) = 100
    expect(value('MUSR')).toBeCloseTo(100, 10);
    expect(value('MMLU-PRO')).toBeCloseTo(100, 10);
    const six = [100 / 3, 1400 / 24, 300 / 7, norm(2 / 3, 4), 100, 100];
    expect(value('en')).toBeCloseTo(six.reduce((a, b) => a + b) / 6, 10);
  });

  it('writes normalized task values and flags the --limit 1 run', () => {
    expect(value('en_bbh_geometric_shapes')).toBe(100);
    expect(value('en_bbh_web_of_lies')).toBe(0);
    expect(value('en_gpqa_main')).toBe(0);
    expect(value('en_ifeval_inst_level_strict_acc')).toBeCloseTo(66.66666666666666, 10);
    expect(result.runs[0]?.table.rows[0]?.limited).toBe(true);
    expect(result.diagnostics.some((d) => d.kind === 'limited-run')).toBe(true);
  });

  it('has no SEA-HELM values, so sea_total and total are missing, not 0', () => {
    expect(cellOf(result, 'exp', 'cfg_100', 'sea_total').status).toBe('missing');
    expect(cellOf(result, 'exp', 'cfg_100', 'total').value).toBeNull();
  });
});

describe('lm-eval: other real files', () => {
  it('IFEval alone, renamed file, stderr "N/A" (file 02)', async () => {
    const root = makeTree({ 'exp/cfg/lm-eval/solar-ifeval.json': realFile('lm-eval', '02_') });
    const result = await runOn(root, ONE_RUN);
    const ifeval = cellOf(result, 'exp', 'cfg_00000', 'IFEval');
    expect(ifeval.value).toBeCloseTo(((0.1977818853974122 + 0.2949640287769784) / 2) * 100, 10);
    expect(ifeval.status).toBe('ok');
    const prompt = cellOf(result, 'exp', 'cfg_00000', 'en_ifeval_prompt_level_strict_acc');
    expect(prompt.stderr).toBeCloseTo(1.714125471908492, 10);
    expect(cellOf(result, 'exp', 'cfg_00000', 'en_ifeval_inst_level_strict_acc').stderr).toBeNull();
    // Five benchmarks absent: en is partial, not a mean that counts them as 0.
    const en = cellOf(result, 'exp', 'cfg_00000', 'en');
    expect(en.status).toBe('partial');
    expect(en.coverage).toEqual([1, 6]);
    expect(en.value).toBeCloseTo(ifeval.value ?? Number.NaN, 10);
  });

  it('MATH all zeros is a real 0, not missing (file 01)', async () => {
    const root = makeTree({
      'exp/cfg/lm-eval/results_2024-11-14T16-01-56.818889.json': realFile('lm-eval', '01_'),
    });
    const result = await runOn(root, ONE_RUN);
    expect(cellOf(result, 'exp', 'cfg_00000', 'MATH Lvl 5')).toMatchObject({
      value: 0,
      status: 'ok',
    });
  });

  it('MMLU-PRO with --limit 4 (file 09): norm(0.25, 10)', async () => {
    const root = makeTree({ 'exp/cfg/hf_leaderboard/r.json': realFile('lm-eval', '09_') });
    const result = await runOn(root, ONE_RUN);
    expect(valueOf(result, 'exp', 'cfg_00000', 'MMLU-PRO')).toBeCloseTo(
      ((0.25 - 0.1) / 0.9) * 100,
      10,
    );
  });

  it('aggregated groups (0.4.9, file 07) and placeholders (file 08) give the same path', async () => {
    const root = makeTree({
      'exp/a/lm-eval/results.json': realFile('lm-eval', '07_'),
      'exp/b/lm-eval/results.json': realFile('lm-eval', '08_'),
    });
    const result = await runOn(root, ONE_RUN);
    // file 07 by hand: GPQA raw (0 + 1 + 0) / 3 -> norm(1/3, 4); MUSR (100 + 0 + 100) / 3;
    // MATH (1 + 0 + 0 + 0 + 0 + 0 + 1) / 7; group entries such as leaderboard_gpqa are not used.
    expect(valueOf(result, 'exp', 'a_00000', 'GPQA')).toBeCloseTo(norm(1 / 3, 4), 10);
    expect(valueOf(result, 'exp', 'a_00000', 'MUSR')).toBeCloseTo(200 / 3, 10);
    expect(valueOf(result, 'exp', 'a_00000', 'MATH Lvl 5')).toBeCloseTo((2 / 7) * 100, 10);
    expect(valueOf(result, 'exp', 'a_00000', 'IFEval')).toBeCloseTo(100 / 6, 10);
    for (const column of ['IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO', 'en']) {
      expect(cellOf(result, 'exp', 'b_00000', column).status).toBe('ok');
    }
  });

  it('modified generative tasks are reported, never normalized (files 03-06, merged)', async () => {
    const root = makeTree({
      'exp/gpt/lm-eval/results_2024-11-21T16-28-31.022190.json': realFile('lm-eval', '03_'),
      'exp/gpt/lm-eval/results_2024-11-22T00-40-05.032093.json': realFile('lm-eval', '04_'),
      'exp/gpt/lm-eval/results_2024-11-22T00-34-56.917977.json': realFile('lm-eval', '05_'),
      'exp/gpt/lm-eval/results_2024-11-24T13-37-13.882223.json': realFile('lm-eval', '06_'),
    });
    const result = await runOn(root, ONE_RUN);
    for (const column of ['BBH', 'GPQA', 'MUSR', 'MMLU-PRO']) {
      expect(cellOf(result, 'exp', 'gpt_00000', column).value).toBeNull();
    }
    const navigate = cellOf(result, 'exp', 'gpt_00000', 'en_bbh_navigate');
    expect(navigate.status).toBe('missing');
    expect(navigate.detail).toMatch(/no 'acc_norm,none'.*modified task/);
    const modified = result.diagnostics.filter((d) => d.kind === 'modified-task');
    expect(modified.length).toBe(24 + 3 + 3 + 1);
    expect(result.files.every((f) => f.status === 'used')).toBe(true);
  });
});

describe('SEA-HELM: real files', () => {
  it('gpt-4.1-nano: competencies, pragmatics pooling and the language score by hand', async () => {
    const root = makeTree({
      'exp/nano/seahelm/gpt-4.1-nano_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
        'seahelm',
        'gpt-4.1-nano',
      ),
    });
    const result = await runOn(root, ONE_RUN);
    const value = (column: string) => valueOf(result, 'exp', 'nano_00000', column);
    const nlu = (71.69739860624159 + 70.31233128711028 + 15.885273028130165) / 3;
    expect(value('id_nlu')).toBeCloseTo(nlu, 10);
    // nlg = mean(abssum, translations group = mean of the two directions)
    const nlg = (9.097699402125265 + (48.43333899456522 + 52.75275213068182) / 2) / 2;
    expect(value('id_nlg')).toBeCloseTo(nlg, 10);
    // pragmatics: scalar (54 + 0) / (80 + 24), presuppositions (9 + 0) / (20 + 60); mean 0.3159 < 0.5 -> 0
    expect(value('id_pragmatics')).toBe(0);
    // clipped zeros are real scores: nlr, safety, linguistic-diagnostics (mp-r 0, pragmatics 0)
    expect(value('id_nlr')).toBe(0);
    expect(value('id_linguistic-diagnostics')).toBe(0);
    expect(value('id_instruction-following')).toBeCloseTo(48.57142857142857, 10);
    expect(value('id')).toBeCloseTo((nlu + nlg + 0 + 48.57142857142857 + 0 + 0) / 6, 10);
    expect(cellOf(result, 'exp', 'nano_00000', 'id').status).toBe('ok');
  });

  it('all error entries: every value failed, every aggregate missing, nothing 0', async () => {
    const root = makeTree({
      'exp/g/seahelm/gemini-2.5-pro_seahelm_results_2025-08-20T15:55:31.544426.json': realFile(
        'seahelm',
        'gemini-2.5-pro_seahelm_results_2025-08-20',
      ),
    });
    const result = await runOn(root, ONE_RUN);
    const row = result.runs[0]?.table.rows[0];
    const values = [...(row?.cells.values() ?? [])];
    expect(values.length).toBeGreaterThan(40);
    expect(values.every((cell) => cell.value === null)).toBe(true);
    expect(cellOf(result, 'exp', 'g_00000', 'id_sentiment')).toMatchObject({
      status: 'failed',
      detail:
        'error: Failed to run evaluation for task (exp/g/seahelm/gemini-2.5-pro_seahelm_results_2025-08-20T15:55:31.544426.json: id.nlu.sentiment)',
    });
    expect(cellOf(result, 'exp', 'g_00000', 'sea_total').status).toBe('missing');
  });

  it('four gemini-2.5-pro files: the latest usable entry wins, the rest are superseded', async () => {
    const names = [
      'gemini-2.5-pro_seahelm_results_2025-08-20T15:55:31.544426.json',
      'gemini-2.5-pro_seahelm_results_2025-08-21T00:38:19.655551.json',
      'gemini-2.5-pro_seahelm_results_2025-08-21T05:32:12.515441.json',
      'gemini-2.5-pro_seahelm_results_2025-09-02T11:48:31.864984.json',
    ];
    const spec = Object.fromEntries(
      names.map((name) => [`exp/g/seahelm/${name}`, realFile('seahelm', name.slice(0, 45))]),
    );
    const result = await runOn(makeTree(spec), ONE_RUN);
    const latest = 'exp/g/seahelm/' + names[3];
    expect(result.files.find((f) => f.file === latest)?.status).toBe('used');
    // the 05:32 re-run holds only an error entry for id.nlu.sentiment: it never beats a score
    const sentiment = cellOf(result, 'exp', 'g_00000', 'id_sentiment');
    expect(sentiment.status).toBe('ok');
    expect(
      result.superseded.some(
        (s) => s.file.endsWith(names[2] ?? '') && s.key === 'id.nlu.sentiment',
      ),
    ).toBe(true);
    // partial entries in the latest file (vi translation-xx-en without its metric) stay missing
    expect(cellOf(result, 'exp', 'g_00000', 'vi_translation-xx-en').status).toBe('missing');
    expect(cellOf(result, 'exp', 'g_00000', 'vi_nlg').status).toBe('partial');
  });
});
