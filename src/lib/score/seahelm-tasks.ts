/**
 * The built-in SEA-HELM task table: task name -> primary metric and aggregation group, taken from
 * the `metric:` and `aggregation_group:` keys of each task's `config.yaml` upstream
 * (result-formats.md section 1.6). `-logprobs` twins use `average_cumulative_probabilities` and
 * the group `<group>-logprobs`.
 */

export interface TaskSpec {
  readonly metric: string;
  readonly group: string | null;
}

const NA = 'normalized_accuracy';
const MATH = 'normalized_math_verify_score';

const EXACT: Readonly<Record<string, TaskSpec>> = {
  'belebele-qa-mc': { metric: NA, group: null },
  sentiment: { metric: NA, group: null },
  qa: { metric: 'normalized_f1', group: null },
  metaphor: { metric: NA, group: null },
  paraphrase: { metric: NA, group: null },
  'qa-mc': { metric: NA, group: null },
  idiom_understanding: { metric: NA, group: null },
  'mixed-genre-qa-mc': { metric: NA, group: null },
  'dialogue-qa-mc': { metric: NA, group: null },
  'novel-qa': { metric: 'normalized_f1', group: null },
  abssum: { metric: 'normalized_rougel_f1', group: null },
  'translation-en-xx': { metric: 'normalized_metricx_wmt24_scores', group: 'translations' },
  'translation-xx-en': { metric: 'normalized_metricx_wmt24_scores', group: 'translations' },
  'translation-id-xx': { metric: 'normalized_metricx_wmt24_scores', group: 'translations' },
  'translation-xx-id': { metric: 'normalized_metricx_wmt24_scores', group: 'translations' },
  causal: { metric: NA, group: null },
  nli: { metric: NA, group: null },
  'if-eval': { metric: 'overall_lang_normalized_acc', group: null },
  'mt-bench': { metric: 'weighted_win_rate', group: null },
  'mt-bench-increased-tokens': { metric: 'weighted_win_rate', group: null },
  'mt-bench-judge': { metric: 'average_criteria_score', group: null },
  'kalahi-mc': { metric: NA, group: null },
  'kalahi-judge': { metric: 'average_criteria_score', group: null },
  toxicity: { metric: NA, group: null },
  global_mmlu_lite: { metric: NA, group: null },
  'mp-r': { metric: NA, group: null },
  'pragmatic-single': { metric: NA, group: 'pragmatics' },
  'pragmatic-pair': { metric: NA, group: 'pragmatics' },
  'syntax-criteria': { metric: 'average_criteria_score', group: null },
  // Tasks of the other competencies (result-formats.md section 1.6, second table). SEA-HELM
  // runs some of them in SEA languages too (vision, oneruler), where they are scored like any
  // other task; the English ones are known so that they need no fallback metric.
  bbh_dyck_languages: { metric: 'normalized_exact_match', group: 'bbh' },
  bbh_multistep_arithmetic_two: { metric: 'normalized_exact_match', group: 'bbh' },
  bbh_object_counting: { metric: 'normalized_exact_match', group: 'bbh' },
  bbh_word_sorting: { metric: 'normalized_exact_match', group: 'bbh' },
  gpqa_main: { metric: NA, group: null },
  gpqa_diamond: { metric: NA, group: null },
  smt_2025: { metric: MATH, group: 'MathArena' },
  cmimc_2025: { metric: MATH, group: 'MathArena' },
  brumo_2025: { metric: MATH, group: 'MathArena' },
  ifeval: { metric: 'normalized_prompt_level_strict_acc', group: null },
  'aa-lcr': { metric: 'accuracy_score', group: null },
  ...longproc(),
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6].map((v) => [`livecodebench_v${v}`, { metric: 'pass@1', group: null }]),
  ),
  healthbench: { metric: 'average_criteria_score', group: null },
  healthbench_consensus: { metric: 'average_criteria_score', group: null },
  healthbench_hard: { metric: 'average_criteria_score', group: null },
  cvqa: { metric: NA, group: null },
  erqa: { metric: NA, group: null },
  marvl: { metric: NA, group: null },
  mmstar: { metric: NA, group: null },
  world_cuisine_task1: { metric: NA, group: 'world_cuisine' },
  world_cuisine_task2: { metric: NA, group: 'world_cuisine' },
  hallusionbench_image: { metric: NA, group: null },
  // The free-form half of MathVista is scored like math; the multiple-choice half (and any other
  // `mathvista_mini_*`) by accuracy, see PREFIXES.
  mathvista_mini_free_form: { metric: MATH, group: 'mathvista' },
  babyvision: { metric: 'accuracy_score', group: null },
  mathvision: { metric: 'accuracy_score', group: null },
  mathvision_mini: { metric: 'accuracy_score', group: null },
  xm3600: { metric: 'normalized_refclipscore', group: null },
  hallusionbench: { metric: NA, group: null },
};

/** LongProc: five tasks at three lengths, e.g. `countdown_0p5k`; `html_to_tsv_*` is scored by F1. */
function longproc(): Record<string, TaskSpec> {
  const tasks = ['countdown', 'html_to_tsv', 'path_traversal', 'tom_tracking', 'travel_planning'];
  const entries = tasks.flatMap((task) =>
    ['0p5k', '2k', '8k'].map((length) => {
      const metric = task === 'html_to_tsv' ? 'normalized_f1' : NA;
      return [`${task}_${length}`, { metric, group: 'longproc' }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Families of tasks recognised by name prefix: [prefix, spec]. */
const PREFIXES: readonly (readonly [string, TaskSpec])[] = [
  ['safeguard_', { metric: NA, group: 'safeguard' }],
  ['global_mmlu_', { metric: NA, group: 'global_mmlu' }],
  ['thai_exam_', { metric: NA, group: 'thai_exam' }],
  ['bbh_', { metric: NA, group: 'bbh' }],
  ['mmlu_pro_', { metric: NA, group: 'mmlu_pro' }],
  ['mmlu_redux_', { metric: NA, group: 'mmlu_redux' }],
  ['supergpqa-', { metric: NA, group: 'supergpqa' }],
  ['math_hard_', { metric: MATH, group: 'math_hard' }],
  ['aime_', { metric: MATH, group: 'MathArena' }],
  ['hmmt_', { metric: MATH, group: 'MathArena' }],
  ['arxivmath-', { metric: MATH, group: 'MathArena' }],
  ['musr_', { metric: NA, group: 'musr' }],
  ['cwe_', { metric: 'normalized_strict_accuracy', group: 'oneruler' }],
  ['niah_', { metric: 'normalized_strict_accuracy', group: 'oneruler' }],
  ['mmmu_pro_', { metric: NA, group: null }],
  ['mathvista_mini_', { metric: NA, group: 'mathvista' }],
];

/** Used, in order, for a task the table does not know (scoring.md section 3). */
export const FALLBACK_METRICS: readonly string[] = [
  'normalized_accuracy',
  'normalized_f1',
  'normalized_rougel_f1',
  'normalized_metricx_wmt24_scores',
  'normalized_chrf_score',
  'overall_lang_normalized_acc',
  'weighted_win_rate',
  'average_criteria_score',
  'normalized_math_verify_score',
  'normalized_exact_match',
  'normalized_strict_accuracy',
  'normalized_prompt_level_strict_acc',
  'accuracy_score',
  'average_cumulative_probabilities',
];

const LOGPROBS = '-logprobs';
export const LOGPROBS_METRIC = 'average_cumulative_probabilities';

/** The spec of a task, or null when neither the table nor the config knows it. */
export function lookupTask(
  task: string,
  extraMetrics: Readonly<Record<string, string>>,
): TaskSpec | null {
  const builtIn = lookupBuiltIn(task);
  const configured = Object.hasOwn(extraMetrics, task) ? extraMetrics[task] : undefined;
  // The config sets the metric only: the group stays the table's (a twin's `<group>-logprobs`).
  if (configured !== undefined) return { metric: configured, group: builtIn?.group ?? null };
  return builtIn;
}

function lookupBuiltIn(task: string): TaskSpec | null {
  if (task.endsWith(LOGPROBS)) {
    const base = lookupBase(task.slice(0, -LOGPROBS.length));
    if (base === null) return null;
    return { metric: LOGPROBS_METRIC, group: base.group === null ? null : base.group + LOGPROBS };
  }
  return lookupBase(task);
}

function lookupBase(task: string): TaskSpec | null {
  // Own keys only: a task named `constructor` is not Object.prototype's.
  const exact = Object.hasOwn(EXACT, task) ? EXACT[task] : undefined;
  if (exact !== undefined) return exact;
  for (const [prefix, spec] of PREFIXES) if (task.startsWith(prefix)) return spec;
  return null;
}

/** The aggregation groups of the table, and their `-logprobs` twins. */
const GROUPS: ReadonlySet<string> = new Set(
  [...Object.values(EXACT), ...PREFIXES.map(([, spec]) => spec)].flatMap((spec) =>
    spec.group === null ? [] : [spec.group, spec.group + LOGPROBS],
  ),
);

/**
 * Whether a name inside a competency is one of the table's aggregation groups (`translations`,
 * `safeguard-logprobs`), under which SEA-HELM writes its own group value, never a task.
 */
export function isGroupName(name: string, extraMetrics: Readonly<Record<string, string>>): boolean {
  return GROUPS.has(name) && lookupTask(name, extraMetrics) === null;
}

/** The pragmatic tasks whose counts are pooled into the `pragmatics` column. */
export const PRAGMATIC_TASKS: ReadonlySet<string> = new Set(['pragmatic-single', 'pragmatic-pair']);
export const PRAGMATIC_LOGPROB_TASKS: ReadonlySet<string> = new Set([
  'pragmatic-single-logprobs',
  'pragmatic-pair-logprobs',
]);
/** SEA-HELM's non-task objects under linguistic-diagnostics (computed upstream). */
export const COMPUTED_OBJECTS: ReadonlySet<string> = new Set([
  'pragmatics',
  'pragmatics-logprobs',
  'lindsea',
  'lindsea-logprobs',
]);
export const LINGUISTIC_DIAGNOSTICS = 'linguistic-diagnostics';
/** The children of linguistic-diagnostics, SEA-HELM's special rule (scoring.md section 3). */
export const LINDSEA_CHILDREN: readonly string[] = [
  'mp-r',
  'mp-r-logprobs',
  'pragmatics',
  'pragmatics-logprobs',
];

/**
 * Whether a task counts in its competency: every task does, but in linguistic-diagnostics only
 * its listed children (`syntax-criteria` is shown, not counted, as in SEA-HELM).
 */
export function countsInCompetency(competency: string, task: string): boolean {
  return competency !== LINGUISTIC_DIAGNOSTICS || LINDSEA_CHILDREN.includes(task);
}
