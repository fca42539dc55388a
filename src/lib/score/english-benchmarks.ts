/**
 * The six Open LLM Leaderboard v2 benchmarks (scoring.md section 4): which lm-eval task keys feed
 * which competency column, with which metric, option count and task-report column.
 */

export type Combine = 'mean' | 'sample-weighted' | 'gpqa';

export interface SubtaskSpec {
  /** The lm-eval task key, e.g. `leaderboard_bbh_navigate`. */
  readonly task: string;
  /** Exactly the key read from `results[task]`. */
  readonly metric: string;
  /** Answer options for norm(v, n); null for generative values (v * 100). */
  readonly options: number | null;
  /** Task report column, e.g. `en_bbh_navigate`. */
  readonly column: string;
}

export interface BenchmarkSpec {
  /** Competency column. */
  readonly column: string;
  readonly combine: Combine;
  /** Subtasks in task-report order (by name). */
  readonly subtasks: readonly SubtaskSpec[];
}

const BBH_OPTIONS: Readonly<Record<string, number>> = {
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

const MUSR_OPTIONS: Readonly<Record<string, number>> = {
  murder_mysteries: 2,
  object_placements: 5,
  team_allocation: 3,
};

const MATH_SUBTASKS = [
  'algebra',
  'counting_and_prob',
  'geometry',
  'intermediate_algebra',
  'num_theory',
  'prealgebra',
  'precalculus',
];

const byName = (a: SubtaskSpec, b: SubtaskSpec) => (a.column < b.column ? -1 : 1);

function family(
  prefix: string,
  columnPrefix: string,
  metric: string,
  options: Readonly<Record<string, number | null>>,
): SubtaskSpec[] {
  return Object.entries(options)
    .map(([name, n]) => ({
      task: `${prefix}${name}`,
      metric,
      options: n,
      column: `${columnPrefix}${name}`,
    }))
    .sort(byName);
}

export const BENCHMARKS: readonly BenchmarkSpec[] = [
  {
    column: 'IFEval',
    combine: 'mean',
    subtasks: [
      {
        task: 'leaderboard_ifeval',
        metric: 'inst_level_strict_acc,none',
        options: null,
        column: 'en_ifeval_inst_level_strict_acc',
      },
      {
        task: 'leaderboard_ifeval',
        metric: 'prompt_level_strict_acc,none',
        options: null,
        column: 'en_ifeval_prompt_level_strict_acc',
      },
    ],
  },
  {
    column: 'BBH',
    combine: 'mean',
    subtasks: family('leaderboard_bbh_', 'en_bbh_', 'acc_norm,none', BBH_OPTIONS),
  },
  {
    column: 'MATH Lvl 5',
    combine: 'sample-weighted',
    subtasks: family(
      'leaderboard_math_',
      'en_math_',
      'exact_match,none',
      Object.fromEntries(MATH_SUBTASKS.map((name) => [`${name}_hard`, null])),
    ),
  },
  {
    column: 'GPQA',
    combine: 'gpqa',
    subtasks: family('leaderboard_gpqa_', 'en_gpqa_', 'acc_norm,none', {
      diamond: 4,
      extended: 4,
      main: 4,
    }),
  },
  {
    column: 'MUSR',
    combine: 'mean',
    subtasks: family('leaderboard_musr_', 'en_musr_', 'acc_norm,none', MUSR_OPTIONS),
  },
  {
    column: 'MMLU-PRO',
    combine: 'mean',
    subtasks: [
      { task: 'leaderboard_mmlu_pro', metric: 'acc,none', options: 10, column: 'en_mmlu_pro' },
    ],
  },
];

export const ENGLISH_COLUMNS: readonly string[] = BENCHMARKS.map((b) => b.column);

/** Every lm-eval task key the benchmarks read. */
export const KNOWN_TASKS: ReadonlySet<string> = new Set(
  BENCHMARKS.flatMap((b) => b.subtasks.map((s) => s.task)),
);

/** lm-eval group entries (placeholders or aggregates): never inputs. */
export const GROUP_TASKS: ReadonlySet<string> = new Set([
  'leaderboard',
  'leaderboard_bbh',
  'leaderboard_gpqa',
  'leaderboard_math_hard',
  'leaderboard_musr',
]);

/** The metrics each task key needs, for deciding whether an entry is usable. */
export const METRICS_BY_TASK: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const b of BENCHMARKS) {
    for (const s of b.subtasks) map.set(s.task, [...(map.get(s.task) ?? []), s.metric]);
  }
  return map;
})();

/** norm(v, n) = max(v - 1/n, 0) / (1 - 1/n) * 100; generative values: v * 100. */
export function normalize(value: number, options: number | null): number {
  if (options === null) return value * 100;
  const chance = 1 / options;
  return (Math.max(value - chance, 0) / (1 - chance)) * 100;
}

/** The factor that maps a raw stderr onto the normalized scale (clipping ignored). */
export function stderrScale(options: number | null): number {
  return options === null ? 100 : 100 / (1 - 1 / options);
}
