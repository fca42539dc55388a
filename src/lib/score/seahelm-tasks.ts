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
  // Tasks of other competencies that SEA-HELM also runs in SEA languages.
  xm3600: { metric: 'normalized_refclipscore', group: null },
  cvqa: { metric: NA, group: null },
  marvl: { metric: NA, group: null },
  world_cuisine_task1: { metric: NA, group: 'world_cuisine' },
  world_cuisine_task2: { metric: NA, group: 'world_cuisine' },
};

/** Families of tasks recognised by name prefix: [prefix, spec]. */
const PREFIXES: readonly (readonly [string, TaskSpec])[] = [
  ['safeguard_', { metric: NA, group: 'safeguard' }],
  ['global_mmlu_', { metric: NA, group: 'global_mmlu' }],
  ['thai_exam_', { metric: NA, group: 'thai_exam' }],
  ['cwe_', { metric: 'normalized_strict_accuracy', group: 'oneruler' }],
  ['niah_', { metric: 'normalized_strict_accuracy', group: 'oneruler' }],
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
  const configured = extraMetrics[task];
  if (configured !== undefined)
    return { metric: configured, group: lookupBase(task)?.group ?? null };
  if (task.endsWith(LOGPROBS)) {
    const base = lookupBase(task.slice(0, -LOGPROBS.length));
    if (base === null) return null;
    return { metric: LOGPROBS_METRIC, group: base.group === null ? null : base.group + LOGPROBS };
  }
  return lookupBase(task);
}

function lookupBase(task: string): TaskSpec | null {
  const exact = EXACT[task];
  if (exact !== undefined) return exact;
  for (const [prefix, spec] of PREFIXES) if (task.startsWith(prefix)) return spec;
  return null;
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
