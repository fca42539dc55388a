/**
 * One model's leaves (task values) and the tree structure its data has, before any averaging.
 * Averages need the whole table (coverage expects the union of every row's children), so they
 * are computed later, in `evaluate.ts`.
 */

import type { ResultFormat } from '../parse/detect.ts';
import type { EntryStatus, LmTask, SeaEntry } from '../parse/types.ts';
import { isModifiedTask } from '../parse/lmeval.ts';
import { BENCHMARKS, normalize, stderrScale, type SubtaskSpec } from './english-benchmarks.ts';
import type { Model } from './models.ts';
import type { ColumnOrigin } from './table.ts';
import {
  EN,
  SEA_TOTAL,
  TOTAL,
  benchmarkNode,
  competencyNode,
  groupNode,
  langNode,
  pooledNode,
  pragmaticNode,
  subtaskNode,
  taskNode,
} from './nodes.ts';
import {
  LINGUISTIC_DIAGNOSTICS,
  PRAGMATIC_LOGPROB_TASKS,
  PRAGMATIC_TASKS,
  countsInCompetency,
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

/**
 * A row's leaves as columns, aligned with its shape's `leafIds`: compact in memory, and cheap
 * to send between threads (typed arrays are copied as blocks). NaN stands for "none": every
 * value a leaf holds is finite.
 */
export interface Leaves {
  /** Index into LEAF_STATUSES. */
  readonly status: Uint8Array;
  readonly value: Float64Array;
  readonly raw: Float64Array;
  readonly weight: Float64Array;
  readonly stderr: Float64Array;
  /** Why a leaf is not ok, by leaf position (ok leaves have nothing to say). */
  readonly detail: ReadonlyMap<number, string>;
  /** The pragmatic tasks' counts or phenomena, by leaf position. */
  readonly pooled: ReadonlyMap<number, Pick<Leaf, 'counts' | 'phenomena'>>;
}

export const LEAF_STATUSES: readonly EntryStatus[] = ['ok', 'failed', 'missing', 'invalid'];

/**
 * The structure a row's data has. Rows of the same shape (most rows of a sweep) share one
 * object, so a table's structure is the union of a few shapes, not of every row.
 */
export interface RowShape {
  /** Equal shapes have equal keys, also across threads. */
  readonly key: string;
  readonly leafIds: readonly string[];
  /** parent id -> child ids, as far as this row's data goes. */
  readonly children: ReadonlyMap<string, ReadonlySet<string>>;
  /** Task node id -> its language and competency (places and orders task columns). */
  readonly taskOrigin: ReadonlyMap<string, ColumnOrigin>;
  /** Leaf position of each SEA-HELM entry, then of each English subtask present, in order. */
  readonly slots: Int32Array;
}

/** A model as its row knows it: its entries are in the leaves now, so they can go. */
export type RowModel = Omit<Model, 'sea' | 'lm'> & {
  /** Whether the model has SEA-HELM (lm-eval) results at all: says why a cell is empty. */
  readonly hasSea: boolean;
  readonly hasLm: boolean;
  /** The model's skipped files that may have held SEA-HELM (lm-eval) results. */
  readonly skippedSea: readonly string[];
  readonly skippedLm: readonly string[];
};

/** A model's file that could not be read, and the formats its path allowed. */
export interface SkippedFile {
  readonly file: string;
  readonly candidates: readonly ResultFormat[];
}

export interface RowFacts {
  readonly model: RowModel;
  readonly shape: RowShape;
  readonly leaves: Leaves;
}

/** Shapes met so far, by key; one per thread and run (a shape also depends on the run's extra metrics). */
export type ShapeCache = Map<string, RowShape>;

interface Building {
  readonly leafIds: Map<string, number>;
  readonly children: Map<string, Set<string>>;
  readonly taskOrigin: Map<string, ColumnOrigin>;
  readonly slots: number[];
}

export function rowFacts(
  model: Model,
  extraMetrics: Readonly<Record<string, string>>,
  shapes: ShapeCache = new Map(),
  skipped: readonly SkippedFile[] = [],
): RowFacts {
  const { sea, lm, ...identity } = model;
  const seaEntries = sea ?? [];
  const english = englishTasks(lm);
  // The shape follows from the entries' names alone, so a shape met before is not built again.
  const key = shapeKey(seaEntries, english);
  let shape = shapes.get(key);
  if (shape === undefined) {
    shape = buildShape(key, seaEntries, english, extraMetrics);
    shapes.set(key, shape);
  }
  const leaves = [
    ...seaEntries.map(seaLeaf),
    ...english.map(([spec, task]) => englishLeaf(spec, task)),
  ];
  return {
    model: {
      ...identity,
      hasSea: sea !== null,
      hasLm: lm !== null,
      skippedSea: skipped.filter((f) => f.candidates.includes('seahelm')).map((f) => f.file),
      skippedLm: skipped.filter((f) => f.candidates.includes('lm-eval')).map((f) => f.file),
    },
    shape,
    leaves: leafColumns(shape, leaves),
  };
}

/** The English subtasks the model has, in benchmark order, with their lm-eval entries. */
function englishTasks(tasks: readonly LmTask[] | null): [SubtaskSpec, LmTask][] {
  if (tasks === null) return [];
  const byName = new Map(tasks.map((t) => [t.task, t]));
  const found: [SubtaskSpec, LmTask][] = [];
  for (const benchmark of BENCHMARKS) {
    for (const spec of benchmark.subtasks) {
      const task = byName.get(spec.task);
      if (task !== undefined) found.push([spec, task]);
    }
  }
  return found;
}

/** The names a shape is built from, as JSON (names may hold any character). */
function shapeKey(sea: readonly SeaEntry[], english: readonly [SubtaskSpec, LmTask][]): string {
  const names: string[] = [];
  for (const { lang, competency, task } of sea) names.push(lang, competency, task);
  return JSON.stringify([names, english.map(([spec]) => spec.column)]);
}

function buildShape(
  key: string,
  sea: readonly SeaEntry[],
  english: readonly [SubtaskSpec, LmTask][],
  extraMetrics: Readonly<Record<string, string>>,
): RowShape {
  const row: Building = {
    leafIds: new Map(),
    children: new Map(),
    taskOrigin: new Map(),
    slots: [],
  };
  link(row, TOTAL, SEA_TOTAL);
  link(row, TOTAL, EN);
  for (const entry of sea) addSeaEntry(row, entry, extraMetrics);
  for (const [spec] of english) addEnglish(row, spec);
  return {
    key,
    leafIds: [...row.leafIds.keys()],
    children: row.children,
    taskOrigin: row.taskOrigin,
    slots: Int32Array.from(row.slots),
  };
}

/** A leaf id's position; an id met again keeps its place (its later leaf wins, as in a Map). */
function addLeaf(row: Building, id: string): void {
  let position = row.leafIds.get(id);
  if (position === undefined) {
    position = row.leafIds.size;
    row.leafIds.set(id, position);
  }
  row.slots.push(position);
}

/** The leaves in the shape's order: the i-th leaf given goes to `slots[i]`. */
function leafColumns(shape: RowShape, leaves: readonly Leaf[]): Leaves {
  const count = shape.leafIds.length;
  const columns = {
    status: new Uint8Array(count),
    value: new Float64Array(count),
    raw: new Float64Array(count),
    weight: new Float64Array(count),
    stderr: new Float64Array(count),
    detail: new Map<number, string>(),
    pooled: new Map<number, Pick<Leaf, 'counts' | 'phenomena'>>(),
  };
  leaves.forEach((leaf, i) => {
    const at = shape.slots[i] ?? 0;
    columns.status[at] = LEAF_STATUSES.indexOf(leaf.status);
    columns.value[at] = leaf.value ?? Number.NaN;
    columns.raw[at] = leaf.raw ?? Number.NaN;
    columns.weight[at] = leaf.weight ?? Number.NaN;
    columns.stderr[at] = leaf.stderr ?? Number.NaN;
    if (leaf.detail === '') columns.detail.delete(at);
    else columns.detail.set(at, leaf.detail);
    columns.pooled.delete(at);
    if (leaf.counts !== undefined) columns.pooled.set(at, { counts: leaf.counts });
    else if (leaf.phenomena !== undefined) columns.pooled.set(at, { phenomena: leaf.phenomena });
  });
  return columns;
}

function link(row: Building, parent: string, child: string): void {
  const set = row.children.get(parent);
  if (set) set.add(child);
  else row.children.set(parent, new Set([child]));
}

function seaLeaf(entry: SeaEntry): Leaf {
  return {
    status: entry.status,
    value: entry.value,
    detail: entry.where === undefined ? entry.detail : `${entry.detail} (${entry.where})`,
    ...(entry.counts ? { counts: entry.counts } : {}),
    ...(entry.phenomena ? { phenomena: entry.phenomena } : {}),
  };
}

function addSeaEntry(
  row: Building,
  entry: SeaEntry,
  extraMetrics: Readonly<Record<string, string>>,
): void {
  const { lang, competency, task } = entry;
  const lang_ = langNode(lang);
  const comp = competencyNode(lang, competency);
  link(row, SEA_TOTAL, lang_);
  link(row, lang_, comp);
  const pooled = PRAGMATIC_TASKS.has(task)
    ? 'pragmatics'
    : PRAGMATIC_LOGPROB_TASKS.has(task)
      ? 'pragmatics-logprobs'
      : null;
  if (pooled !== null) {
    const column = pooledNode(lang, pooled);
    link(row, comp, column);
    link(row, column, pragmaticNode(lang, task));
    addLeaf(row, pragmaticNode(lang, task));
    row.taskOrigin.set(column, { lang, competency });
    return;
  }
  const node = taskNode(lang, task);
  addLeaf(row, node);
  row.taskOrigin.set(node, { lang, competency });
  const parent = parentOfTask(lang, competency, task, extraMetrics);
  if (parent === null) return;
  if (parent !== comp) link(row, comp, parent);
  link(row, parent, node);
}

/** The competency or group a task counts in; null when it counts nowhere (`syntax-criteria`). */
function parentOfTask(
  lang: string,
  competency: string,
  task: string,
  extraMetrics: Readonly<Record<string, string>>,
): string | null {
  if (!countsInCompetency(competency, task)) return null;
  if (competency === LINGUISTIC_DIAGNOSTICS) return competencyNode(lang, competency);
  const group = lookupTask(task, extraMetrics)?.group ?? null;
  return group === null ? competencyNode(lang, competency) : groupNode(lang, competency, group);
}

function addEnglish(row: Building, spec: SubtaskSpec): void {
  const benchmark = BENCHMARK_OF_SUBTASK.get(spec);
  if (benchmark === undefined) return;
  link(row, benchmarkNode(benchmark.column), subtaskNode(spec.column));
  addLeaf(row, subtaskNode(spec.column));
}

const BENCHMARK_OF_SUBTASK = new Map(BENCHMARKS.flatMap((b) => b.subtasks.map((s) => [s, b])));

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
  const where = task.file === undefined ? '' : ` (${task.file}: results.${task.task})`;
  const invalid = task.invalid[spec.metric];
  if (invalid !== undefined) {
    return { status: 'invalid', value: null, detail: `'${spec.metric}' is ${invalid}${where}` };
  }
  // IFEval with one of its two values (and its loose accuracies beside) is not modified.
  const detail = isModifiedTask(task)
    ? `no '${spec.metric}'; found ${Object.keys(task.metrics).join(', ')}${task.outputType ? ` (output_type ${task.outputType})` : ''}: a modified task is not normalized`
    : `no '${spec.metric}' key`;
  return { status: 'missing', value: null, detail: detail + where };
}
