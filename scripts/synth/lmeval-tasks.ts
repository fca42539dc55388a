/**
 * The Open LLM Leaderboard v2 task set of lm-evaluation-harness (`lm_eval/tasks/leaderboard/`),
 * as listed in result-formats.md section 2.5: names, metrics, answer options, sizes.
 */

export type Benchmark = 'bbh' | 'gpqa' | 'ifeval' | 'math_hard' | 'mmlu_pro' | 'musr';

export interface LeaderboardTask {
  readonly name: string;
  readonly benchmark: Benchmark;
  /** The task's metric names (without `,none`). */
  readonly metrics: readonly string[];
  /** Answer options of a multiple-choice task (chance 1/n); absent for generative tasks. */
  readonly options?: number;
  /** `n-samples.original`. */
  readonly size: number;
  readonly nShot: number;
  readonly outputType: 'multiple_choice' | 'generate_until';
  /** Short dataset name (`navigate`, `gpqa_main`, `algebra`). */
  readonly subset: string;
}

/** BBH subtask -> answer options (scoring.md section 4) and size. */
const BBH: readonly (readonly [string, number, number])[] = [
  ['boolean_expressions', 2, 250],
  ['causal_judgement', 2, 187],
  ['date_understanding', 6, 250],
  ['disambiguation_qa', 3, 250],
  ['formal_fallacies', 2, 250],
  ['geometric_shapes', 11, 250],
  ['hyperbaton', 2, 250],
  ['logical_deduction_five_objects', 5, 250],
  ['logical_deduction_seven_objects', 7, 250],
  ['logical_deduction_three_objects', 3, 250],
  ['movie_recommendation', 6, 250],
  ['navigate', 2, 250],
  ['object_counting', 19, 250],
  ['penguins_in_a_table', 5, 146],
  ['reasoning_about_colored_objects', 18, 250],
  ['ruin_names', 6, 250],
  ['salient_translation_error_detection', 6, 250],
  ['snarks', 2, 178],
  ['sports_understanding', 2, 250],
  ['temporal_sequences', 4, 250],
  ['tracking_shuffled_objects_five_objects', 5, 250],
  ['tracking_shuffled_objects_seven_objects', 7, 250],
  ['tracking_shuffled_objects_three_objects', 3, 250],
  ['web_of_lies', 2, 250],
];

const MATH: readonly (readonly [string, number])[] = [
  ['algebra', 307],
  ['counting_and_prob', 123],
  ['geometry', 132],
  ['intermediate_algebra', 280],
  ['num_theory', 154],
  ['prealgebra', 193],
  ['precalculus', 135],
];

const MC = 'multiple_choice' as const;
const GEN = 'generate_until' as const;

export const IFEVAL_METRICS = [
  'prompt_level_strict_acc',
  'inst_level_strict_acc',
  'prompt_level_loose_acc',
  'inst_level_loose_acc',
] as const;

/** IFEval's 541 prompts carry 834 instructions (the instance-level denominator). */
export const IFEVAL_INSTRUCTION_COUNT = 834;

export const LEADERBOARD_TASKS: readonly LeaderboardTask[] = [
  ...BBH.map(([subset, options, size]) => ({
    name: `leaderboard_bbh_${subset}`,
    benchmark: 'bbh' as const,
    metrics: ['acc_norm'],
    options,
    size,
    nShot: 3,
    outputType: MC,
    subset,
  })),
  ...(['diamond', 'extended', 'main'] as const).map((kind, i) => ({
    name: `leaderboard_gpqa_${kind}`,
    benchmark: 'gpqa' as const,
    metrics: ['acc_norm'],
    options: 4,
    size: [198, 546, 448][i] ?? 0,
    nShot: 0,
    outputType: MC,
    subset: `gpqa_${kind}`,
  })),
  {
    name: 'leaderboard_ifeval',
    benchmark: 'ifeval',
    metrics: IFEVAL_METRICS,
    size: 541,
    nShot: 0,
    outputType: GEN,
    subset: 'ifeval',
  },
  ...MATH.map(([subset, size]) => ({
    name: `leaderboard_math_${subset}_hard`,
    benchmark: 'math_hard' as const,
    metrics: ['exact_match'],
    size,
    nShot: 4,
    outputType: GEN,
    subset,
  })),
  {
    name: 'leaderboard_mmlu_pro',
    benchmark: 'mmlu_pro',
    metrics: ['acc'],
    options: 10,
    size: 12032,
    nShot: 5,
    outputType: MC,
    subset: 'mmlu_pro',
  },
  ...(
    [
      ['murder_mysteries', 2, 250],
      ['object_placements', 5, 256],
      ['team_allocation', 3, 250],
    ] as const
  ).map(([subset, options, size]) => ({
    name: `leaderboard_musr_${subset}`,
    benchmark: 'musr' as const,
    metrics: ['acc_norm'],
    options,
    size,
    nShot: 0,
    outputType: MC,
    subset,
  })),
];

/** Benchmarks that are groups of subtasks, and their group task name. */
export const GROUP_NAMES: Readonly<Partial<Record<Benchmark, string>>> = {
  bbh: 'leaderboard_bbh',
  gpqa: 'leaderboard_gpqa',
  math_hard: 'leaderboard_math_hard',
  musr: 'leaderboard_musr',
};

/** Every benchmark, in the alphabetical order lm-eval lists them. */
export const ALL_BENCHMARKS: readonly Benchmark[] = [
  'bbh',
  'gpqa',
  'ifeval',
  'math_hard',
  'mmlu_pro',
  'musr',
];

/** The order of `n-samples` in real files: the order the harness ran the tasks. */
export const EVALUATION_ORDER: readonly Benchmark[] = [
  'mmlu_pro',
  'bbh',
  'gpqa',
  'math_hard',
  'ifeval',
  'musr',
];

/** Standalone name of a benchmark: its group, or its only task. */
export function benchmarkTaskName(benchmark: Benchmark): string {
  return GROUP_NAMES[benchmark] ?? `leaderboard_${benchmark}`;
}

export function tasksOf(benchmark: Benchmark): readonly LeaderboardTask[] {
  return LEADERBOARD_TASKS.filter((task) => task.benchmark === benchmark);
}
