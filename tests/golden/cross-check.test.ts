/**
 * Cross-check: the CLI's lang/competency/task reports (per run and merged) must agree, cell by
 * cell, with the independent reference implementation in `tests/reference/reference-scorer.ts`.
 *
 * Cases: the bundled sample (`leaderboard.config.yaml` at the project root) and hand-made trees
 * under `tests/fixtures/trees/`:
 * - `steps-and-merging`: `ba`, `step=`, `global_step_`, `checkpoint-`, `iter_` step folders, a
 *   `baseline` folder that is no step, `run_<N>` folders, a file in the run root, two folders giving
 *   one model name (`ba10`/`ba010`), conditions with a null include, a SEA-HELM re-run with a later
 *   timestamp (usable entries supersede, error/partial ones do not), lm-eval split over three files
 *   (one undated), modified generative tasks, error/partial/null/NaN/Infinity entries, a clipped
 *   zero, upstream totals that must not be trusted, `-logprobs` twins, pragmatics with one failed
 *   task, unknown task and competency, languages missing in some rows, `en`/`zh`/`xx`/`km` codes,
 *   two baselines targeting one run, `target_experiments: []` and `null`, a hero-run root whose
 *   name contains `seahelm`, SEA-HELM content behind an lm-eval file name.
 * - `sea-languages`: a configured `sea_languages` list, an all-failed SEA row with English, a
 *   row with no configured language, IFEval with one value.
 * - `real-files`: copies of the real files of `tests/fixtures/real`.
 * - `value-rules`: the rules of scoring.md section 8 that change a value, a missing cell or the
 *   rows and columns (its README lists each file): values outside their scale and at its edges
 *   (100, 100 + 1e-10, 100 + 1e-8, -0), pragmatic counts (total 0, above 2^53 - 1, more correct
 *   than total), sample counts (0, -0, fractional, negative, 1e308, a string, 2^53 - 1 and 2^53,
 *   effective above original, n-samples not an object), entries that are not objects, invalid
 *   entries that never supersede, language codes in another case, column names that meet, a task
 *   under two competencies, impossible date-times, a model name holding a date-time before the
 *   file's own, lm-eval dates within a microsecond, steps above 2^53 - 1, files with no scored
 *   task (no row, no padding), fnmatch's `[^...]` and `[z-a]`.
 * - `team-layouts`: real files in the layouts teams use (its README): SEA-HELM's and lm-eval's own
 *   output folders below each checkpoint, steps named in five styles and at several depths,
 *   `step1000` folders that no default pattern reads, baselines chosen by conditions from one
 *   shared folder, a re-run whose error entry supersedes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  computeReference,
  isNearRoundingBoundary,
  toHundredths,
  type Cell,
  type ReferenceReports,
  type ReferenceTable,
  type ReportKind,
} from '../reference/reference-scorer.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const cliEntry = path.join(projectRoot, 'src/cli/main.ts');
const nodeBinary = path.join(projectRoot, 'node_modules/.bin/node');
const sampleConfig = path.join(projectRoot, 'leaderboard.config.yaml');
const treeConfig = (name: string): string =>
  path.join(projectRoot, 'tests/fixtures/trees', name, 'leaderboard.config.yaml');

const REPORT_FILES: Readonly<Record<ReportKind, string>> = {
  lang: 'lang_report.csv',
  competency: 'competency_report.csv',
  task: 'task_report.csv',
};

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function runCli(configFile: string): string {
  if (!existsSync(cliEntry)) throw new Error(`CLI not found: ${cliEntry}`);
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cross-check-'));
  tempDirs.push(outDir);
  try {
    execFileSync(nodeBinary, [cliEntry, '--no-gui', '--config', configFile, '--out', outDir], {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const e = error as { status?: number; stderr?: string; stdout?: string };
    throw new Error(
      `CLI failed (exit ${String(e.status)}) for ${configFile}\n${e.stderr ?? ''}${e.stdout ?? ''}`,
      { cause: error },
    );
  }
  return outDir;
}

/** Undoes the spreadsheet-formula guard of section 6 on a text cell. */
function unescapeText(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function readCsv(file: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true });
  return parsed.data;
}

function formatCell(value: Cell): string {
  return value === null ? '(missing)' : `${value} (rounds to ${toHundredths(value) / 100})`;
}

/** Describes why a CSV cell disagrees with the reference value, or null when it agrees. */
function cellMismatch(csvCell: string, reference: Cell): string | null {
  if (reference === null) return csvCell === '' ? null : `"${csvCell}" vs missing`;
  if (!/^-?\d+\.\d{2}$/.test(csvCell)) return `"${csvCell}" vs ${formatCell(reference)}`;
  if (csvCell === '-0.00') return `"-0.00" must be written 0.00`;
  const ours = Math.round(Number(csvCell) * 100);
  const expected = toHundredths(reference);
  if (ours === expected) return null;
  if (isNearRoundingBoundary(reference) && Math.abs(ours - expected) === 1) return null;
  return `"${csvCell}" vs ${formatCell(reference)}`;
}

function compareReport(
  label: string,
  kind: ReportKind,
  file: string,
  table: ReferenceTable,
  merged: boolean,
): string[] {
  const where = `[${label}] ${REPORT_FILES[kind]}`;
  if (!existsSync(file)) return [`${where}: file not written (${file})`];
  const [header = [], ...body] = readCsv(file);
  const problems: string[] = [];
  const keyColumns = merged ? ['model', 'run'] : ['model'];
  const expectedHeader = [...keyColumns, ...table.columns];
  if (header.join('\u0000') !== expectedHeader.join('\u0000')) {
    const missing = expectedHeader.filter((c) => !header.includes(c));
    const extra = header.filter((c) => !expectedHeader.includes(c));
    problems.push(
      `${where}: header differs\n    ours:      ${header.join(', ')}\n    reference: ${expectedHeader.join(', ')}` +
        (missing.length > 0 ? `\n    missing columns: ${missing.join(', ')}` : '') +
        (extra.length > 0 ? `\n    extra columns: ${extra.join(', ')}` : ''),
    );
  }
  const rowKey = (model: string, run: string): string => (merged ? `${model} @ ${run}` : model);
  const oursKeys = body.map((row) => rowKey(unescapeText(row[0] ?? ''), row[1] ?? ''));
  const refKeys = table.rows.map((row) => rowKey(row.model, row.run));
  if (oursKeys.join('\u0000') !== refKeys.join('\u0000')) {
    problems.push(
      `${where}: rows differ\n    ours:      ${oursKeys.join(' | ')}\n    reference: ${refKeys.join(' | ')}`,
    );
  }
  const columnIndex = new Map(header.map((c, i) => [c, i]));
  for (const refRow of table.rows) {
    const key = rowKey(refRow.model, refRow.run);
    const oursRow = body[oursKeys.indexOf(key)];
    if (oursRow === undefined) continue; // already reported as a row difference
    for (const column of table.columns) {
      const index = columnIndex.get(column);
      if (index === undefined) continue; // already reported as a header difference
      const problem = cellMismatch(oursRow[index] ?? '', refRow.cells.get(column) ?? null);
      if (problem !== null) {
        problems.push(`${where}: model ${key}, column ${column}: ours ${problem}`);
      }
    }
  }
  return problems;
}

function compareAll(configFile: string): string[] {
  const reference = computeReference(configFile);
  const outDir = runCli(configFile);
  const problems: string[] = [];
  const compareReports = (
    label: string,
    dir: string,
    reports: ReferenceReports,
    merged: boolean,
  ) => {
    for (const kind of ['lang', 'competency', 'task'] as const) {
      problems.push(
        ...compareReport(label, kind, path.join(dir, REPORT_FILES[kind]), reports[kind], merged),
      );
    }
  };
  if (reference.saveIndividual) {
    for (const run of reference.runOrder) {
      const reports = reference.runs.get(run);
      if (reports !== undefined) compareReports(run, path.join(outDir, run), reports, false);
    }
  }
  if (reference.saveMerged) {
    compareReports('merged', path.join(outDir, 'merged'), reference.merged, true);
  }
  return problems;
}

function expectNoMismatch(problems: readonly string[]): void {
  const shown = problems.slice(0, 300).join('\n');
  const more = problems.length > 300 ? `\n... and ${problems.length - 300} more` : '';
  expect(problems, `${problems.length} mismatch(es) with the reference:\n${shown}${more}`).toEqual(
    [],
  );
}

describe('cross-check of the CLI reports against the reference scorer', () => {
  it.skipIf(!existsSync(sampleConfig))(
    'bundled sample (leaderboard.config.yaml; skipped only while that file does not exist)',
    () => {
      expectNoMismatch(compareAll(sampleConfig));
    },
  );

  for (const tree of [
    'steps-and-merging',
    'sea-languages',
    'real-files',
    'value-rules',
    'team-layouts',
  ]) {
    it(`hand-made tree ${tree}`, () => {
      expectNoMismatch(compareAll(treeConfig(tree)));
    });
  }
});

// ------------------------------------------------------------------------------------------------
// The reference itself, checked on values worked out by hand from the fixture files.

type Json = Record<string, unknown>;

function readJson(relativeToTree: string): Json {
  const file = path.join(projectRoot, 'tests/fixtures/trees', relativeToTree);
  const text = readFileSync(file, 'utf8').replace(/\bNaN\b|-?\bInfinity\b/g, 'null');
  return JSON.parse(text) as Json;
}

function dig(object: unknown, ...keys: string[]): unknown {
  let current = object;
  for (const key of keys) current = (current as Json)[key];
  return current;
}

function num(object: unknown, ...keys: string[]): number {
  const value = dig(object, ...keys);
  if (typeof value !== 'number') throw new Error(`not a number at ${keys.join('.')}`);
  return value;
}

function row(reports: ReferenceReports | undefined, kind: ReportKind, model: string) {
  const found = reports?.[kind].rows.find((r) => r.model === model);
  if (found === undefined) throw new Error(`no ${kind} row ${model}`);
  return found.cells;
}

describe('reference scorer sanity (hand-computed values)', () => {
  const steps = computeReference(treeConfig('steps-and-merging'));
  const exp = steps.runs.get('exp_main');
  const cond = steps.runs.get('exp_cond');
  const hero = steps.runs.get('hero_seahelm_8b');
  const main = 'steps-and-merging/runs/exp_main';

  it('orders rows and pads steps per run', () => {
    expect(exp?.lang.rows.map((r) => r.model)).toEqual([
      'cfg_b_00300',
      'cfg_b_02000',
      'cfg_c_00000',
      'cfg_c_02000',
      'cfg_lr1e-4_00500',
      'cfg_lr1e-4_12000',
      'exp_main_00000',
      'BASELINE_experiments_base_shared_00000',
    ]);
    expect(cond?.lang.rows.map((r) => r.model)).toEqual([
      'CFG_Y_30',
      'cfg_skipme_10',
      'cfg_x_10',
      'cfg_x_20',
      'BASELINE_experiments_base_shared_00000',
      'BASELINE_experiments_base_second_0100',
      'BASELINE_experiments_base_second_2000',
    ]);
    expect(hero?.lang.rows.map((r) => r.model)).toEqual([
      'hero_seahelm_8b_100',
      'hero_seahelm_8b_250',
      'BASELINE_hero_runs_hero_base_00000',
    ]);
    expect(steps.runOrder).toEqual(['exp_main', 'exp_cond', 'hero_seahelm_8b']);
  });

  it('orders columns', () => {
    expect(exp?.lang.columns).toEqual([
      'sea_total',
      'id',
      'vi',
      'th',
      'ta',
      'tl',
      'ms',
      'jv',
      'xx',
      'en',
      'total',
    ]);
    const idCompetencies = exp?.competency.columns.filter((c) => c.startsWith('id_'));
    expect(idCompetencies).toEqual([
      'id_nlu',
      'id_nlg',
      'id_nlr',
      'id_instruction-following',
      'id_multi-turn',
      'id_safety',
      'id_knowledge',
      'id_linguistic-diagnostics',
    ]);
    expect(exp?.competency.columns.slice(-6)).toEqual([
      'IFEval',
      'BBH',
      'MATH Lvl 5',
      'GPQA',
      'MUSR',
      'MMLU-PRO',
    ]);
    expect(exp?.task.columns.filter((c) => c.startsWith('id_'))).toEqual(
      [
        ...['belebele-qa-mc', 'metaphor', 'qa', 'sentiment'],
        ...['abssum', 'translation-en-xx', 'translation-xx-en', 'causal', 'nli', 'if-eval'],
        ...['mt-bench', 'safeguard_general_prompt', 'safeguard_general_response', 'toxicity'],
        ...['global_mmlu_anatomy', 'global_mmlu_astronomy', 'global_mmlu_lite'],
        ...['mp-r', 'pragmatics', 'syntax-criteria'],
      ].map((t) => `id_${t}`),
    );
    expect(exp?.task.columns.filter((c) => c.startsWith('en_')).slice(0, 3)).toEqual([
      'en_ifeval_inst_level_strict_acc',
      'en_ifeval_prompt_level_strict_acc',
      'en_bbh_boolean_expressions',
    ]);
    expect(exp?.task.columns.filter((c) => c.startsWith('vi_')).slice(-1)).toEqual([
      'vi_my_new_task',
    ]);
  });

  it('merges lm-eval files: latest usable entry per task', () => {
    const old = readJson(`${main}/cfg_lr1e-4/ba500/lm_eval/old/results.json`);
    const later = readJson(
      `${main}/cfg_lr1e-4/ba500/lm_eval/math/results_2025-08-20T12-00-00.json`,
    );
    const ifevalFile = readJson(
      `${main}/cfg_lr1e-4/ba500/lm_eval/results_2025-08-20T11-00-00.json`,
    );
    const task = row(exp, 'task', 'cfg_lr1e-4_00500');
    const navigate = num(old, 'results', 'leaderboard_bbh_navigate', 'acc_norm,none');
    expect(task.get('en_bbh_navigate')).toBeCloseTo(((navigate - 0.5) / 0.5) * 100, 10);
    const snarks = num(later, 'results', 'leaderboard_bbh_snarks', 'acc_norm,none');
    expect(task.get('en_bbh_snarks')).toBeCloseTo(((snarks - 0.5) / 0.5) * 100, 10);
    const prompt = num(ifevalFile, 'results', 'leaderboard_ifeval', 'prompt_level_strict_acc,none');
    const inst = num(ifevalFile, 'results', 'leaderboard_ifeval', 'inst_level_strict_acc,none');
    expect(row(exp, 'competency', 'cfg_lr1e-4_00500').get('IFEval')).toBeCloseTo(
      ((prompt + inst) / 2) * 100,
      10,
    );
  });

  it('scores GPQA as norm of the sample-weighted mean, modified subtask missing', () => {
    const file = readJson(`${main}/cfg_b/step=2000/lm_eval/results_2025-08-23T00-00-00.json`);
    const value = (s: string): number =>
      num(file, 'results', `leaderboard_gpqa_${s}`, 'acc_norm,none');
    const weight = (s: string): number =>
      num(file, 'n-samples', `leaderboard_gpqa_${s}`, 'effective');
    const weighted =
      (value('main') * weight('main') + value('extended') * weight('extended')) /
      (weight('main') + weight('extended'));
    const competency = row(exp, 'competency', 'cfg_b_02000');
    expect(competency.get('GPQA')).toBeCloseTo((Math.max(weighted - 0.25, 0) / 0.75) * 100, 10);
    expect(row(exp, 'task', 'cfg_b_02000').get('en_gpqa_diamond')).toBeNull();
    expect(competency.get('BBH')).toBeNull();
  });

  it('merges SEA-HELM re-runs: usable later entries win, failed and partial ones do not', () => {
    const run0 = readJson(
      `${main}/cfg_b/step=2000/seahelm/run_0/results/m_seahelm_results_2025-08-21T00:00:00.json`,
    );
    const run1 = readJson(
      `${main}/cfg_b/step=2000/seahelm/run_1/results/m_seahelm_results_2025-08-22T00:00:00.json`,
    );
    const task = row(exp, 'task', 'cfg_b_02000');
    expect(task.get('id_sentiment')).toBe(
      num(run1, 'id', 'nlu', 'sentiment', 'normalized_accuracy'),
    );
    expect(task.get('id_qa')).toBe(num(run0, 'id', 'nlu', 'qa', 'normalized_f1'));
    expect(task.get('vi_causal')).toBe(num(run0, 'vi', 'nlr', 'causal', 'normalized_accuracy'));
    expect(row(exp, 'lang', 'cfg_b_02000').get('ms')).not.toBeNull();
  });

  it('breaks timestamp ties by path; undated files are oldest', () => {
    const dir = 'steps-and-merging/runs/exp_cond/cfg_x/ba20/seahelm';
    const direct = readJson(`${dir}/x_seahelm_results_2025-08-02T00:00:00.json`);
    const zz = readJson(`${dir}/zz/x_seahelm_results_2025-08-02T00:00:00.json`);
    const undated = readJson(`${dir}/undated_seahelm_results.json`);
    const task = row(cond, 'task', 'cfg_x_20');
    expect(task.get('id_sentiment')).toBe(
      num(direct, 'id', 'nlu', 'sentiment', 'normalized_accuracy'),
    );
    expect(task.get('id_causal')).toBe(num(zz, 'id', 'nlr', 'causal', 'normalized_accuracy'));
    expect(task.get('id_qa')).toBe(num(direct, 'id', 'nlu', 'qa', 'normalized_f1'));
    expect(task.get('id_paraphrase')).toBe(
      num(undated, 'id', 'nlu', 'paraphrase', 'normalized_accuracy'),
    );
  });

  it('handles NaN tokens, error, partial and null entries as missing', () => {
    const nan = row(exp, 'task', 'cfg_b_00300');
    expect(nan.get('id_sentiment')).toBeNull();
    expect(nan.get('th_qa')).toBeNull();
    expect(nan.get('id_causal')).not.toBeNull();
    expect(row(exp, 'task', 'cfg_b_00300').get('en_bbh_hyperbaton')).toBeNull();
    const late = row(exp, 'task', 'cfg_lr1e-4_12000');
    expect(late.get('vi_translation-xx-en')).toBeNull();
    expect(late.get('vi_nli')).toBeNull();
    expect(late.get('ta_abssum')).toBeNull();
    const file = readJson(
      `${main}/cfg_lr1e-4/ba12000/seahelm/cfg_seahelm_results_2025-08-25T10:00:00.json`,
    );
    // nlg = mean(abssum, translations) with translations = the en-xx direction alone
    expect(row(exp, 'competency', 'cfg_lr1e-4_12000').get('vi_nlg')).toBeCloseTo(
      (num(file, 'vi', 'nlg', 'abssum', 'normalized_rougel_f1') +
        num(file, 'vi', 'nlg', 'translation-en-xx', 'normalized_metricx_wmt24_scores')) /
        2,
      10,
    );
    expect(row(exp, 'lang', 'cfg_lr1e-4_12000').get('en')).toBeNull();
    expect(row(exp, 'lang', 'cfg_lr1e-4_12000').get('total')).toBeNull();
  });

  it('computes pragmatics from the remaining task when one fails', () => {
    const file = readJson(
      'steps-and-merging/runs/hero_seahelm_8b/checkpoint-100/seahelm/h_seahelm_results_2025-09-01T00:00:00.json',
    );
    const sub = dig(
      file,
      'id',
      'linguistic-diagnostics',
      'pragmatic-pair',
      'subcategories',
    ) as Record<string, [number, number]>;
    const accuracies = Object.values(sub).map(([c, t]) => c / t);
    const accuracy = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    const pragmatics = Math.max((accuracy - 0.5) / 0.5, 0) * 100;
    expect(row(hero, 'task', 'hero_seahelm_8b_100').get('id_pragmatics')).toBeCloseTo(
      pragmatics,
      10,
    );
    const mpr = num(file, 'id', 'linguistic-diagnostics', 'mp-r', 'normalized_accuracy');
    expect(
      row(hero, 'competency', 'hero_seahelm_8b_100').get('id_linguistic-diagnostics'),
    ).toBeCloseTo((mpr + pragmatics) / 2, 10);
  });

  it('ignores upstream totals and groups; averages aggregation groups first', () => {
    const file = readJson(
      `${main}/cfg_lr1e-4/ba500/seahelm/cfg_seahelm_results_2025-08-20T10:00:00.123456.json`,
    );
    const v = (comp: string, task: string, metric: string): number =>
      num(file, 'id', comp, task, metric);
    const nlg =
      (v('nlg', 'abssum', 'normalized_rougel_f1') +
        (v('nlg', 'translation-en-xx', 'normalized_metricx_wmt24_scores') +
          v('nlg', 'translation-xx-en', 'normalized_metricx_wmt24_scores')) /
          2) /
      2;
    expect(row(exp, 'competency', 'cfg_lr1e-4_00500').get('id_nlg')).toBeCloseTo(nlg, 10);
    expect(row(exp, 'task', 'cfg_lr1e-4_00500').get('th_causal')).toBe(0);
  });

  it('uses the configured SEA language list', () => {
    const languages = computeReference(treeConfig('sea-languages')).runs.get('e1');
    expect(languages?.lang.columns).toEqual(['sea_total', 'th', 'id', 'jv', 'xx', 'en', 'total']);
    const failed = row(languages, 'lang', 'alpha_2');
    expect(failed.get('sea_total')).toBeNull();
    expect(failed.get('en')).not.toBeNull();
    expect(failed.get('total')).toBeNull();
    expect(row(languages, 'lang', 'beta_4').get('sea_total')).toBeNull();
  });
});
