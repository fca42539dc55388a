/**
 * File selection (scoring.md section 7): the path pre-filter (`seahelm`; `lm-eval`, `lm_eval`,
 * `hf_leaderboard` or a `results_*.json` name), tested case-insensitively on the path relative to
 * the run's `path`; then `en_conditions` / `bhasa_conditions`, the i-th pair filtering the i-th
 * path component, `null` meaning no filter, deeper components free, and a path with fewer
 * components than pairs not selected.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_IDENTIFIERS } from '../../src/lib/config/defaults.ts';
import { parseConfigText } from '../../src/lib/config/load.ts';
import type { ConditionPair } from '../../src/lib/config/types.ts';
import { discover } from '../../src/lib/discover/discover.ts';
import {
  candidateFormats,
  matchesIdentifier,
  passesConditions,
} from '../../src/lib/discover/select.ts';
import { sourcesOf } from '../../src/lib/discover/sources.ts';

const pairs = (...list: [string | null, string | null][]): ConditionPair[] =>
  list.map(([include, exclude]) => ({ include, exclude }));

describe('passesConditions', () => {
  it('selects everything without conditions', () => {
    expect(passesConditions(null, 'anything/at/all.json')).toBe(true);
  });

  it('filters level by level, in list order', () => {
    const conditions = pairs(['cfg_*', null], ['ba*', 'ba2*']);
    expect(passesConditions(conditions, 'cfg_x/ba10/seahelm/a.json')).toBe(true);
    // Level 2 excluded.
    expect(passesConditions(conditions, 'cfg_x/ba20/seahelm/a.json')).toBe(false);
    // Level 1 not included.
    expect(passesConditions(conditions, 'other/ba10/seahelm/a.json')).toBe(false);
    // The pairs are not tried at other levels: `ba10` at level 1 does not satisfy pair 2.
    expect(passesConditions(conditions, 'ba10/cfg_x/seahelm/a.json')).toBe(false);
  });

  it('treats a null include as "everything" and applies the exclude', () => {
    const conditions = pairs([null, '*skip*']);
    expect(passesConditions(conditions, 'cfg_x/ba10/a.json')).toBe(true);
    expect(passesConditions(conditions, 'cfg_skipme/ba10/a.json')).toBe(false);
  });

  it('treats a null exclude as "nothing excluded"', () => {
    expect(passesConditions(pairs(['cfg_*', null]), 'cfg_skip/a.json')).toBe(true);
  });

  it('treats [null, null] as no filter at that level', () => {
    const conditions = pairs([null, null], ['ba1*', null]);
    expect(passesConditions(conditions, 'whatever/ba10/a.json')).toBe(true);
    expect(passesConditions(conditions, 'whatever/ba20/a.json')).toBe(false);
  });

  it('matches case-insensitively, include and exclude', () => {
    expect(passesConditions(pairs(['CFG_*', null]), 'cfg_x/a.json')).toBe(true);
    expect(passesConditions(pairs([null, '*SKIP*']), 'Cfg_SkipMe/a.json')).toBe(false);
  });

  it('does not filter components deeper than the list', () => {
    const conditions = pairs(['cfg_*', null]);
    expect(passesConditions(conditions, 'cfg_x/skip/skip/skip.json')).toBe(true);
  });

  it('filters the file name when the file sits at that depth', () => {
    const conditions = pairs([null, null], ['*_seahelm_results_*', null]);
    expect(passesConditions(conditions, 'cfg/x_seahelm_results_2025.json')).toBe(true);
    expect(passesConditions(conditions, 'cfg/notes.json')).toBe(false);
  });

  it('does not select a path with fewer components than pairs', () => {
    const conditions = pairs([null, null], [null, null], [null, null]);
    // Two components (folder, file) against three pairs.
    expect(passesConditions(conditions, 'cfg/a.json')).toBe(false);
    // A file directly in the run root: one component.
    expect(passesConditions(pairs([null, null], [null, null]), 'a.json')).toBe(false);
    // Exactly as many components as pairs is fine.
    expect(passesConditions(conditions, 'cfg/ba10/a.json')).toBe(true);
  });
});

describe('matchesIdentifier: the default pre-filters', () => {
  const sea = DEFAULT_FILE_IDENTIFIERS.seahelm;
  const lm = DEFAULT_FILE_IDENTIFIERS.lmEval;

  it('selects SEA-HELM files by `seahelm` anywhere in the relative path, any case', () => {
    expect(matchesIdentifier(sea, 'cfg/seahelm/x.json')).toBe(true);
    expect(matchesIdentifier(sea, 'cfg/SeaHelm/x.json')).toBe(true);
    expect(matchesIdentifier(sea, 'cfg/out/m_SEAHELM_results_2025.json')).toBe(true);
    expect(matchesIdentifier(sea, 'cfg/lm_eval/results_2025.json')).toBe(false);
  });

  it('selects lm-eval files by folder names or a results_*.json name, any case', () => {
    expect(matchesIdentifier(lm, 'cfg/lm-eval/x.json')).toBe(true);
    expect(matchesIdentifier(lm, 'cfg/lm_eval/x.json')).toBe(true);
    expect(matchesIdentifier(lm, 'cfg/LM_Eval/x.json')).toBe(true);
    expect(matchesIdentifier(lm, 'cfg/HF_Leaderboard/x.json')).toBe(true);
    expect(matchesIdentifier(lm, 'cfg/eval/results_2025-01-01T00-00-00.json')).toBe(true);
    expect(matchesIdentifier(lm, 'cfg/eval/RESULTS_x.JSON')).toBe(true);
    expect(matchesIdentifier(lm, 'cfg/eval/results.json')).toBe(false);
    expect(matchesIdentifier(lm, 'cfg/eval/my_results_x.json')).toBe(false);
  });
});

describe('candidateFormats', () => {
  const rules = (bhasa: ConditionPair[] | null, en: ConditionPair[] | null) => ({
    ...DEFAULT_FILE_IDENTIFIERS,
    bhasaConditions: bhasa,
    enConditions: en,
  });

  it('offers both formats when the path matches both filters (the content decides)', () => {
    expect(candidateFormats(rules(null, null), 'cfg/seahelm/results_2025.json')).toEqual([
      'seahelm',
      'lm-eval',
    ]);
  });

  it('applies bhasa_conditions to SEA-HELM and en_conditions to lm-eval only', () => {
    const r = rules(pairs([null, '*skip*']), pairs(['keep*', null]));
    expect(candidateFormats(r, 'skipme/seahelm/x.json')).toEqual([]);
    expect(candidateFormats(r, 'keep_skip/seahelm/x.json')).toEqual([]);
    expect(candidateFormats(r, 'keep_skip/lm_eval/x.json')).toEqual(['lm-eval']);
    expect(candidateFormats(r, 'cfg/seahelm/x.json')).toEqual(['seahelm']);
    expect(candidateFormats(r, 'cfg/lm_eval/x.json')).toEqual([]);
  });

  it('selects nothing for a file no filter matches', () => {
    expect(candidateFormats(rules(null, null), 'cfg/config.json')).toEqual([]);
  });
});

describe('discover: the pre-filter sees the path below the run path only', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'select-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const touch = (relative: string, text = '{}') => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  it('says a run folder without any .json file holds none, rather than blaming the filters', async () => {
    mkdirSync(path.join(root, 'empty_runs', 'cfg'), { recursive: true });
    touch('empty_runs/cfg/notes.txt', 'not json');
    const configFile = path.join(root, 'leaderboard.config.yaml');
    const config = parseConfigText('experiments:\n  exp: { path: empty_runs }\n', configFile);
    const { diagnostics } = await discover(config, sourcesOf(config));
    expect(diagnostics.map((d) => d.message)).toEqual([
      'experiments.exp: no result file below empty_runs: it holds no .json file',
    ]);
  });

  it('does not select every file because the run folder is named seahelm_runs', async () => {
    touch('seahelm_runs/cfg/ba10/lm_eval/results_2025-01-01T00-00-00.json');
    touch('seahelm_runs/cfg/ba10/notes.json');
    touch('seahelm_runs/cfg/ba10/seahelm/m_seahelm_results_2025-01-01T00:00:00.json');
    touch('hf_leaderboard_runs/cfg/ba10/other.json');
    const configFile = path.join(root, 'leaderboard.config.yaml');
    const config = parseConfigText(
      'experiments:\n  exp: { path: seahelm_runs }\n  exp2: { path: hf_leaderboard_runs }\n',
      configFile,
    );
    const { files, diagnostics } = await discover(config, sourcesOf(config));
    // exp2's name passes the lm-eval filter, but nothing below its path does: it is reported.
    expect(diagnostics).toEqual([
      {
        kind: 'empty-source',
        file: 'hf_leaderboard_runs',
        message:
          'experiments.exp2: no result file below hf_leaderboard_runs: none passes the path filters (file_identifiers)',
      },
    ]);
    const found = files.map((f) => [f.display, [...f.candidates]]);
    expect(found).toEqual([
      ['seahelm_runs/cfg/ba10/lm_eval/results_2025-01-01T00-00-00.json', ['lm-eval']],
      ['seahelm_runs/cfg/ba10/seahelm/m_seahelm_results_2025-01-01T00:00:00.json', ['seahelm']],
    ]);
  });

  it('applies the conditions on the path below the run path, level 1 being the configuration', async () => {
    touch('cond/runs/cfg_a/ba1/seahelm/a_seahelm_results_2025-01-01T00:00:00.json');
    touch('cond/runs/cfg_skip/ba1/seahelm/s_seahelm_results_2025-01-01T00:00:00.json');
    touch('cond/runs/other/ba1/seahelm/o_seahelm_results_2025-01-01T00:00:00.json');
    const configFile = path.join(root, 'cond', 'leaderboard.config.yaml');
    const config = parseConfigText(
      [
        'experiments:',
        '  exp:',
        '    path: runs',
        '    bhasa_conditions:',
        '      - ["CFG_*", "*skip*"]',
        '',
      ].join('\n'),
      configFile,
    );
    const { files } = await discover(config, sourcesOf(config));
    expect(files.map((f) => f.display)).toEqual([
      'runs/cfg_a/ba1/seahelm/a_seahelm_results_2025-01-01T00:00:00.json',
    ]);
    expect(files[0]).toMatchObject({ stem: 'cfg_a', step: 1 });
  });

  it('excludes the run path itself from the step search', async () => {
    // The run folder `ba999` is not a step; the file's folders below it have none: step 0.
    touch('stepless/ba999/cfg/seahelm/m_seahelm_results_2025-01-01T00:00:00.json');
    const configFile = path.join(root, 'stepless', 'leaderboard.config.yaml');
    const config = parseConfigText('experiments:\n  exp: { path: ba999 }\n', configFile);
    const { files } = await discover(config, sourcesOf(config));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ stem: 'cfg', step: 0 });
  });

  it('names a file in the run root by the run key; hero runs by their key', async () => {
    touch('names/runs/exp/top_seahelm_results_2025-01-01T00:00:00.json');
    touch('names/runs/hero/cfg_ignored/checkpoint-100/seahelm/h_seahelm_results_2025.json');
    const configFile = path.join(root, 'names', 'leaderboard.config.yaml');
    const config = parseConfigText(
      'experiments:\n  exp_k: { path: runs/exp }\nhero_runs:\n  hero_k: { path: runs/hero }\n',
      configFile,
    );
    const { files } = await discover(config, sourcesOf(config));
    expect(files.map((f) => [f.stem, f.step])).toEqual([
      ['exp_k', 0],
      ['hero_k', 100],
    ]);
  });

  it('reports a run path that does not exist and goes on', async () => {
    touch('gone/runs/ok/cfg/seahelm/m_seahelm_results_2025-01-01T00:00:00.json');
    const configFile = path.join(root, 'gone', 'leaderboard.config.yaml');
    const config = parseConfigText(
      'experiments:\n  missing: { path: runs/nope }\n  ok: { path: runs/ok }\n',
      configFile,
    );
    const { files, diagnostics } = await discover(config, sourcesOf(config));
    expect(files).toHaveLength(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ kind: 'path-missing', file: 'runs/nope' });
    expect(diagnostics[0]?.message).toContain('experiments.missing');
  });

  it('says why a path written for a shell or for Windows does not exist', async () => {
    const configFile = path.join(root, 'hints', 'leaderboard.config.yaml');
    const config = parseConfigText(
      [
        'experiments:',
        '  home: { path: ~/runs }',
        "  windows: { path: 'runs\\exp' }",
        '  escaped: { path: "runs\\results" }',
        '  plain: { path: runs/none }',
      ].join('\n'),
      configFile,
    );
    const { diagnostics } = await discover(config, sourcesOf(config));
    expect(diagnostics.map((d) => d.message)).toEqual([
      "experiments.home: path ~/runs does not exist (a leading '~' is a folder name here, not your home folder: write the full path); it has no results",
      "experiments.windows: path runs\\exp does not exist ('\\' is not a folder separator here: write '/'); it has no results",
      "experiments.escaped: path runs\results does not exist (it holds control characters: in a double-quoted YAML string '\\' starts an escape; write '/' or use single quotes); it has no results",
      'experiments.plain: path runs/none does not exist; it has no results',
    ]);
  });
});
