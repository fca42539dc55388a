/**
 * What a task column's value is read from, in words, for its header's tooltip and the index
 * page: the metric SEA-HELM aggregates (the same lookup the scorer uses, the config's
 * `seahelm_task_metrics` included), or the lm-eval key and its normalization.
 */

import { BENCHMARKS } from '../score/english-benchmarks.ts';
import {
  FALLBACK_METRICS,
  LINGUISTIC_DIAGNOSTICS,
  countsInCompetency,
  lookupTask,
} from '../score/seahelm-tasks.ts';

const POOLED: Readonly<Record<string, string>> = {
  pragmatics:
    'the [correct, total] counts of pragmatic-single and pragmatic-pair pooled per phenomenon, averaged over phenomena, normalized against chance 0.5',
  'pragmatics-logprobs':
    'per phenomenon the mean average_cumulative_probabilities of pragmatic-single-logprobs and pragmatic-pair-logprobs, averaged over phenomena',
};

/** A SEA-HELM task column, by its task name (the column without `<lang>_`). */
export function seaTaskAbout(
  task: string,
  competency: string,
  extraMetrics: Readonly<Record<string, string>>,
): string {
  // Own keys only: a task named `constructor` or `__proto__` is not Object.prototype's.
  const pooled = Object.hasOwn(POOLED, task) ? POOLED[task] : undefined;
  if (pooled !== undefined) return pooled;
  if (!countsInCompetency(competency, task)) {
    return `shown, but not counted in ${LINGUISTIC_DIAGNOSTICS} (as in SEA-HELM)`;
  }
  const spec = lookupTask(task, extraMetrics);
  if (spec === null) {
    return `not in the built-in task table: the first of ${FALLBACK_METRICS.join(', ')} that its file has`;
  }
  const configured = Object.hasOwn(extraMetrics, task) ? ' (set by seahelm_task_metrics)' : '';
  const group = spec.group === null ? '' : `; averaged within its group ${spec.group} first`;
  return `metric ${spec.metric}${configured}${group}`;
}

const SUBTASKS = new Map(BENCHMARKS.flatMap((b) => b.subtasks.map((s) => [s.column, s])));

/** An English subtask column (`en_bbh_navigate`); null for any other column. */
export function englishSubtaskAbout(column: string): string | null {
  const spec = SUBTASKS.get(column);
  if (spec === undefined) return null;
  const scale =
    spec.options === null
      ? '× 100'
      : `normalized with n = ${spec.options} answer options: max(v − 1/n, 0) / (1 − 1/n) × 100`;
  return `lm-eval ${spec.task} ${spec.metric}, ${scale}`;
}
