/**
 * One model's leaves (task values) and the tree structure its data has, before any averaging.
 * Averages need the whole table (coverage expects the union of every row's children), so they
 * are computed later, in `evaluate.ts`.
 */

import type { EntryStatus, LmTask, SeaEntry } from '../parse/types.ts';
import { BENCHMARKS, normalize, stderrScale, type SubtaskSpec } from './english-benchmarks.ts';
import type { Model } from './models.ts';
import {
  EN,
  SEA_TOTAL,
  TOTAL,
  benchmarkNode,
  competencyNode,
  groupNode,
  langNode,
  pragmaticNode,
  subtaskNode,
  taskNode,
} from './nodes.ts';
import {
  LINDSEA_CHILDREN,
  LINGUISTIC_DIAGNOSTICS,
  PRAGMATIC_LOGPROB_TASKS,
  PRAGMATIC_TASKS,
  lookupTask,
} from './seahelm-tasks.ts';

export interface Leaf {
  readonly status: EntryStatus;
  /** Score on 0-100; null for pragmatic raw tasks (their counts are used) and when not ok. */
  readonly value: number | null;
  readonly detail: string;
  /** Raw lm-eval value in [0, 1] (GPQA's sample-weighted mean needs it). */
  readonly raw?: number;
  /** `n-samples.effective`, for sample-weighted means. */
  readonly weight?: number;
  readonly stderr?: number;
  readonly counts?: Readonly<Record<string, readonly [number, number]>>;
  readonly phenomena?: Readonly<Record<string, number>>;
}

export interface RowFacts {
  readonly model: Model;
  readonly leaves: Map<string, Leaf>;
  /** parent id -> child ids, as far as this row's data goes. */
  readonly children: Map<string, Set<string>>;
  /** Task node id -> its competency (orders task columns). */
  readonly taskCompetency: Map<string, string>;
}

export function rowFacts(model: Model, extraMetrics: Readonly<Record<string, string>>): RowFacts {
  const facts: RowFacts = {
    model,
    leaves: new Map(),
    children: new Map(),
    taskCompetency: new Map(),
  };
  link(facts, TOTAL, SEA_TOTAL);
  link(facts, TOTAL, EN);
  for (const entry of model.sea ?? []) addSeaEntry(facts, entry, extraMetrics);
  if (model.lm !== null) addEnglish(facts, model.lm);
  return facts;
}

function link(facts: RowFacts, parent: string, child: string): void {
  const set = facts.children.get(parent);
  if (set) set.add(child);
  else facts.children.set(parent, new Set([child]));
}

function addSeaEntry(
  facts: RowFacts,
  entry: SeaEntry,
  extraMetrics: Readonly<Record<string, string>>,
): void {
  const { lang, competency, task } = entry;
  const lang_ = langNode(lang);
  const comp = competencyNode(lang, competency);
  link(facts, SEA_TOTAL, lang_);
  link(facts, lang_, comp);
  const leaf: Leaf = {
    status: entry.status,
    value: entry.value,
    detail: entry.detail,
    ...(entry.counts ? { counts: entry.counts } : {}),
    ...(entry.phenomena ? { phenomena: entry.phenomena } : {}),
  };
  const pooled = PRAGMATIC_TASKS.has(task)
    ? 'pragmatics'
    : PRAGMATIC_LOGPROB_TASKS.has(task)
      ? 'pragmatics-logprobs'
      : null;
  if (pooled !== null) {
    const column = taskNode(lang, pooled);
    link(facts, comp, column);
    link(facts, column, pragmaticNode(lang, task));
    facts.leaves.set(pragmaticNode(lang, task), leaf);
    facts.taskCompetency.set(column, competency);
    return;
  }
  const node = taskNode(lang, task);
  facts.leaves.set(node, leaf);
  facts.taskCompetency.set(node, competency);
  const parent = parentOfTask(lang, competency, task, extraMetrics);
  if (parent === null) return;
  if (parent !== comp) link(facts, comp, parent);
  link(facts, parent, node);
}

/** The competency or group a task counts in; null when it counts nowhere (`syntax-criteria`). */
function parentOfTask(
  lang: string,
  competency: string,
  task: string,
  extraMetrics: Readonly<Record<string, string>>,
): string | null {
  if (competency === LINGUISTIC_DIAGNOSTICS) {
    return LINDSEA_CHILDREN.includes(task) ? competencyNode(lang, competency) : null;
  }
  const group = lookupTask(task, extraMetrics)?.group ?? null;
  return group === null ? competencyNode(lang, competency) : groupNode(lang, competency, group);
}

function addEnglish(facts: RowFacts, tasks: readonly LmTask[]): void {
  const byName = new Map(tasks.map((t) => [t.task, t]));
  for (const benchmark of BENCHMARKS) {
    for (const spec of benchmark.subtasks) {
      const task = byName.get(spec.task);
      if (task === undefined) continue;
      link(facts, benchmarkNode(benchmark.column), subtaskNode(spec.column));
      facts.leaves.set(subtaskNode(spec.column), englishLeaf(spec, task));
    }
  }
}

function englishLeaf(spec: SubtaskSpec, task: LmTask): Leaf {
  const raw = task.metrics[spec.metric];
  if (raw !== undefined) {
    const stderr = task.stderr[spec.metric];
    return {
      status: 'ok',
      value: normalize(raw, spec.options),
      detail: '',
      raw,
      weight: task.effective ?? 1,
      ...(stderr === undefined ? {} : { stderr: stderr * stderrScale(spec.options) }),
    };
  }
  const invalid = task.invalid[spec.metric];
  if (invalid !== undefined) {
    return { status: 'invalid', value: null, detail: `'${spec.metric}' is ${invalid}` };
  }
  const found = Object.keys(task.metrics);
  const detail =
    found.length > 0
      ? `no '${spec.metric}'; found ${found.join(', ')}${task.outputType ? ` (output_type ${task.outputType})` : ''}: a modified task is not normalized`
      : `no '${spec.metric}' key`;
  return { status: 'missing', value: null, detail };
}
