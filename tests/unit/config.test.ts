import { Buffer } from 'node:buffer';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_FILE_IDENTIFIERS,
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_STEP_PATTERNS,
} from '../../src/lib/config/defaults.ts';
import { parseHyperparameters } from '../../src/lib/config/hyperparameters.ts';
import { ConfigError, loadConfig, parseConfigText } from '../../src/lib/config/load.ts';
import { closestKey, editDistance } from '../../src/lib/config/suggest.ts';
import type { LeaderboardConfig } from '../../src/lib/config/types.ts';
import { SENSIBLE_PATTERNS } from '../helpers/sensible-patterns.ts';

const FILE = 'leaderboard.config.yaml';
const DIR = path.resolve('/data/project');
const ABS_FILE = path.join(DIR, FILE);

/** One YAML line per argument, so a test reads its line numbers off the source. */
function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function parse(text: string): LeaderboardConfig {
  return parseConfigText(text, ABS_FILE);
}

/** The ConfigError message for `text`, which must be invalid. */
function problems(text: string, file = FILE): string {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const ONE_RUN = yaml('experiments:', '  exp_a: { path: runs/exp_a }');

describe('parseConfigText: error messages', () => {
  it('reproduces the canonical target_experiments example', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: runs/exp_a }',
      '  exp_b: { path: runs/exp_b }',
      '  baselines:',
      '    gemma:',
      '      path: runs/gemma',
      '      target_experiments: [0, 3]',
    );
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:7:7 experiments.baselines.gemma.target_experiments[1]: 3 names no run; this section has 2 runs (0: exp_a, 1: exp_b)',
    );
  });

  it('lists the first runs and the last of a long section, not every run', () => {
    const runs = Array.from({ length: 40 }, (_, i) => `  r${i}: { path: r }`);
    const text = yaml(
      'experiments:',
      ...runs,
      '  baselines:',
      '    g: { path: g, target_experiments: [40] }',
    );
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:43:19 experiments.baselines.g.target_experiments[0]: 40 names no run; this section has 40 runs (0: r0, 1: r1, 2: r2, 3: r3, 4: r4, 5: r5, 6: r6, 7: r7, 8: r8, 9: r9, ..., 39: r39)',
    );
  });

  it('points at the offending list item in block style too', () => {
    const text = yaml(
      'hero_runs:',
      '  hero_8b:',
      '    path: runs/hero',
      '  baselines:',
      '    gemma:',
      '      path: runs/gemma',
      '      target_experiments:',
      '        - 1',
    );
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:8:11 hero_runs.baselines.gemma.target_experiments[0]: 1 names no run; this section has 1 run (0: hero_8b)',
    );
  });

  it('says a section without runs has none', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a }',
      'hero_runs:',
      '  baselines:',
      '    gemma: { path: g, target_experiments: [0] }',
    );
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:5:23 hero_runs.baselines.gemma.target_experiments[0]: 0 names no run; this section has no runs; indices count the runs of hero_runs, and a baseline of experiments goes under experiments.baselines',
    );
  });

  it('says where a baseline goes when its index is past its section, for a run of the other one', () => {
    // A hero run counted after the experiments, as if indices ran over both sections.
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a }',
      '  baselines:',
      '    gemma: { path: g, target_experiments: [0, 1] }',
      'hero_runs:',
      '  hero: { path: h }',
    );
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:4:23 experiments.baselines.gemma.target_experiments[1]: 1 names no run; this section has 1 run (0: exp_a); indices count the runs of experiments, and a baseline of hero_runs goes under hero_runs.baselines',
    );
  });

  it('names the index meant by a run key given as a target, or where its baselines go', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a }',
      '  exp_b: { path: b }',
      '  baselines:',
      '    gemma:',
      '      path: g',
      '      target_experiments:',
      '        - exp_b',
      '        - exp-a',
      '        - hero',
      '        - other',
      'hero_runs:',
      '  hero: { path: h }',
    );
    const expected = 'expected a run index (a whole number, 0 or more), found the string';
    expect(problems(text)).toBe(
      [
        `leaderboard.config.yaml:8:11 experiments.baselines.gemma.target_experiments[0]: ${expected} "exp_b"; did you mean 1, the index of experiments.exp_b?`,
        `leaderboard.config.yaml:9:11 experiments.baselines.gemma.target_experiments[1]: ${expected} "exp-a"; did you mean 0, the index of experiments.exp_a?`,
        `leaderboard.config.yaml:10:11 experiments.baselines.gemma.target_experiments[2]: ${expected} "hero"; hero_runs.hero is not in experiments: give this baseline under hero_runs.baselines to merge it there`,
        `leaderboard.config.yaml:11:11 experiments.baselines.gemma.target_experiments[3]: ${expected} "other"`,
      ].join('\n'),
    );
  });

  it("suggests 'baselines' for a section entry named like it that has no path", () => {
    expect(
      problems(
        yaml('experiments:', '  exp_a: { path: a }', '  baseline:', '    gemma: { path: g }'),
      ),
    ).toBe(
      "leaderboard.config.yaml:3:3 experiments.baseline: read as a run, but it has no path; did you mean 'baselines'?",
    );
    // A run so named, with a path, keeps its own problems.
    expect(problems(yaml('experiments:', '  baseline: { path: a, en_conditions: 3 }'))).toMatch(
      /^leaderboard\.config\.yaml:2:\d+ experiments\.baseline\.en_conditions: expected/,
    );
  });

  it('suggests the closest known key for an unknown one, and says once that a required key is misspelt', () => {
    const text = yaml('experiments:', '  exp_a:', '    pth: runs/exp_a');
    expect(problems(text)).toBe(
      "leaderboard.config.yaml:3:5 experiments.exp_a.pth: unknown key; did you mean 'path'?",
    );
    // At every level that has a required key.
    const pattern = yaml(
      'experiments: { exp_a: { path: a } }',
      'hyperparameters:',
      "  - { name: LR, patern: 'LR(\\d+)' }",
      "  - { nme: GBS, pattern: 'GBS(\\d+)' }",
      'site:',
      '  links: [{ label: a, hrf: b }]',
      '  sections: [{ titel: About }]',
    );
    expect(problems(pattern)).toBe(
      [
        "leaderboard.config.yaml:3:17 hyperparameters[0].patern: unknown key; did you mean 'pattern'?",
        "leaderboard.config.yaml:4:7 hyperparameters[1].nme: unknown key; did you mean 'name'?",
        "leaderboard.config.yaml:6:23 site.links[0].hrf: unknown key; did you mean 'href'?",
        "leaderboard.config.yaml:7:16 site.sections[0].titel: unknown key; did you mean 'title'?",
      ].join('\n'),
    );
    // A required key missing beside an unknown key that is not like it is still named.
    expect(problems(yaml('experiments:', '  exp_a:', '    folder: runs/exp_a'))).toBe(
      [
        'leaderboard.config.yaml:3:5 experiments.exp_a.path: required key missing',
        'leaderboard.config.yaml:3:5 experiments.exp_a.folder: unknown key; expected one of: path, en_conditions, bhasa_conditions',
      ].join('\n'),
    );
  });

  it('suggests keys at every level, ignoring case, and lists the keys when nothing is close', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a, target_experiments: [0] }',
      '  baselines:',
      '    g: { path: g, Target_Experiment: [0] }',
      'hero_run: {}',
      'output: { base_dri: out, colour: red }',
      'file_identifiers: { lmeval: { file_name: [x] } }',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:2:21 experiments.exp_a.target_experiments: unknown key; expected one of: path, en_conditions, bhasa_conditions',
        "leaderboard.config.yaml:4:19 experiments.baselines.g.Target_Experiment: unknown key; did you mean 'target_experiments'?",
        "leaderboard.config.yaml:5:1 hero_run: unknown key; did you mean 'hero_runs'?",
        "leaderboard.config.yaml:6:11 output.base_dri: unknown key; did you mean 'base_dir'?",
        'leaderboard.config.yaml:6:26 output.colour: unknown key; expected one of: base_dir, save_individual, save_merged',
        "leaderboard.config.yaml:7:21 file_identifiers.lmeval: unknown key; did you mean 'lm_eval'?",
      ].join('\n'),
    );
  });

  it('says what type was expected and what was found', () => {
    const text = yaml(
      'experiments:',
      '  exp_a:',
      '    path: 42',
      '    en_conditions: 3',
      '    bhasa_conditions: [[a, null, c], [1, null], x]',
      'output:',
      '  save_individual: yes',
      '  save_merged: [true]',
      'sea_languages: vi',
      'seahelm_task_metrics: { x: 1, y: "" }',
      'file_identifiers: { seahelm: { path_contains: seahelm } }',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:3:11 experiments.exp_a.path: expected a folder path, found a number',
        'leaderboard.config.yaml:4:20 experiments.exp_a.en_conditions: expected a list of [include, exclude] pairs, found a number',
        'leaderboard.config.yaml:5:5 experiments.exp_a.bhasa_conditions[0]: expected an [include, exclude] pair, found a list of 3 items',
        'leaderboard.config.yaml:5:5 experiments.exp_a.bhasa_conditions[1][0]: expected a glob string or null, found a number',
        'leaderboard.config.yaml:5:5 experiments.exp_a.bhasa_conditions[2]: expected an [include, exclude] pair, found the string "x"',
        'leaderboard.config.yaml:7:20 output.save_individual: expected a boolean, found the string "yes", which YAML 1.2 reads as text; write true',
        'leaderboard.config.yaml:8:16 output.save_merged: expected a boolean, found a list',
        'leaderboard.config.yaml:9:16 sea_languages: expected a list of language codes or null, found the string "vi"',
        'leaderboard.config.yaml:10:28 seahelm_task_metrics.x: expected a metric key, found a number',
        'leaderboard.config.yaml:10:34 seahelm_task_metrics.y: expected a metric key, found an empty string',
        'leaderboard.config.yaml:11:47 file_identifiers.seahelm.path_contains: expected a list of path substrings, found the string "seahelm"',
      ].join('\n'),
    );
  });

  it('locates an empty value at its key', () => {
    const text = yaml('experiments:', '  exp_a:', '    path:', '  exp_b:');
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:3:5 experiments.exp_a.path: expected a folder path, found null',
        'leaderboard.config.yaml:4:3 experiments.exp_b: expected a mapping, found null',
      ].join('\n'),
    );
  });

  it('rejects a document that is not a mapping', () => {
    expect(problems(yaml('- exp_a'))).toBe(
      'leaderboard.config.yaml:1:1 (root): expected a mapping, found a list',
    );
  });

  it('rejects negative, fractional and non-number target indices, and repeats', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a }',
      '  baselines:',
      '    g: { path: g, target_experiments: [-1, 1.5, "0"] }',
      '    h: { path: h, target_experiments: 0 }',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:4:19 experiments.baselines.g.target_experiments[0]: expected a run index (a whole number, 0 or more), found -1',
        'leaderboard.config.yaml:4:19 experiments.baselines.g.target_experiments[1]: expected a run index (a whole number, 0 or more), found 1.5',
        'leaderboard.config.yaml:4:19 experiments.baselines.g.target_experiments[2]: expected a run index (a whole number, 0 or more), found the string "0"',
        'leaderboard.config.yaml:5:39 experiments.baselines.h.target_experiments: expected a list of run indices or null, found a number',
      ].join('\n'),
    );
    const repeated = yaml(
      'experiments:',
      '  exp_a: { path: a }',
      '  baselines:',
      '    g: { path: g, target_experiments: [0, 0] }',
    );
    expect(problems(repeated)).toBe(
      'leaderboard.config.yaml:4:19 experiments.baselines.g.target_experiments[1]: 0 is already listed at target_experiments[0]',
    );
  });

  it('checks step and hyperparameter patterns', () => {
    const text = yaml(
      'experiments: { exp_a: { path: a } }',
      'step_patterns:',
      "  - 'ba('",
      "  - 'ba\\d+'",
      "  - ''",
      "  - 'step(?:=)(\\d+)'",
      'hyperparameters:',
      "  - { name: LR, pattern: 'LR(\\d+)' }",
      '  - { name: GBS }',
      "  - { name: LR, pattern: 'lr(\\d+)', unit: x }",
    );
    expect(problems(text)).toBe(
      [
        "leaderboard.config.yaml:3:5 step_patterns[0]: expected a regular expression, found 'ba(' (Unterminated group)",
        "leaderboard.config.yaml:4:5 step_patterns[1]: expected a regular expression with a capture group for the number, found 'ba\\d+', which has none",
        'leaderboard.config.yaml:5:5 step_patterns[2]: expected a regular expression, found an empty string',
        'leaderboard.config.yaml:9:5 hyperparameters[1].pattern: required key missing',
        'leaderboard.config.yaml:10:37 hyperparameters[2].unit: unknown key; expected one of: name, pattern',
      ].join('\n'),
    );
    const repeated = yaml(
      'experiments: { exp_a: { path: a } }',
      "hyperparameters: [{ name: LR, pattern: 'LR(\\d+)' }, { name: LR, pattern: 'lr(\\d+)' }]",
    );
    expect(problems(repeated)).toBe(
      "leaderboard.config.yaml:2:61 hyperparameters[1].name: 'LR' is already given at hyperparameters[0].name",
    );
  });

  it('refuses patterns that can backtrack for too long on a long name', () => {
    const text = yaml(
      'experiments: { exp_a: { path: a } }',
      'step_patterns:',
      "  - '(a+)+x(\\d)'",
      "  - '(\\d*)*_'",
      "  - '(?:[a-z]+)*$(\\d)'",
      "  - '(a|a)*(\\d)'",
      "  - '(?=(\\w|\\d)+$)(\\d+)'",
      'hyperparameters:',
      "  - { name: LR, pattern: 'LR(.*)a.*a.*_' }",
    );
    const exponential = (found: string, repeat: string) =>
      `expected a regular expression that runs in reasonable time on any name, found '${found}', whose repetition '${repeat}' can match the same text in more than one way, so a long name that does not match takes exponential time; write it so that each text matches one way only (as 'a+' for '(a+)+', '\\w+' for '(\\w|\\d)+')`;
    expect(problems(text)).toBe(
      [
        `leaderboard.config.yaml:3:5 step_patterns[0]: ${exponential('(a+)+x(\\d)', '(a+)+')}`,
        `leaderboard.config.yaml:4:5 step_patterns[1]: ${exponential('(\\d*)*_', '(\\d*)*')}`,
        `leaderboard.config.yaml:5:5 step_patterns[2]: ${exponential('(?:[a-z]+)*$(\\d)', '(?:[a-z]+)*')}`,
        `leaderboard.config.yaml:6:5 step_patterns[3]: ${exponential('(a|a)*(\\d)', '(a|a)*')}`,
        `leaderboard.config.yaml:7:5 step_patterns[4]: ${exponential('(?=(\\w|\\d)+$)(\\d+)', '(\\w|\\d)+')}`,
        "leaderboard.config.yaml:9:26 hyperparameters[0].pattern: expected a regular expression that runs in reasonable time on any name, found 'LR(.*)a.*a.*_', whose repetitions '.*', '.*' and '.*' can each take the same text, one after the other, so a long name that does not match takes far too long (a time that grows with its length to the power 4); let at most 2 such repetitions follow each other, or part them with a character the one before cannot take (as '[^_]*_' rather than '.*_')",
      ].join('\n'),
    );
  });

  it("writes the engine's reason for an invalid pattern as printable text", () => {
    // ESC starts a terminal's escape sequences: the message must not carry it raw.
    const text = yaml('experiments: { exp_a: { path: a } }', 'step_patterns: ["ba(\\e"]');
    expect(problems(text)).toBe(
      "leaderboard.config.yaml:2:1 step_patterns[0]: expected a regular expression, found 'ba(\\u001b' (Unterminated group)",
    );
  });

  it('reports a pattern too large to compile, which the engine finds only when it first runs', () => {
    const source = `(${'a'.repeat(200_000)})`;
    const text = yaml('experiments: { exp_a: { path: a } }', 'step_patterns:', `  - '${source}'`);
    expect(problems(text)).toBe(
      `leaderboard.config.yaml:3:5 step_patterns[0]: expected a regular expression, found '${source}' (Regular expression too large)`,
    );
  });

  it('accepts the default patterns and common sensible ones as fast enough', () => {
    const patterns = [...DEFAULT_STEP_PATTERNS, ...SENSIBLE_PATTERNS];
    const hyperparameters = [
      ...DEFAULT_HYPERPARAMETERS.map((h) => h.pattern),
      ...SENSIBLE_PATTERNS,
    ];
    const config = parse(
      yaml(
        'experiments: { exp_a: { path: a } }',
        `step_patterns: ${JSON.stringify(patterns)}`,
        `hyperparameters: ${JSON.stringify(hyperparameters.map((pattern, i) => ({ name: `h${i}`, pattern })))}`,
      ),
    );
    expect(config.stepPatterns).toEqual(patterns);
    expect(config.hyperparameters.map((h) => h.pattern)).toEqual(hyperparameters);
  });

  it('rejects a repeated SEA language', () => {
    const text = yaml('experiments: { exp_a: { path: a } }', 'sea_languages: [vi, id, vi]');
    expect(problems(text)).toBe(
      "leaderboard.config.yaml:2:1 sea_languages[2]: 'vi' is already given at sea_languages[0]",
    );
  });

  it("rejects 'en' as a SEA language: SEA-HELM's English is never scored", () => {
    const text = yaml('experiments: { exp_a: { path: a } }', 'sea_languages:', '  - id', '  - en');
    expect(problems(text)).toBe(
      "leaderboard.config.yaml:4:5 sea_languages[1]: 'en' is not a SEA language: SEA-HELM's English tasks are not scored, and the en column is the lm-eval English score",
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problems(yaml('experiments:', '  exp_a: [1', 'hero_runs: {}'))).toBe(
      'leaderboard.config.yaml:3:1 (syntax): Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('gives one syntax error per line, not the ones the parser finds after it on that line', () => {
    // An over-indented key under a value, and a list item among mapping keys: the parser adds
    // 'Implicit keys need to be on a single line' (and more) at the same place.
    const text = yaml(
      'experiments:',
      '  exp_a:',
      '    path: a',
      '      en_conditions: []',
      'hero_runs:',
      '  h: { path: h }',
      '  - x',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:3:11 (syntax): Nested mappings are not allowed in compact mappings: line 4 is indented deeper than line 3, so it is read as part of this value; indent it as the key of line 3',
        'leaderboard.config.yaml:7:1 (syntax): A block sequence may not be used as an implicit map key',
      ].join('\n'),
    );
    // Tabs on two lines are two mistakes, and so are two keys given twice on one line.
    expect(problems(yaml('experiments:', '\texp_a:', '\t\tpath: a'))).toBe(
      [
        'leaderboard.config.yaml:2:1 (syntax): Tabs are not allowed as indentation',
        'leaderboard.config.yaml:3:1 (syntax): Tabs are not allowed as indentation',
      ].join('\n'),
    );
    expect(problems(yaml('experiments: { a: { path: x }, a: { path: y }, b: {}, b: {} }'))).toBe(
      [
        'leaderboard.config.yaml:1:32 experiments.a: the key is given twice in one mapping (first at line 1); keep one',
        'leaderboard.config.yaml:1:55 experiments.b: the key is given twice in one mapping (first at line 1); keep one',
      ].join('\n'),
    );
  });

  it('names a value whose double quotes make its backslash an escape, and says to use single quotes', () => {
    const text = yaml(
      'experiments:',
      '  exp_a:',
      '    path: "C:\\Users\\me\\exp_a"',
      'step_patterns: ["ba(\\d+)"]',
      'hyperparameters:',
      '  - { name: LR, pattern: "LR(\\d+)" }',
    );
    const why =
      "is no escape in a double-quoted YAML string, where '\\' starts one; write the value in single quotes, in which '\\' is itself";
    expect(problems(text)).toBe(
      [
        `leaderboard.config.yaml:3:14 experiments.exp_a.path: '\\U' ${why}`,
        `leaderboard.config.yaml:4:21 step_patterns[0]: '\\d' ${why}`,
        `leaderboard.config.yaml:6:30 hyperparameters[0].pattern: '\\d' ${why}`,
      ].join('\n'),
    );
    // In single quotes, '\\' is itself.
    expect(
      parse(yaml('experiments: { exp_a: { path: a } }', "step_patterns: ['ba(\\d+)']"))
        .stepPatterns,
    ).toEqual(['ba(\\d+)']);
  });

  it('names a key given twice, and where it was first given', () => {
    expect(problems(yaml('experiments:', '  exp_a: { path: a }', '  exp_a: { path: b }'))).toBe(
      'leaderboard.config.yaml:3:3 experiments.exp_a: the key is given twice in one mapping (first at line 2); keep one',
    );
    const nested = yaml(
      'experiments:',
      '  exp_a:',
      '    path: a',
      '    bhasa_conditions: [[null, null]]',
      '    path: b',
      'hyperparameters:',
      "  - { name: LR, pattern: 'LR(\\d+)', name: GBS }",
    );
    expect(problems(nested)).toBe(
      [
        'leaderboard.config.yaml:5:5 experiments.exp_a.path: the key is given twice in one mapping (first at line 3); keep one',
        'leaderboard.config.yaml:7:37 hyperparameters[0].name: the key is given twice in one mapping (first at line 7); keep one',
      ].join('\n'),
    );
  });

  it('rejects globs that can match no path component: with a slash, or empty', () => {
    const text = yaml(
      'experiments:',
      '  exp_a:',
      '    path: a',
      '    bhasa_conditions:',
      "      - ['cfg*/ba*', null]",
      "      - [null, '']",
      'file_identifiers:',
      '  lm_eval:',
      "    file_names: ['results_*.json', 'lm-eval/*.json']",
    );
    expect(problems(text)).toBe(
      [
        "leaderboard.config.yaml:5:10 experiments.exp_a.bhasa_conditions[0][0]: expected a glob for one path level, found 'cfg*/ba*', which contains '/' and so matches nothing; give one [include, exclude] pair for each level",
        'leaderboard.config.yaml:6:16 experiments.exp_a.bhasa_conditions[1][1]: expected a glob string or null, found an empty string, which matches nothing (null means no filter)',
        "leaderboard.config.yaml:9:5 file_identifiers.lm_eval.file_names[1]: expected a file name glob, found 'lm-eval/*.json', which contains '/' and so matches nothing; file_names match the file name only (path_contains tests the path)",
      ].join('\n'),
    );
  });

  it('accepts file identifiers that select nothing: that harness is turned off', () => {
    const config = parse(
      yaml(ONE_RUN, 'file_identifiers:', '  seahelm: { path_contains: [], file_names: [] }'),
    );
    expect(config.fileIdentifiers.seahelm).toEqual({ pathContains: [], fileNames: [] });
  });

  it("refuses '__proto__' as a key anywhere, rather than losing the entry it names", () => {
    const text = yaml(
      'experiments:',
      '  __proto__: { path: a }',
      '  exp_b: { path: b }',
      'seahelm_task_metrics:',
      '  "__proto__": accuracy',
    );
    expect(problems(text)).toBe(
      [
        "leaderboard.config.yaml:2:3 experiments.__proto__: '__proto__' cannot be a key (JavaScript reserves it for prototypes); rename it",
        "leaderboard.config.yaml:5:3 seahelm_task_metrics.__proto__: '__proto__' cannot be a key (JavaScript reserves it for prototypes); rename it",
      ].join('\n'),
    );
    // Also as an alias of a scalar written elsewhere.
    const alias = yaml(
      'site: { title: &k __proto__ }',
      'experiments:',
      '  *k : { path: r }',
      '  exp_a: { path: r }',
    );
    expect(problems(alias)).toBe(
      "leaderboard.config.yaml:3:3 experiments.__proto__: '__proto__' cannot be a key (JavaScript reserves it for prototypes); rename it",
    );
  });

  it("refuses YAML merge keys ('<<'), rather than reading them as a key or a run named '<<'", () => {
    const text = yaml(
      'experiments:',
      '  exp_a: &a { path: a, bhasa_conditions: [[null, null]] }',
      '  exp_b:',
      '    <<: *a',
      '    path: b',
      'hero_runs:',
      '  <<: *a',
    );
    const what =
      "YAML merge keys ('<<') are not supported; write the keys out, or give a whole entry as an alias (exp_b: *exp_a)";
    expect(problems(text)).toBe(
      [
        `leaderboard.config.yaml:4:5 experiments.exp_b.<<: ${what}`,
        `leaderboard.config.yaml:7:3 hero_runs.<<: ${what}`,
      ].join('\n'),
    );
    // An alias of a whole entry is fine.
    const alias = parse(yaml('experiments:', '  exp_a: &a { path: a }', 'hero_runs:', '  h: *a'));
    expect(alias.runs.map((run) => run.key)).toEqual(['exp_a', 'h']);
  });

  it('names each alias without an anchor before it, where it is written', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a, en_conditions: [[*glob, null]] }',
      '  exp_b: *a',
      '  *k : { path: c }',
      '  exp_c: &a { path: c }',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:2:38 experiments.exp_a.en_conditions[0][0]: the alias *glob has no anchor &glob before it',
        'leaderboard.config.yaml:3:10 experiments.exp_b: the alias *a has no anchor &a before it',
        'leaderboard.config.yaml:4:3 experiments: the alias *k has no anchor &k before it',
      ].join('\n'),
    );
  });

  it('rejects a second YAML document rather than ignoring it', () => {
    expect(problems(yaml('experiments: { exp_a: { path: a } }', '---', 'experimentz: {}'))).toBe(
      'leaderboard.config.yaml:2:1 (syntax): a second YAML document starts here; the config is one document',
    );
    // After an end marker too.
    expect(problems(yaml('experiments: { exp_a: { path: a } }', '...', 'experimentz: {}'))).toBe(
      'leaderboard.config.yaml:3:1 (syntax): a second YAML document starts here; the config is one document',
    );
    // A document start marker before the only document is fine, and so is an empty one after.
    expect(() =>
      parseConfigText(yaml('experiments: { exp_a: { path: a } }', '---'), FILE),
    ).not.toThrow();
    expect(() =>
      parseConfigText(yaml('---', 'experiments: { exp_a: { path: a } }'), FILE),
    ).not.toThrow();
  });

  it('names the file as the user gave it', () => {
    expect(problems(yaml('- x'), 'configs/../lb.yaml')).toBe(
      'configs/../lb.yaml:1:1 (root): expected a mapping, found a list',
    );
  });

  it('sorts problems by position and exposes them one per line', () => {
    const text = yaml('output: { save_merged: 1 }', 'experiments:', '  exp_a: { pth: a }');
    try {
      parseConfigText(text, FILE);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toBeInstanceOf(Error);
      if (!(error instanceof ConfigError)) return;
      expect(error.name).toBe('ConfigError');
      expect(error.problems).toEqual([
        'leaderboard.config.yaml:1:24 output.save_merged: expected a boolean, found a number',
        "leaderboard.config.yaml:3:12 experiments.exp_a.pth: unknown key; did you mean 'path'?",
      ]);
      expect(error.message).toBe(error.problems.join('\n'));
    }
  });
});

describe('parseConfigText: runs', () => {
  it('requires at least one run', () => {
    const noRuns = 'no runs: add an entry under experiments or hero_runs';
    expect(problems('')).toBe(`leaderboard.config.yaml:1:1 (root): ${noRuns}`);
    expect(problems(yaml('output: { base_dir: out }'))).toBe(
      `leaderboard.config.yaml:1:1 (root): ${noRuns}`,
    );
    expect(problems(yaml('output: {}', 'experiments:', 'hero_runs: {}'))).toBe(
      `leaderboard.config.yaml:2:1 experiments: ${noRuns}`,
    );
    expect(problems(yaml('hero_runs:', '  baselines: { g: { path: g } }'))).toBe(
      `leaderboard.config.yaml:1:1 hero_runs: ${noRuns}`,
    );
  });

  it('rejects a run key used twice, also across sections and in another case', () => {
    const text = yaml(
      'experiments:',
      '  exp_a: { path: a }',
      '  Shared: { path: b }',
      'hero_runs:',
      '  exp_a: { path: c }',
      '  shared: { path: d }',
    );
    expect(problems(text)).toBe(
      [
        "leaderboard.config.yaml:5:3 hero_runs.exp_a: run key 'exp_a' is also used by experiments.exp_a; both would write to the same report folder",
        "leaderboard.config.yaml:6:3 hero_runs.shared: run key 'shared' is also used by experiments.Shared (ignoring case); both would write to the same report folder",
      ].join('\n'),
    );
  });

  it('rejects a run key that differs from another only in Unicode form, as macOS sees one folder', () => {
    // 'café' with its é precomposed (NFC) and as e + U+0301 (NFD, as macOS writes names).
    const text = yaml(
      'experiments:',
      '  "caf\\u00e9": { path: a }',
      '  "Caf\\u00e9_2": { path: b }',
      'hero_runs:',
      '  "cafe\\u0301": { path: c }',
      '  "cafe\\u0301_2": { path: d }',
    );
    expect(problems(text)).toBe(
      [
        "leaderboard.config.yaml:5:3 hero_runs.cafe\u0301: run key 'cafe\u0301' is also used by experiments.caf\u00e9 (in another Unicode form, NFC or NFD: the same name to macOS); both would write to the same report folder",
        "leaderboard.config.yaml:6:3 hero_runs.cafe\u0301_2: run key 'cafe\u0301_2' is also used by experiments.Caf\u00e9_2 (ignoring case and Unicode form); both would write to the same report folder",
      ].join('\n'),
    );
  });

  it("rejects a run key that is a baseline's id, which results.json keys by too", () => {
    const text = yaml(
      'experiments:',
      '  BASELINE_experiments_bl: { path: a }',
      '  BASELINE_hero_runs_g: { path: b }',
      '  baseline_experiments_bl2: { path: c }',
      '  baselines:',
      '    bl: { path: d }',
      '    bl2: { path: e }',
      'hero_runs:',
      '  h: { path: f }',
      '  baselines: { g: { path: g } }',
    );
    expect(problems(text)).toBe(
      [
        "leaderboard.config.yaml:2:3 experiments.BASELINE_experiments_bl: run key 'BASELINE_experiments_bl' is the id of the baseline experiments.baselines.bl, and results.json keys both by it; rename the run",
        "leaderboard.config.yaml:3:3 experiments.BASELINE_hero_runs_g: run key 'BASELINE_hero_runs_g' is the id of the baseline hero_runs.baselines.g, and results.json keys both by it; rename the run",
      ].join('\n'),
    );
  });

  it('quotes a key holding a dot in a key path, so that it reads as one step', () => {
    const text = yaml('experiments:', '  exp_v1.2:', '    path: a', '    en_conditions: 3');
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:4:20 experiments["exp_v1.2"].en_conditions: expected a list of [include, exclude] pairs, found a number',
    );
  });

  it('rejects run keys that cannot name a report folder', () => {
    const text = yaml(
      'experiments:',
      '  "": { path: a }',
      '  ".": { path: a }',
      '  "..": { path: a }',
      '  a/b: { path: a }',
      '  "a\\\\b": { path: a }',
      '  "a\\0b": { path: a }',
      '  merged: { path: a }',
      'hero_runs:',
      '  Merged: { path: a }',
      '  results.json: { path: a }',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:2:3 experiments[""]: an empty run key cannot name a report folder; rename the run',
        'leaderboard.config.yaml:3:3 experiments["."]: \'.\' cannot name a report folder; rename the run',
        'leaderboard.config.yaml:4:3 experiments[".."]: \'..\' cannot name a report folder; rename the run',
        "leaderboard.config.yaml:5:3 experiments.a/b: 'a/b' cannot name a report folder (it contains '/'); rename the run",
        "leaderboard.config.yaml:6:3 experiments.a\\b: 'a\\b' cannot name a report folder (it contains '\\'); rename the run",
        'leaderboard.config.yaml:7:3 experiments["a\\u0000b"]: \'a\\u0000b\' cannot name a report folder (it contains a NUL character); rename the run',
        "leaderboard.config.yaml:8:3 experiments.merged: 'merged' is reserved for the merged reports; rename the run",
        "leaderboard.config.yaml:10:3 hero_runs.Merged: 'Merged' is reserved for the merged reports; rename the run",
        'leaderboard.config.yaml:11:3 hero_runs["results.json"]: \'results.json\' is reserved for the results file; rename the run',
      ].join('\n'),
    );
  });

  it("says to write true or false for YAML 1.1's yes, no, on and off", () => {
    const text = yaml(
      'experiments: { exp_a: { path: a } }',
      'output:',
      '  save_individual: Off',
      '  save_merged: n',
    );
    expect(problems(text)).toBe(
      [
        'leaderboard.config.yaml:3:20 output.save_individual: expected a boolean, found the string "Off", which YAML 1.2 reads as text; write false',
        'leaderboard.config.yaml:4:16 output.save_merged: expected a boolean, found the string "n", which YAML 1.2 reads as text; write false',
      ].join('\n'),
    );
    // The same file with YAML 1.1's directive reads them as booleans, as PyYAML did.
    const config = parse(`%YAML 1.1\n---\n${text}`);
    expect(config.output).toMatchObject({ saveIndividual: false, saveMerged: false });
  });

  it("refuses an output.base_dir with a leading '~', which would be a folder named '~'", () => {
    const text = (dir: string) =>
      yaml('experiments: { exp_a: { path: a } }', 'output:', `  base_dir: ${dir}`);
    const why =
      "a leading '~' is not your home folder here but a folder named '~'; write the full path";
    expect(problems(text('~/reports'))).toBe(
      `leaderboard.config.yaml:3:13 output.base_dir: expected a folder path, found '~/reports': ${why}`,
    );
    expect(problems(text("'~'"))).toBe(
      `leaderboard.config.yaml:3:13 output.base_dir: expected a folder path, found '~': ${why}`,
    );
    expect(parse(text('~reports')).output.baseDir).toBe(path.join(DIR, '~reports'));
    expect(parse(text('./~/reports')).output.baseDir).toBe(path.join(DIR, '~/reports'));
  });

  it('says to put conditions given as one bare [include, exclude] pair in a list', () => {
    const text = yaml(
      'experiments:',
      "  exp_a: { path: a, en_conditions: ['*lm_eval*', null] }",
      '  baselines:',
      '    gemma:',
      '      path: g',
      '      bhasa_conditions:',
      '        - seahelm*',
      "        - '*old*'",
    );
    const expected =
      'expected a list of [include, exclude] pairs, one for each path level, found 2 globs; for one level, write';
    expect(problems(text)).toBe(
      [
        `leaderboard.config.yaml:2:36 experiments.exp_a.en_conditions: ${expected} [['*lm_eval*', null]]`,
        `leaderboard.config.yaml:7:9 experiments.baselines.gemma.bhasa_conditions: ${expected} [['seahelm*', '*old*']]`,
      ].join('\n'),
    );
  });

  it('counts the columns of the first line from after a byte order mark, as an editor shows them', () => {
    expect(problems('\uFEFFexperiment:\n  exp_a: { path: a }\n')).toBe(
      "leaderboard.config.yaml:1:1 experiment: unknown key; did you mean 'experiments'?",
    );
    expect(problems('\uFEFFexperiments: { exp_a: { path: 5 } }\r\n')).toBe(
      'leaderboard.config.yaml:1:31 experiments.exp_a.path: expected a folder path, found a number',
    );
    expect(parse('\uFEFFexperiments: { exp_a: { path: a } }\r\n').runs.map((r) => r.key)).toEqual([
      'exp_a',
    ]);
  });

  it('rejects a run key too long to name a folder, counted in UTF-8 bytes', () => {
    // 255 bytes is the most a folder name may hold: 85 three-byte characters pass, 86 do not.
    const text = yaml(
      'experiments:',
      `  ${'実'.repeat(85)}: { path: a }`,
      `  ${'x'.repeat(256)}: { path: a }`,
      'hero_runs:',
      `  ${'実'.repeat(86)}: { path: a }`,
    );
    expect(problems(text)).toBe(
      [
        `leaderboard.config.yaml:3:3 experiments.${'x'.repeat(256)}: a run key of 256 bytes cannot name a report folder (a folder name holds at most 255); rename the run`,
        `leaderboard.config.yaml:5:3 hero_runs.${'実'.repeat(86)}: a run key of 258 bytes cannot name a report folder (a folder name holds at most 255); rename the run`,
      ].join('\n'),
    );
  });

  it('keeps YAML order, experiments first, even for integer-like keys', () => {
    const config = parse(
      yaml(
        'hero_runs:',
        '  hero: { path: h }',
        '  baselines: { hb: { path: hb } }',
        'experiments:',
        '  b: { path: b }',
        '  "2": { path: two }',
        '  baselines:',
        '    z: { path: z }',
        '    "10": { path: ten }',
        '  "1": { path: one }',
      ),
    );
    expect(config.runs.map((run) => [run.section, run.key, run.index, run.isHeroRun])).toEqual([
      ['experiments', 'b', 0, false],
      ['experiments', '2', 1, false],
      ['experiments', '1', 2, false],
      ['hero_runs', 'hero', 0, true],
    ]);
    expect(config.baselines.map((baseline) => [baseline.section, baseline.key])).toEqual([
      ['experiments', 'z'],
      ['experiments', '10'],
      ['hero_runs', 'hb'],
    ]);
  });

  it('names runs and baselines by their keys as written, not as the numbers YAML reads them as', () => {
    const config = parse(
      yaml(
        'experiments:',
        '  001: { path: a }',
        '  1e3: { path: b }',
        '  0x10: { path: c }',
        '  1.50: { path: d }',
        '  True: { path: e }',
        '  baselines:',
        '    2024: { path: f }',
        'hero_runs:',
        '  { 007: { path: g } }',
      ),
    );
    expect(config.runs.map((run) => run.key)).toEqual([
      '001',
      '1e3',
      '0x10',
      '1.50',
      'True',
      '007',
    ]);
    expect(config.baselines.map((baseline) => baseline.key)).toEqual(['2024']);
    // Keys are the same when written the same, and a key given twice is named as written.
    expect(
      parse(yaml('experiments:', '  001: { path: a }', '  1: { path: b }')).runs.map((r) => r.key),
    ).toEqual(['001', '1']);
    expect(problems(yaml('experiments:', '  1e3: { path: a }', '  1e3: { path: b }'))).toBe(
      'leaderboard.config.yaml:3:3 experiments.1e3: the key is given twice in one mapping (first at line 2); keep one',
    );
    // Messages name the key as the file has it.
    expect(problems(yaml('experiments:', '  1e3:', '    path: 5', '    pth: b'))).toBe(
      [
        'leaderboard.config.yaml:3:11 experiments.1e3.path: expected a folder path, found a number',
        "leaderboard.config.yaml:4:5 experiments.1e3.pth: unknown key; did you mean 'path'?",
      ].join('\n'),
    );
  });

  it('resolves baseline targets: absent or null means every run of the section, [] none', () => {
    const config = parse(
      yaml(
        'experiments:',
        '  a: { path: a }',
        '  b: { path: b }',
        '  c: { path: c }',
        '  baselines:',
        '    absent: { path: x }',
        '    nothing: { path: x, target_experiments: null }',
        '    none: { path: x, target_experiments: [] }',
        '    some: { path: x, target_experiments: [2, 0] }',
        'hero_runs:',
        '  h: { path: h }',
        '  baselines:',
        '    hb: { path: x }',
      ),
    );
    expect(config.baselines.map((baseline) => [baseline.key, baseline.targets])).toEqual([
      ['absent', [0, 1, 2]],
      ['nothing', [0, 1, 2]],
      ['none', []],
      ['some', [2, 0]],
      ['hb', [0]],
    ]);
  });

  it('accepts an empty baselines section', () => {
    const config = parse(yaml('experiments:', '  a: { path: a }', '  baselines:'));
    expect(config.baselines).toEqual([]);
  });

  it('resolves relative paths against the config folder and keeps absolute ones', () => {
    const absolute = path.resolve('/results/hero');
    const config = parse(
      yaml(
        'experiments:',
        '  a: { path: results/a }',
        '  baselines: { g: { path: ../elsewhere/gemma } }',
        'hero_runs:',
        `  h: { path: ${JSON.stringify(absolute)} }`,
        'output: { base_dir: out/reports }',
      ),
    );
    expect(config.configFile).toBe(ABS_FILE);
    expect(config.runs.map((run) => run.path)).toEqual([path.join(DIR, 'results/a'), absolute]);
    expect(config.baselines[0]?.path).toBe(path.resolve(DIR, '../elsewhere/gemma'));
    expect(config.output.baseDir).toBe(path.join(DIR, 'out/reports'));
  });

  it('resolves a relative config file against the working directory', () => {
    const config = parseConfigText(ONE_RUN, path.join('configs', FILE));
    expect(config.configFile).toBe(path.resolve('configs', FILE));
    expect(config.runs[0]?.path).toBe(path.resolve('configs', 'runs/exp_a'));
    expect(config.output.baseDir).toBe(path.resolve('configs', 'reports'));
  });

  it('lets overrides.baseDir replace base_dir, relative to the working directory', () => {
    const text = yaml('experiments: { a: { path: a } }', 'output: { base_dir: ignored }');
    expect(parseConfigText(text, ABS_FILE, { baseDir: 'out' }).output.baseDir).toBe(
      path.resolve('out'),
    );
    expect(parseConfigText(text, ABS_FILE, { baseDir: undefined }).output.baseDir).toBe(
      path.join(DIR, 'ignored'),
    );
  });

  it('turns conditions into include/exclude pairs', () => {
    const config = parse(
      yaml(
        'experiments:',
        '  a:',
        '    path: a',
        "    en_conditions: [['*lm_eval*', null], [null, '*old*']]",
        '    bhasa_conditions: []',
        '  baselines:',
        "    g: { path: g, bhasa_conditions: [['x*', 'y*']], en_conditions: null }",
      ),
    );
    expect(config.runs[0]?.enConditions).toEqual([
      { include: '*lm_eval*', exclude: null },
      { include: null, exclude: '*old*' },
    ]);
    expect(config.runs[0]?.bhasaConditions).toEqual([]);
    expect(config.baselines[0]?.enConditions).toBeNull();
    expect(config.baselines[0]?.bhasaConditions).toEqual([{ include: 'x*', exclude: 'y*' }]);
  });
});

describe('parseConfigText: defaults and options', () => {
  it('fills in every default', () => {
    expect(parse(ONE_RUN)).toEqual({
      configFile: ABS_FILE,
      runs: [
        {
          key: 'exp_a',
          section: 'experiments',
          path: path.join(DIR, 'runs/exp_a'),
          enConditions: null,
          bhasaConditions: null,
          index: 0,
          isHeroRun: false,
        },
      ],
      baselines: [],
      output: { baseDir: path.join(DIR, 'reports'), saveIndividual: true, saveMerged: true },
      seaLanguages: null,
      stepPatterns: [
        String.raw`ba(\d+)`,
        String.raw`step=(\d+)`,
        String.raw`global_step[_-]?(\d+)`,
        String.raw`step[_-](\d+)`,
        String.raw`checkpoint-(\d+)`,
        String.raw`iter_(\d+)`,
      ],
      fileIdentifiers: {
        seahelm: { pathContains: ['seahelm'], fileNames: [] },
        lmEval: {
          pathContains: ['lm-eval', 'lm_eval', 'hf_leaderboard'],
          fileNames: ['results_*.json'],
        },
      },
      seahelmTaskMetrics: {},
      hyperparameters: DEFAULT_HYPERPARAMETERS,
      site: {
        title: 'SEA-HELM Leaderboard',
        about: expect.stringMatching(/^SEA-HELM \(Southeast Asian Holistic Evaluation/),
        hostedBy: null,
        links: [],
        sections: [],
        version: null,
      },
    });
  });

  it('reads the site texts', () => {
    const config = parse(
      yaml(
        ONE_RUN,
        'site:',
        '  title: Internal board',
        '  about: Scores of our runs.',
        '  hosted_by: The AI Products Team',
        '  links: [{ label: Docs, href: https://example.org/docs }]',
        '  sections:',
        '    - title: Additional information',
        '      text: How we evaluate.',
        '    - { title: Links, links: [{ label: Form, href: https://example.org/form }] }',
        '  version: v1.2.3',
      ),
    );
    expect(config.site).toEqual({
      title: 'Internal board',
      about: 'Scores of our runs.',
      hostedBy: 'The AI Products Team',
      links: [{ label: 'Docs', href: 'https://example.org/docs' }],
      sections: [
        { title: 'Additional information', text: 'How we evaluate.', links: [] },
        { title: 'Links', text: '', links: [{ label: 'Form', href: 'https://example.org/form' }] },
      ],
      version: 'v1.2.3',
    });
  });

  it('rejects a section without a title, and a section link that would run code', () => {
    const text = yaml(
      ONE_RUN,
      'site:',
      '  sections:',
      '    - text: no title',
      '    - title: x',
      '      links: [{ label: x, href: "data:text/html,x" }]',
    );
    expect(problems(text)).toContain('site.sections[0]');
    expect(problems(text)).toContain(
      'site.sections[1].links[0].href: expected an http(s), mailto or relative address, found a data: address',
    );
  });

  it('rejects a site link that would run code when clicked', () => {
    const text = yaml(
      ONE_RUN,
      'site:',
      '  links:',
      '    - { label: x, href: " JavaScript:alert(1)" }',
    );
    expect(problems(text)).toBe(
      'leaderboard.config.yaml:6:25 site.links[0].href: expected an http(s), mailto or relative address, found a javascript: address',
    );
  });

  it('reads a link address as a browser does: tabs, line breaks and control characters hide no scheme', () => {
    for (const href of [
      '"java\\tscript:alert(1)"',
      '"java\\nscript:alert(1)"',
      '"\\u0001javascript:alert(1)"',
      '"vbscript:x"',
      '"file:///etc/passwd"',
    ]) {
      const text = yaml(ONE_RUN, 'site:', '  links:', `    - { label: x, href: ${href} }`);
      expect(problems(text)).toMatch(
        /site\.links\[0\]\.href: expected an http\(s\), mailto or relative address, found an? /,
      );
    }
    for (const href of [
      'https://example.org/a',
      'mailto:a@b.c',
      '/writeups/x/',
      'notes.html',
      '#top',
    ]) {
      const text = yaml(ONE_RUN, 'site:', '  links:', `    - { label: x, href: "${href}" }`);
      expect(() => parseConfigText(text, FILE)).not.toThrow();
    }
  });

  it('treats null sections like absent ones', () => {
    const config = parse(
      yaml(
        ONE_RUN,
        'output:',
        'sea_languages:',
        'step_patterns:',
        'file_identifiers:',
        'seahelm_task_metrics:',
        'hyperparameters:',
      ),
    );
    expect(config).toEqual(parse(ONE_RUN));
  });

  it('treats an empty value of every optional key like an absent key', () => {
    const config = parse(
      yaml(
        'experiments:',
        '  exp_a: { path: a, en_conditions:, bhasa_conditions: }',
        '  baselines:',
        '    b: { path: b, target_experiments:, en_conditions:, bhasa_conditions: }',
        'output: { base_dir:, save_individual:, save_merged: }',
        'file_identifiers:',
        '  seahelm: { path_contains:, file_names: }',
        '  lm_eval: { path_contains:, file_names: }',
        'site:',
        '  title:',
        '  about:',
        '  hosted_by:',
        '  links:',
        '  version:',
        '  sections:',
        '    - { title: More, text:, links: }',
      ),
    );
    const absent = parse(
      yaml(
        'experiments:',
        '  exp_a: { path: a }',
        '  baselines:',
        '    b: { path: b }',
        'site:',
        '  sections:',
        '    - { title: More }',
      ),
    );
    expect(config).toEqual(absent);
  });

  it('reads every option', () => {
    const config = parse(
      yaml(
        ONE_RUN,
        'output: { base_dir: /tmp/lb, save_individual: false, save_merged: false }',
        'sea_languages: [vi, id]',
        "step_patterns: ['ckpt(\\d+)']",
        'file_identifiers:',
        '  seahelm: { path_contains: [sea_helm] }',
        "  lm_eval: { file_names: ['*.json'] }",
        'seahelm_task_metrics: { my_task: normalized_accuracy }',
        "hyperparameters: [{ name: WD, pattern: 'WD([\\d.]+)' }]",
      ),
    );
    expect(config.output).toEqual({
      baseDir: path.resolve('/tmp/lb'),
      saveIndividual: false,
      saveMerged: false,
    });
    expect(config.seaLanguages).toEqual(['vi', 'id']);
    expect(config.stepPatterns).toEqual([String.raw`ckpt(\d+)`]);
    expect(config.fileIdentifiers).toEqual({
      seahelm: { pathContains: ['sea_helm'], fileNames: [] },
      lmEval: { pathContains: ['lm-eval', 'lm_eval', 'hf_leaderboard'], fileNames: ['*.json'] },
    });
    expect(config.seahelmTaskMetrics).toEqual({ my_task: 'normalized_accuracy' });
    expect(config.hyperparameters).toEqual([{ name: 'WD', pattern: String.raw`WD([\d.]+)` }]);
  });

  it('accepts empty lists where they make sense', () => {
    const config = parse(
      yaml(ONE_RUN, 'step_patterns: []', 'hyperparameters: []', 'sea_languages: []'),
    );
    expect(config.stepPatterns).toEqual([]);
    expect(config.hyperparameters).toEqual([]);
    expect(config.seaLanguages).toEqual([]);
  });
});

describe('defaults', () => {
  it('has compilable step patterns with one capture group each', () => {
    for (const source of DEFAULT_STEP_PATTERNS) {
      expect(new RegExp(`(?:${source})|`).exec('')?.length).toBe(2);
    }
    expect(DEFAULT_FILE_IDENTIFIERS.lmEval.fileNames).toEqual(['results_*.json']);
  });

  it('has hyperparameter patterns with exactly one capture group each', () => {
    expect(DEFAULT_HYPERPARAMETERS.map((h) => h.name)).toEqual([
      'en_ratio',
      'cc_ratio',
      'code_ratio',
      'hq_ratio',
      'LR',
      'GBS',
    ]);
    for (const { pattern } of DEFAULT_HYPERPARAMETERS) {
      expect(new RegExp(`(?:${pattern})|`).exec('')?.length).toBe(2);
    }
  });
});

describe('parseHyperparameters', () => {
  const read = (name: string) => parseHyperparameters(name, DEFAULT_HYPERPARAMETERS);

  it.each([
    ['x-LR1e-4-GBS64_20000', { LR: 1e-4, GBS: 64 }],
    ['cfg_LR3e-4_GBS1024_01000', { LR: 3e-4, GBS: 1024 }],
    ['LR0.0001', { LR: 0.0001 }],
    ['en_ratio0.2-cc_ratio0.3', { en_ratio: 0.2, cc_ratio: 0.3 }],
    ['code_ratio0.1_hq_ratio.5_00100', { code_ratio: 0.1, hq_ratio: 0.5 }],
    ['en_ratio.5.', { en_ratio: 0.5 }],
    ['run.LR2E+1', { LR: 20 }],
  ])('reads %s', (name, expected) => {
    expect(read(name)).toEqual(expected);
  });

  it.each(['CLR0.1', 'ten_ratio0.3', 'LR1e-4x', 'lr0.1', 'LR', 'GBS-64', 'model_01000'])(
    'finds nothing in %s',
    (name) => {
      expect(read(name)).toEqual({});
    },
  );

  it('uses the first capture group of custom patterns and skips non-numbers', () => {
    const patterns = [
      { name: 'WD', pattern: String.raw`wd(\d+(?:\.\d+)?)` },
      { name: 'empty', pattern: String.raw`x(\d*)y` },
      { name: 'text', pattern: 'tag-([a-z]+)' },
    ];
    expect(parseHyperparameters('wd0.1_xy_tag-abc', patterns)).toEqual({ WD: 0.1 });
  });
});

describe('suggestions', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('pth', 'path')).toBe(1);
    expect(editDistance('paht', 'path')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only close keys', () => {
    expect(closestKey('savemerged', ['save_individual', 'save_merged'])).toBe('save_merged');
    expect(closestKey('colour', ['base_dir', 'save_merged'])).toBeUndefined();
    expect(closestKey('PATH', ['path'])).toBe('path');
  });
});

describe('loadConfig', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'config-test-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a config file and resolves paths against its folder', async () => {
    const file = path.join(dir, FILE);
    await writeFile(file, ONE_RUN);
    const config = await loadConfig(file);
    expect(config.configFile).toBe(file);
    expect(config.runs[0]?.path).toBe(path.join(dir, 'runs/exp_a'));
  });

  it('resolves .. from the real folder of a config reached through a linked folder', async () => {
    // <dir>/deep/lb/leaderboard.config.yaml names ../results/a, that is <dir>/deep/results/a,
    // as `cd <dir>/link && ls ../results` finds it; <dir>/link is a link to <dir>/deep/lb.
    const folder = path.join(dir, 'deep/lb');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, FILE), yaml('experiments:', '  a: { path: ../results/a }'));
    await symlink(folder, path.join(dir, 'link'));
    const deep = await realpath(path.join(dir, 'deep'));
    for (const given of [
      path.join(folder, FILE),
      path.join(dir, 'link', FILE),
      path.join(dir, 'link/../link', FILE),
    ]) {
      const config = await loadConfig(given);
      expect(config.runs[0]?.path, given).toBe(path.join(deep, 'results/a'));
      expect(config.configFile, given).toBe(path.join(deep, 'lb', FILE));
    }
  });

  it('reports problems with the path as given', async () => {
    const file = path.join(dir, 'bad.yaml');
    await writeFile(file, yaml('experiments:', '  a: { path: a, x: 1 }'));
    const given = path.relative(process.cwd(), file);
    await expect(loadConfig(given)).rejects.toThrow(
      new ConfigError([
        `${given}:2:17 experiments.a.x: unknown key; expected one of: path, en_conditions, bhasa_conditions`,
      ]),
    );
  });

  it('reports a config that is not UTF-8 as such, not as a garbled key', async () => {
    const file = path.join(dir, 'utf16.yaml');
    const text = 'experiments:\n  a: { path: a }\n';
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await expect(loadConfig(file)).rejects.toThrow(
      new ConfigError([
        `${file}:1:1 (file): the file is UTF-16 little-endian text (it starts with that byte order mark), not UTF-8; save it as UTF-8`,
      ]),
    );
  });

  it('places the first byte of a Latin-1 config, and names UTF-16 written without a byte order mark', async () => {
    const latin1 = path.join(dir, 'latin1.yaml');
    // `é` in Latin-1 (0xe9) after `  café-` on line 2, whose `é` is UTF-8: column 8, byte 21.
    const text = Buffer.concat([
      Buffer.from('experiments:\n  café-', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(': { path: a }\n', 'utf8'),
    ]);
    await writeFile(latin1, text);
    await expect(loadConfig(latin1)).rejects.toThrow(
      new ConfigError([
        `${latin1}:2:8 (file): the file is not valid UTF-8 text: byte 0xe9 at line 2 (byte 21) starts no UTF-8 character (Latin-1 or another legacy encoding?); save it as UTF-8`,
      ]),
    );
    const utf16 = path.join(dir, 'utf16-no-bom.yaml');
    await writeFile(utf16, Buffer.from('experiments:\n  a: { path: a }\n', 'utf16le'));
    await expect(loadConfig(utf16)).rejects.toThrow(
      new ConfigError([
        `${utf16}:1:1 (file): the file looks like UTF-16 text without a byte order mark (a zero byte beside each character), not UTF-8; save it as UTF-8`,
      ]),
    );
  });

  it('reports a missing or unreadable file as a ConfigError', async () => {
    const missing = path.join(dir, 'missing.yaml');
    await expect(loadConfig(missing)).rejects.toThrow(
      `${missing}:1:1 (file): cannot read the config file: the file does not exist`,
    );
    await expect(loadConfig(dir)).rejects.toBeInstanceOf(ConfigError);
    await expect(loadConfig(dir)).rejects.toThrow(
      `${dir}:1:1 (file): cannot read the config file: it is a folder, not a file`,
    );
  });

  it('stops reading a file far bigger than any config, or one without end (/dev/zero)', async () => {
    const big = path.join(dir, 'big.yaml');
    await writeFile(big, '');
    await truncate(big, 100 * 2 ** 20); // sparse: nothing is written
    const over =
      'cannot read the config file: it holds over 8 MB; a config is a short YAML file (is this the right file?)';
    await expect(loadConfig(big)).rejects.toThrow(`${big}:1:1 (file): ${over}`);
    if (existsSync('/dev/zero')) {
      await expect(loadConfig('/dev/zero')).rejects.toThrow(`/dev/zero:1:1 (file): ${over}`);
    }
  });
});
