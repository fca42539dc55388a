/**
 * Format detection (result-formats.md section 0): lm-eval has `results`, `configs` and `versions`
 * objects; SEA-HELM has language-code keys mapping to objects (plus an optional numeric `total`).
 * Anything else is an error that names the file (section 3, item 1).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, isLanguageKey } from '../../src/lib/parse/detect.ts';
import { parseResultFile } from '../../src/lib/parse/parse-file.ts';

const OWN_RESULTS_MESSAGE =
  "the results.json of seahelm-leaderboard's own reports, not a result file (reports of an earlier run whose output folder was below this run's path?): delete it or move it out of the run's path";

const LM_EVAL = {
  results: { leaderboard_mmlu_pro: { alias: 'leaderboard_mmlu_pro', 'acc,none': 0.3 } },
  configs: { leaderboard_mmlu_pro: { output_type: 'multiple_choice' } },
  versions: { leaderboard_mmlu_pro: 0.1 },
};

describe('detectFormat', () => {
  it('recognises lm-eval by results, configs and versions', () => {
    expect(detectFormat(LM_EVAL)).toBe('lm-eval');
  });

  it('recognises lm-eval with extra keys (raw simple_evaluate dumps)', () => {
    expect(detectFormat({ ...LM_EVAL, samples: {}, normalized_scores: {}, date: 1.7e9 })).toBe(
      'lm-eval',
    );
  });

  it('does not take an object missing one of the three for lm-eval', () => {
    expect(detectFormat({ results: LM_EVAL.results, configs: {} })).toBeNull();
    expect(detectFormat({ results: LM_EVAL.results, versions: {} })).toBeNull();
    // `results` must be an object.
    expect(detectFormat({ results: [], configs: {}, versions: {} })).toBeNull();
  });

  it('recognises SEA-HELM by its language keys', () => {
    const sea = { id: { nlu: { sentiment: { normalized_accuracy: 50 } } } };
    expect(detectFormat(sea)).toBe('seahelm');
  });

  it('recognises SEA-HELM with upstream totals and several languages', () => {
    const sea = {
      id: { nlu: { sentiment: { normalized_accuracy: 50 }, total: 50 }, total: 50 },
      vi: { nlr: { causal: { normalized_accuracy: 20 } } },
      zh_t: { nlu: { 'belebele-qa-mc': { normalized_accuracy: 10 } } },
      'zh-s': { nlu: { 'belebele-qa-mc': { normalized_accuracy: 10 } } },
      total: 40,
    };
    expect(detectFormat(sea)).toBe('seahelm');
  });

  it('takes two or three letters, then optionally _ or - and one to four letters, for a language code', () => {
    for (const code of ['id', 'fil', 'zh_t', 'zh-s', 'pt-br', 'sr-latn', 'ID', 'zh_HANT']) {
      expect(isLanguageKey(code), code).toBe(true);
    }
    for (const code of ['i', 'abcd', 'metadata', 'sea_total', 'x1', 'sr-latin', 'zh_', 'pt-br-x']) {
      expect(isLanguageKey(code), code).toBe(false);
    }
  });

  it('tolerates the evaluated_as_base key the original app skipped', () => {
    const sea = { evaluated_as_base: true, th: { nlu: { sentiment: { normalized_accuracy: 1 } } } };
    expect(detectFormat(sea)).toBe('seahelm');
  });

  it('tolerates an unexpected object (a metadata block) beside languages that hold task results', () => {
    const sea = {
      id: { nlu: { sentiment: { normalized_accuracy: 50 } } },
      metadata: { model: 'x', run: { seed: 1 } },
    };
    expect(detectFormat(sea)).toBe('seahelm');
  });

  it('does not take a short key beside other objects for SEA-HELM when it holds no task results', () => {
    expect(detectFormat({ id: { name: 'x' }, config: { lr: 1e-4 } })).toBeNull();
    expect(detectFormat({ id: { a: 1 }, data: { b: { c: 2 } } })).toBeNull();
  });

  it('detects every real fixture as its own format', () => {
    const root = fileURLToPath(new URL('../fixtures/real', import.meta.url));
    const expected = { seahelm: 'seahelm', 'lm-eval': 'lm-eval' } as const;
    for (const folder of ['seahelm', 'lm-eval'] as const) {
      for (const name of readdirSync(path.join(root, folder))) {
        const value: unknown = JSON.parse(readFileSync(path.join(root, folder, name), 'utf8'));
        expect(detectFormat(value), `${folder}/${name}`).toBe(expected[folder]);
      }
    }
  });

  it('detects nothing in values of other shapes', () => {
    expect(detectFormat(null)).toBeNull();
    expect(detectFormat([])).toBeNull();
    expect(detectFormat([{ id: {} }])).toBeNull();
    expect(detectFormat('id')).toBeNull();
    expect(detectFormat(42)).toBeNull();
    expect(detectFormat({})).toBeNull();
    // Only a total, no language.
    expect(detectFormat({ total: 40 })).toBeNull();
  });

  it('detects nothing in other tools’ JSON files', () => {
    // An HF config.json, a SEA-HELM scores YAML turned JSON, an lm-eval samples-like list.
    expect(
      detectFormat({ architectures: ['LlamaForCausalLM'], hidden_size: 4096, rope_scaling: {} }),
    ).toBeNull();
    expect(detectFormat({ model_name: 'x', results: { a: 1 } })).toBeNull();
    expect(detectFormat({ metadata: { model: 'x' }, scores: { sea_mean: 1 } })).toBeNull();
  });
});

describe('parseResultFile: unknown content names the file', () => {
  const parse = (text: string) =>
    parseResultFile(new TextEncoder().encode(text), {
      file: 'runs/exp/cfg/seahelm/weird_seahelm_results.json',
      candidates: ['seahelm'],
      extraMetrics: {},
    });

  it('skips a JSON array with a reason and the file path', () => {
    const parsed = parse('[1, 2, 3]');
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({
      kind: 'unknown-format',
      file: 'runs/exp/cfg/seahelm/weird_seahelm_results.json',
    });
  });

  it('says what the top level is when it is not an object with keys', () => {
    const reasons: [string, string][] = [
      ['null', 'found null'],
      ['{}', 'found an empty object'],
      ['"text"', 'found a string'],
      ['42', 'found a number'],
      ['[1]', 'found an array'],
    ];
    for (const [text, found] of reasons) {
      expect(parse(text).diagnostics[0]?.message).toBe(
        `not a SEA-HELM or lm-eval results file (${found})`,
      );
    }
  });

  it('says which lm-eval objects are missing when the file has lm-eval results', () => {
    const parsed = parse(JSON.stringify({ results: LM_EVAL.results, versions: {} }));
    expect(parsed.diagnostics[0]?.message).toBe(
      "not a SEA-HELM or lm-eval results file (it has lm-eval's 'results' key, but no 'configs'; lm-eval files have these three objects)",
    );
  });

  it('says which lm-eval objects are of the wrong type, a list for an object say', () => {
    const parsed = parse(JSON.stringify({ results: [1], configs: [], versions: {} }));
    expect(parsed.diagnostics[0]?.message).toBe(
      "not a SEA-HELM or lm-eval results file (it has lm-eval's 'results' key, but 'results' is an array of 1, 'configs' is an array of 0; lm-eval files have these three objects)",
    );
  });

  it('skips an object of another tool with a reason and the file path', () => {
    const parsed = parse('{"architectures": ["X"], "hidden_size": 4096}');
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]?.kind).toBe('unknown-format');
    expect(parsed.diagnostics[0]?.file).toBe('runs/exp/cfg/seahelm/weird_seahelm_results.json');
  });

  it("names the tool's own results.json as reports, not results (an earlier output folder)", () => {
    // A results.json left below a run's path by a run whose reports went elsewhere since
    // (output.base_dir changed, or --out) has lm-eval's 'results' key: it is not read as
    // lm-eval content missing two objects, whichever parse reads it.
    const own = '{"generator":"seahelm-leaderboard","sea_languages":[],"summary":{},"results":{}}';
    for (const candidates of [['seahelm'], ['lm-eval'], ['seahelm', 'lm-eval']] as const) {
      const parsed = parseResultFile(new TextEncoder().encode(own), {
        file: 'runs/exp/lm-eval-reports/results.json',
        candidates,
        extraMetrics: {},
      });
      expect(parsed.ok).toBe(false);
      expect(parsed.diagnostics).toEqual([
        {
          kind: 'unknown-format',
          file: 'runs/exp/lm-eval-reports/results.json',
          message: OWN_RESULTS_MESSAGE,
        },
      ]);
    }
  });

  it('skips lm-eval content that only the SEA-HELM path filter selected', () => {
    const parsed = parse(JSON.stringify(LM_EVAL));
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]?.kind).toBe('format-mismatch');
  });

  it('reads lm-eval content when the path matched both filters', () => {
    const parsed = parseResultFile(new TextEncoder().encode(JSON.stringify(LM_EVAL)), {
      file: 'runs/exp/cfg/seahelm/results_2025-01-01T00-00-00.json',
      candidates: ['seahelm', 'lm-eval'],
      extraMetrics: {},
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.content.format).toBe('lm-eval');
  });
});
