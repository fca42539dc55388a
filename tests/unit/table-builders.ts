/**
 * Small builders for score-stage tests: models from compact specs, tables from models. They
 * build the parse stage's output by hand, so each test states its inputs in a few lines.
 */
import { isLimitedTask } from '../../src/lib/parse/lmeval.ts';
import type { LmTask, SeaEntry } from '../../src/lib/parse/types.ts';
import type { Cell } from '../../src/lib/score/cell.ts';
import type { Model } from '../../src/lib/score/models.ts';
import { rowFacts } from '../../src/lib/score/row-facts.ts';
import { buildTable, type Table } from '../../src/lib/score/table.ts';

/** A SEA-HELM entry: a score, a non-ok status, or pragmatic counts / phenomena. */
export type SeaSpec =
  | number
  | 'failed'
  | 'missing'
  | 'invalid'
  | { readonly counts: Readonly<Record<string, readonly [number, number]>> }
  | { readonly phenomena: Readonly<Record<string, number>> };

/** `'id.nlu.sentiment': 60` -> a SeaEntry. */
export function seaEntries(spec: Readonly<Record<string, SeaSpec>>): SeaEntry[] {
  return Object.entries(spec).map(([key, value]) => {
    const [lang = '', competency = '', ...rest] = key.split('.');
    const base = { lang, competency, task: rest.join('.') };
    if (typeof value === 'number') return { ...base, status: 'ok', value, detail: '' };
    if (typeof value === 'string') {
      return { ...base, status: value, value: null, detail: `${value} in the test` };
    }
    return { ...base, status: 'ok', value: null, detail: '', ...value };
  });
}

export interface LmSpec {
  /** `metric,filter` -> value. */
  readonly metrics?: Readonly<Record<string, number>>;
  readonly invalid?: Readonly<Record<string, string>>;
  readonly stderr?: Readonly<Record<string, number>>;
  /** n-samples; `effective` null means the file has no count. */
  readonly effective?: number | null;
  readonly original?: number | null;
  readonly outputType?: string | null;
}

export function lmTasks(spec: Readonly<Record<string, LmSpec>>): LmTask[] {
  return Object.entries(spec).map(([task, s]) => ({
    task,
    metrics: s.metrics ?? {},
    invalid: s.invalid ?? {},
    stderr: s.stderr ?? {},
    original: s.original === undefined ? (s.effective ?? null) : s.original,
    effective: s.effective ?? null,
    uncheckedLimit: null,
    outputType: s.outputType ?? null,
  }));
}

export interface ModelSpec {
  readonly name: string;
  readonly sea?: Readonly<Record<string, SeaSpec>>;
  readonly lm?: Readonly<Record<string, LmSpec>>;
  readonly step?: number;
}

export function model(spec: ModelSpec): Model {
  const lm = spec.lm === undefined ? null : lmTasks(spec.lm);
  return {
    name: spec.name,
    source: 0,
    stem: spec.name,
    step: spec.step ?? 0,
    sea: spec.sea === undefined ? null : seaEntries(spec.sea),
    lm,
    limited: (lm ?? []).some(isLimitedTask),
    files: [],
  };
}

export interface RowSpec extends ModelSpec {
  /** Baseline id for a merged baseline row. */
  readonly baseline?: string;
}

export function table(
  rows: readonly RowSpec[],
  seaLanguages: readonly string[] = ['id', 'vi', 'th', 'ta', 'tl'],
  extraMetrics: Readonly<Record<string, string>> = {},
): Table {
  return buildTable(
    rows.map((r) => ({ facts: rowFacts(model(r), extraMetrics), baseline: r.baseline ?? null })),
    seaLanguages,
  );
}

export function cell(t: Table, modelName: string, column: string): Cell {
  const row = t.rows.find((r) => r.model === modelName);
  if (row === undefined) throw new Error(`no row ${modelName}`);
  const found = row.cells.get(column);
  if (found === undefined) {
    throw new Error(`no column ${column}; columns: ${[...row.cells.keys()].join(', ')}`);
  }
  return found;
}

/** Every value of one row, by column (null for empty cells). */
export function values(t: Table, modelName: string): Record<string, number | null> {
  const row = t.rows.find((r) => r.model === modelName);
  if (row === undefined) throw new Error(`no row ${modelName}`);
  return Object.fromEntries([...row.cells].map(([column, c]) => [column, c.value]));
}

/** The 24 BBH subtasks with their option counts (scoring.md section 4). */
export const BBH_OPTIONS: Readonly<Record<string, number>> = {
  boolean_expressions: 2,
  causal_judgement: 2,
  formal_fallacies: 2,
  hyperbaton: 2,
  navigate: 2,
  snarks: 2,
  sports_understanding: 2,
  web_of_lies: 2,
  disambiguation_qa: 3,
  logical_deduction_three_objects: 3,
  tracking_shuffled_objects_three_objects: 3,
  temporal_sequences: 4,
  logical_deduction_five_objects: 5,
  penguins_in_a_table: 5,
  tracking_shuffled_objects_five_objects: 5,
  date_understanding: 6,
  movie_recommendation: 6,
  ruin_names: 6,
  salient_translation_error_detection: 6,
  logical_deduction_seven_objects: 7,
  tracking_shuffled_objects_seven_objects: 7,
  geometric_shapes: 11,
  reasoning_about_colored_objects: 18,
  object_counting: 19,
};

/** n-samples `original` of the MATH Lvl 5 subtasks (result-formats.md section 2.5). */
export const MATH_SAMPLES: Readonly<Record<string, number>> = {
  algebra: 307,
  counting_and_prob: 123,
  geometry: 132,
  intermediate_algebra: 280,
  num_theory: 154,
  prealgebra: 193,
  precalculus: 135,
};

/**
 * A complete English run, values chosen by hand (see evaluate.test.ts for the arithmetic):
 * IFEval 65, BBH 97.916..., MATH 26.956..., GPQA 5.454..., MUSR 23.333..., MMLU-PRO 40.
 */
export function fullEnglish(): Record<string, LmSpec> {
  const spec: Record<string, LmSpec> = {
    leaderboard_ifeval: {
      metrics: { 'prompt_level_strict_acc,none': 0.6, 'inst_level_strict_acc,none': 0.7 },
      effective: 541,
    },
    leaderboard_gpqa_diamond: { metrics: { 'acc_norm,none': 0.2 }, effective: 198 },
    leaderboard_gpqa_extended: { metrics: { 'acc_norm,none': 0.3 }, effective: 546 },
    leaderboard_gpqa_main: { metrics: { 'acc_norm,none': 0.32 }, effective: 448 },
    leaderboard_musr_murder_mysteries: { metrics: { 'acc_norm,none': 0.6 }, effective: 250 },
    leaderboard_musr_object_placements: { metrics: { 'acc_norm,none': 0.4 }, effective: 256 },
    leaderboard_musr_team_allocation: { metrics: { 'acc_norm,none': 0.5 }, effective: 250 },
    leaderboard_mmlu_pro: { metrics: { 'acc,none': 0.46 }, effective: 12032 },
  };
  for (const name of Object.keys(BBH_OPTIONS)) {
    spec[`leaderboard_bbh_${name}`] = {
      metrics: { 'acc_norm,none': name === 'navigate' ? 0.75 : 1 },
      effective: 250,
    };
  }
  for (const [name, samples] of Object.entries(MATH_SAMPLES)) {
    spec[`leaderboard_math_${name}_hard`] = {
      metrics: { 'exact_match,none': name === 'algebra' ? 0.5 : 0.2 },
      effective: samples,
    };
  }
  return spec;
}
