/**
 * The index page's "Score calculation" section, generated from the same constants the scorer
 * uses (benchmarks, option counts, combination rules), so text and numbers cannot drift apart.
 */

import { compareCodePoints } from '../compare.ts';
import { BENCHMARKS, type BenchmarkSpec } from '../score/english-benchmarks.ts';
import type { RunData } from './site-data.ts';

function describeBenchmark(b: BenchmarkSpec): string {
  const metrics = [...new Set(b.subtasks.map((s) => s.metric))].join(', ');
  const options = [...new Set(b.subtasks.map((s) => s.options))];
  const scale =
    options.length === 1 && options[0] === null
      ? '× 100'
      : options.length === 1
        ? `normalized with n = ${options[0]} answer options`
        : `normalized with its subtask’s answer options (n = ${options.join(', ')})`;
  const count = b.subtasks.length;
  if (count === 1) return `${b.column}: ${metrics}, ${scale}.`;
  const values = `${count} values (${metrics})`;
  if (b.combine === 'mean') return `${b.column}: the unweighted mean of ${values}, each ${scale}.`;
  const weighted = `the mean of ${values} weighted by each subtask’s sample count`;
  return b.combine === 'gpqa'
    ? `${b.column}: ${weighted}, then ${scale}.`
    : `${b.column}: ${weighted}, ${scale}.`;
}

export const SCORING_STEPS: readonly string[] = [
  'Every score is on a 0–100 scale. A value that is missing, failed or not a number is shown as “–” and never counts as 0.',
  'SEA languages: each task’s primary metric (already chance-normalized by SEA-HELM); tasks of one aggregation group (e.g. the two translation directions) are averaged first; a competency is the mean of its tasks and groups; a language is the mean of its competencies; SEA Avg is the mean of the SEA languages.',
  'linguistic-diagnostics follows SEA-HELM: the mean of mp-r, its log-probability twin, pragmatics (pooled counts of the two pragmatic tasks, normalized against chance 0.5) and pragmatics log-probabilities.',
  'English: the six Open LLM Leaderboard v2 benchmarks from lm-evaluation-harness, normalized as max(v − 1/n, 0) / (1 − 1/n) × 100.',
  ...BENCHMARKS.map(describeBenchmark),
  'English is the mean of the six benchmarks; Aggregate = (SEA Avg + English) / 2, missing when either is missing.',
  'An average over fewer children than expected, or over a child that is itself partial, is partial: it is marked with * and its coverage, so a partial row is never ranked unknowingly.',
];

export interface TaskMetric {
  readonly task: string;
  readonly competency: string;
  readonly about: string;
}

/**
 * The SEA-HELM task columns of every run, once each (whatever their language), by competency
 * and task name: what each is read from, as its header's tooltip says.
 */
export function taskMetricList(runs: readonly Pick<RunData, 'columns'>[]): TaskMetric[] {
  const seen = new Map<string, TaskMetric>();
  for (const run of runs) {
    for (const c of run.columns) {
      if (c.level !== 'task' || c.lang === 'en' || c.competency === null) continue;
      if (c.about === undefined) continue;
      const entry = { task: c.label, competency: c.competency, about: c.about };
      const key = JSON.stringify([entry.competency, entry.task, entry.about]);
      if (!seen.has(key)) seen.set(key, entry);
    }
  }
  return [...seen.values()].sort(
    (a, b) => compareCodePoints(a.competency, b.competency) || compareCodePoints(a.task, b.task),
  );
}
