/**
 * Keys written twice in one object of a results file (parse/duplicate-keys.ts): JSON.parse keeps
 * the last value, so the earlier one is lost; the file gets a `duplicate-key` warning that names
 * the key paths and lines, where the key matters (scoring.md section 8).
 */
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys, repeatedKeys } from '../../src/lib/parse/duplicate-keys.ts';
import { reduceLmEvalBytes } from '../../src/lib/parse/lmeval-fast.ts';
import { parseResultFile } from '../../src/lib/parse/parse-file.ts';
import type { ResultFormat } from '../../src/lib/parse/detect.ts';
import { REAL } from '../helpers/tree.ts';

const SEA_FILE = 'runs/exp/cfg/ba10/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
const LM_FILE = 'runs/exp/cfg/ba10/lm_eval/results_2025-01-01T00-00-00.json';

function warnings(text: string, format: ResultFormat) {
  const parsed = parseResultFile(Buffer.from(text, 'utf8'), {
    file: format === 'seahelm' ? SEA_FILE : LM_FILE,
    candidates: [format],
    extraMetrics: {},
  });
  return parsed.diagnostics.filter((d) => d.kind === 'duplicate-key');
}

describe('findDuplicateKeys', () => {
  it('finds a key repeated in one object, with its key path and lines', () => {
    const text = '{\n"id": {"nlu": {"sentiment": {"normalized_accuracy": 60}}},\n"id": {}\n}';
    expect(findDuplicateKeys(text)).toEqual([{ keyPath: 'id', topKey: 'id', lines: [2, 3] }]);
  });

  it('finds repeats at any depth, in lists too, in the order of the file', () => {
    const text =
      '{"a": [{"x": 1}, {"x": 1, "y": 2, "x": 3, "x": 4}], "b": {"c": {"d": 1, "d": 2}}}';
    expect(findDuplicateKeys(text)).toEqual([
      { keyPath: 'a[1].x', topKey: 'a', lines: [1, 1, 1] },
      { keyPath: 'b.c.d', topKey: 'b', lines: [1, 1] },
    ]);
  });

  it('takes the same key in two objects, and keys inside strings, for no repeat', () => {
    const text = '{"a": {"x": 1}, "b": {"x": 1}, "c": "\\"a\\": {", "d": "x\\\\", "x": [1, "a"]}';
    expect(findDuplicateKeys(text)).toEqual([]);
  });

  it('compares keys as JSON.parse reads them (escapes decoded)', () => {
    expect(findDuplicateKeys('{"id": 1, "\\u0069d": 2}')).toEqual([
      { keyPath: 'id', topKey: 'id', lines: [1, 1] },
    ]);
  });

  it('steps over bare NaN tokens, and over 100,000 nested lists', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(findDuplicateKeys(`{"a": NaN, "b": ${deep}, "a": -Infinity}`)).toEqual([
      { keyPath: 'a', topKey: 'a', lines: [1, 1] },
    ]);
  });

  it('finds none in the real files, with or without the colon count', () => {
    for (const folder of ['seahelm', 'lm-eval']) {
      for (const name of fs.readdirSync(path.join(REAL, folder))) {
        const text = fs.readFileSync(path.join(REAL, folder, name), 'utf8');
        expect(findDuplicateKeys(text), name).toEqual([]);
        expect(repeatedKeys(text, JSON.parse(text)), name).toEqual([]);
      }
    }
  });

  it('scans a text with as many colons as members only when a key repeats', () => {
    const text = '{"a": 1, "a": {"b": 2}}';
    // 3 colons, 2 members left after the parse: the scan runs and finds the repeat.
    expect(repeatedKeys(text, JSON.parse(text))).toEqual([
      { keyPath: 'a', topKey: 'a', lines: [1, 1] },
    ]);
  });
});

describe('duplicate-key warnings of a results file', () => {
  it('warns about a SEA-HELM language or task written twice, naming every key path', () => {
    const text = [
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 60}}},',
      ' "id": {"nlr": {"causal": {"normalized_accuracy": 40},',
      '                "causal": {"normalized_accuracy": 0, "error": "Failed"}}}}',
    ].join('\n');
    expect(warnings(text, 'seahelm')).toEqual([
      {
        kind: 'duplicate-key',
        file: SEA_FILE,
        keyPath: 'id',
        message:
          "2 key(s) repeated within an object (at id (lines 1, 2), id.nlr.causal (lines 2, 3)): JSON readers keep only the last value of a key, as Python's json does, so the earlier values are not read",
      },
    ]);
  });

  it('says nothing about repeats inside a language that is not scored', () => {
    const en = '"en": {"nlu": {"x": {"normalized_accuracy": 1}, "x": {"normalized_accuracy": 2}}}';
    const text = `{"id": {"nlu": {"qa": {"normalized_f1": 50}}}, ${en}, "en": {}}`;
    expect(warnings(text, 'seahelm')).toEqual([]);
  });

  it('warns about an lm-eval task written twice in results, not about repeats in configs', () => {
    const results = '{"leaderboard_mmlu_pro": {"acc,none": 0.3}, "leaderboard_mmlu_pro": {}}';
    const configs = '{"leaderboard_mmlu_pro": {"x": 1, "x": 2}}';
    const text = `{"results": ${results}, "configs": ${configs}, "versions": {}}`;
    expect(warnings(text, 'lm-eval').map((d) => [d.keyPath, d.file])).toEqual([
      ['results.leaderboard_mmlu_pro', LM_FILE],
    ]);
  });

  it('sends a big lm-eval file with a repeat in results to the full parse, which warns', () => {
    const name = fs.readdirSync(path.join(REAL, 'lm-eval')).find((n) => n.startsWith('10_'));
    const sample = fs.readFileSync(path.join(REAL, 'lm-eval', name ?? ''), 'utf8');
    const from = '\n    "leaderboard_mmlu_pro": {';
    expect(sample).toContain(from);
    const text = sample.replace(from, `\n    "leaderboard_mmlu_pro": {},${from}`);
    expect(reduceLmEvalBytes(Buffer.from(sample, 'utf8'))).not.toBeNull();
    expect(reduceLmEvalBytes(Buffer.from(text, 'utf8'))).toBeNull();
    expect(warnings(text, 'lm-eval').map((d) => d.keyPath)).toEqual([
      'results.leaderboard_mmlu_pro',
    ]);
  });
});
