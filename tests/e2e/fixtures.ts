/** Result trees for browser tests, written at run time (names no file system should have to hold in git). */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT } from './harness.ts';

export const EVIL = '<img src=x onerror=alert(1)>';

function seahelmFile(score: number, evilTask: boolean): string {
  const task = (value: number) => ({ normalized_accuracy: value, null_count: 0 });
  return JSON.stringify({
    id: {
      nlu: { sentiment: task(score), ...(evilTask ? { [EVIL]: task(score / 2) } : {}) },
      nlr: { causal: task(score - 5) },
    },
    vi: { nlu: { sentiment: task(score + 3) } },
  });
}

function lmEvalFile(acc: number): string {
  return JSON.stringify({
    results: { leaderboard_mmlu_pro: { alias: 'leaderboard_mmlu_pro', 'acc,none': acc } },
    configs: { leaderboard_mmlu_pro: { output_type: 'multiple_choice' } },
    versions: { leaderboard_mmlu_pro: 0.1 },
    'n-samples': { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
    date: 1735689600,
  });
}

/** A tree whose run key, configuration folder, model and a task are all script-like names. */
export function evilSite(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-evil-'));
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  for (const [step, score] of [
    [1000, 40],
    [2000, 55],
  ] as const) {
    write(
      `runs/${EVIL}/ba${step}/seahelm/m_seahelm_results_2025-01-0${step / 1000}T00:00:00.json`,
      seahelmFile(score, true),
    );
    write(
      `runs/${EVIL}/ba${step}/lm-eval/results_2025-01-0${step / 1000}T00-00-00.json`,
      lmEvalFile(0.3 + step / 10000),
    );
  }
  write('baseline/seahelm/b_seahelm_results_2025-01-01T00:00:00.json', seahelmFile(50, false));
  write(
    'leaderboard.config.yaml',
    [
      'site:',
      `  title: "Board ${EVIL}"`,
      `  about: "About ${EVIL}"`,
      '  sections:',
      `    - title: "Notes ${EVIL}"`,
      `      text: "First ${EVIL}\\n\\nSecond"`,
      `      links: [{ label: "Link ${EVIL}", href: "https://example.org/" }]`,
      'experiments:',
      `  "${EVIL}":`,
      '    path: runs',
      '  baselines:',
      `    "${EVIL}":`,
      '      path: baseline',
      '',
    ].join('\n'),
  );
  return path.join(root, 'leaderboard.config.yaml');
}

/**
 * Three runs without a model: one folder holds no .json file, the other two paths do not exist,
 * one of them named like markup (the reason quotes it).
 */
export function runsWithoutModels(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-empty-'));
  fs.mkdirSync(path.join(root, 'runs/empty'), { recursive: true });
  fs.writeFileSync(path.join(root, 'runs/empty/notes.txt'), 'results to come\n');
  const config = path.join(root, 'leaderboard.config.yaml');
  const yaml = ['experiments:', '  exp_empty:', '    path: runs/empty', '  exp_gone:'];
  const markup = ['  exp_markup:', `    path: "runs/${EVIL}"`];
  fs.writeFileSync(config, [...yaml, '    path: runs/gone', ...markup, ''].join('\n'));
  return config;
}

/** A run whose path does not exist yet, with a baseline merged into it: its one row. */
export function runWithBaselineOnly(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-baseline-only-'));
  const baseline = path.join(root, 'baseline/seahelm/bl_seahelm_results_2025-01-01T00:00:00.json');
  fs.mkdirSync(path.dirname(baseline), { recursive: true });
  const scores = { id: { nlu: { sentiment: { normalized_accuracy: 60 } } } };
  fs.writeFileSync(baseline, JSON.stringify(scores));
  const config = path.join(root, 'leaderboard.config.yaml');
  const yaml = ['experiments:', '  exp_later:', '    path: runs/later', '  baselines:'];
  const baselines = ['    bl:', '      path: baseline'];
  fs.writeFileSync(config, [...yaml, ...baselines, ''].join('\n'));
  return config;
}

/** A run key of 60 characters: wider than the comparison's Run column on one line. */
export const LONG_RUN_KEY = 'exp_datamix_en0.35_cc0.30_code0.15_math0.10_seed123_warmup2k';

/** The sample's exp_datamix under LONG_RUN_KEY, beside the sample's exp_lr_gbs. */
export function longRunKey(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-long-key-'));
  const sample = (run: string) =>
    JSON.stringify(path.join(PROJECT, 'examples/sample/results', run));
  const config = path.join(root, 'leaderboard.config.yaml');
  const yaml = ['experiments:', `  ${LONG_RUN_KEY}:`, `    path: ${sample('exp_datamix')}`];
  fs.writeFileSync(
    config,
    [...yaml, '  exp_lr_gbs:', `    path: ${sample('exp_lr_gbs')}`, ''].join('\n'),
  );
  return config;
}

/**
 * The sample's runs under keys whose YAML order is not their order by name in any locale:
 * experiments `zeta` and `Alpha`, hero run `beta`.
 */
export function runsOutOfNameOrder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-run-order-'));
  const sample = (run: string) =>
    JSON.stringify(path.join(PROJECT, 'examples/sample/results', run));
  const yaml = [
    'experiments:',
    '  zeta:',
    `    path: ${sample('exp_lr_gbs')}`,
    '  Alpha:',
    `    path: ${sample('exp_datamix')}`,
    'hero_runs:',
    '  beta:',
    `    path: ${sample('hero_8b')}`,
  ];
  const config = path.join(root, 'leaderboard.config.yaml');
  fs.writeFileSync(config, [...yaml, ''].join('\n'));
  return config;
}

/** A configuration name of 84 characters, as a sweep of two hyperparameters may give. */
export const LONG_CONFIG =
  'llama3.1-8b-cpt-sea-mix-v3-cosine-warmup2000-seq8192-LR1e-4-GBS512-bf16-zero3-run01';

/**
 * A run of Sundanese and Khmer (language names wider than their letter count says in a bold
 * font) with tasks named with underscores, as SEA-HELM 2026 has them (`safeguard_general_prompt`),
 * and a configuration named LONG_CONFIG.
 */
export function wideNames(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-wide-headers-'));
  const task = (value: number) => ({ normalized_accuracy: value, null_count: 0 });
  const language = (score: number) => ({
    nlu: { sentiment: task(score) },
    safety: {
      safeguard_general_prompt: task(score + 1),
      safeguard_cultural_in_the_wild: task(score + 2),
    },
    knowledge: { global_mmlu_lite: task(score + 3) },
  });
  const file = path.join(
    root,
    `runs/exp/${LONG_CONFIG}/ba1000/m_seahelm_results_2025-01-01T00:00:00.json`,
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ id: language(40), su: language(50), km: language(60) }));
  const config = path.join(root, 'leaderboard.config.yaml');
  fs.writeFileSync(config, ['experiments:', '  exp:', '    path: runs/exp', ''].join('\n'));
  return config;
}
