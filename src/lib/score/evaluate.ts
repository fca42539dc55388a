/**
 * Computes every node of one row against the table's expected structure (scoring.md section 2):
 * an aggregate is the mean of the children present, partial when an expected child is missing
 * or partial, missing when no child is present.
 *
 * The structure is the same for every row of a table, so it is laid out once as a plan (nodes
 * in evaluation order, children before parents); each row is then one pass over the plan.
 */

import { meanAggregate, totalAggregate, type Aggregate, type Part } from './aggregate.ts';
import type { CellStatus } from './cell.ts';
import {
  CELL_STATUSES,
  MISSING,
  OK,
  PARTIAL,
  cellStore,
  detailAt,
  setDetail,
  setValue,
  valueAt,
  type CellStore,
  type Problem,
} from './cell-store.ts';
import { normalize } from './english-benchmarks.ts';
import { harnessOf, isSeaTaskNode, nodeInfo, type NodeInfo, type NodeKind } from './nodes.ts';
import { LEAF_STATUSES, type Leaf, type RowFacts, type RowShape } from './row-facts.ts';

/** parent id -> expected child ids, the union over the table's rows (plus fixed children). */
export type Expected = ReadonlyMap<string, readonly string[]>;

export interface Plan {
  /** Every node the requested ones need, children before parents. */
  readonly ids: readonly string[];
  /** Node id -> position in `ids`. */
  readonly index: ReadonlyMap<string, number>;
  readonly info: readonly NodeInfo[];
  /**
   * 1 for a node whose column name is another node's, one asked for (a table keeps one node per
   * name): like a node without a column (a group, a pragmatic raw task), its problems join its
   * parent's cell.
   */
  readonly lostColumn: Uint8Array;
  /** Expected children of each node (positions in `ids`), in the expected order. */
  readonly children: readonly (readonly number[])[];
  /** The same children in summation order (by label), as meanAggregate would sort them. */
  readonly byLabel: readonly (readonly number[])[];
  /** Per row shape: node position -> the row's leaf position, -1 when it has none. */
  readonly slots: WeakMap<RowShape, Int32Array>;
  /**
   * Per row shape: where the row files each SEA task column (see `Filed`). A task that some rows
   * file under one competency and others under another is expected under both, but counts only
   * where the row files it.
   */
  readonly filedUnder: WeakMap<RowShape, Filed>;
}

/**
 * Per node position: the position of the node the row files it under, -1 under none, UNCHECKED
 * for nodes whose place does not depend on the row (aggregates, English subtasks), SEVERAL when
 * the row files it under more than one (the pooled pragmatics, its two tasks filed apart by a
 * hand-made file); then `pairs` has each (node, parent).
 */
interface Filed {
  readonly parentOf: Int32Array;
  readonly pairs: ReadonlySet<string>;
}

const UNCHECKED = -2;
const SEVERAL = -3;

export function planFor(expected: Expected, requested: readonly string[]): Plan {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const visit = (id: string) => {
    if (index.has(id)) return;
    index.set(id, -1); // visiting; the structure is a tree, so this never closes a loop
    const kind = nodeInfo(id).kind;
    if (kind !== 'leaf') for (const child of expected.get(id) ?? []) visit(child);
    index.set(id, ids.length);
    ids.push(id);
  };
  for (const id of requested) visit(id);
  const info = ids.map(nodeInfo);
  const children = ids.map((id, i) =>
    info[i]?.kind === 'leaf' ? [] : (expected.get(id) ?? []).map((c) => index.get(c) ?? -1),
  );
  const byLabel = children.map((list) =>
    [...list].sort((a, b) => compareLabels(info[a]?.label ?? '', info[b]?.label ?? '')),
  );
  const asked = new Set(requested);
  const taken = new Set(requested.map((id) => nodeInfo(id).column));
  const lostColumn = Uint8Array.from(ids, (id, i) => {
    const column = info[i]?.column ?? null;
    return column !== null && taken.has(column) && !asked.has(id) ? 1 : 0;
  });
  return {
    ids,
    index,
    info,
    lostColumn,
    children,
    byLabel,
    slots: new WeakMap(),
    filedUnder: new WeakMap(),
  };
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Evaluates one row: every node of the plan, into `cells` (one cell per node, aligned with
 * `plan.ids`; pass the same store for every row of a table, it is overwritten).
 */
export function evaluateRow(
  facts: RowFacts,
  plan: Plan,
  absentDetail: (id: string) => string,
  cells: CellStore = cellStore(plan.ids.length),
): CellStore {
  const row: RowState = {
    facts,
    slots: slotsOf(plan, facts.shape),
    filed: filedUnderOf(plan, facts.shape),
    cells,
  };
  const { ids, info } = plan;
  for (let node = 0; node < ids.length; node++) {
    const kind = (info[node] as NodeInfo).kind;
    if (kind === 'leaf') leafCell(row, node, ids[node] as string, absentDetail);
    else aggregateCell(kind, node, plan, row, absentDetail);
  }
  return cells;
}

interface RowState {
  readonly facts: RowFacts;
  readonly slots: Int32Array;
  /** See `Plan.filedUnder`. */
  readonly filed: Filed;
  readonly cells: CellStore;
}

function filedUnderOf(plan: Plan, shape: RowShape): Filed {
  let filed = plan.filedUnder.get(shape);
  if (filed === undefined) {
    const parentOf = Int32Array.from(plan.ids, (id) => (isSeaTaskNode(id) ? -1 : UNCHECKED));
    const pairs = new Set<string>();
    for (const [parentId, children] of shape.children) {
      const parent = plan.index.get(parentId);
      if (parent === undefined) continue;
      for (const childId of children) {
        const child = plan.index.get(childId);
        if (child === undefined) continue;
        const current = parentOf[child] ?? UNCHECKED;
        if (current === UNCHECKED) continue;
        pairs.add(`${child}:${parent}`);
        parentOf[child] = current === -1 ? parent : SEVERAL;
      }
    }
    filed = { parentOf, pairs };
    plan.filedUnder.set(shape, filed);
  }
  return filed;
}

function slotsOf(plan: Plan, shape: RowShape): Int32Array {
  let slots = plan.slots.get(shape);
  if (slots === undefined) {
    const position = new Map(shape.leafIds.map((id, i) => [id, i]));
    slots = Int32Array.from(plan.ids, (id) => position.get(id) ?? -1);
    plan.slots.set(shape, slots);
  }
  return slots;
}

function leafCell(
  row: RowState,
  node: number,
  id: string,
  absentDetail: (id: string) => string,
): void {
  const slot = row.slots[node] ?? -1;
  const { leaves } = row.facts;
  const status = slot < 0 ? 'missing' : (LEAF_STATUSES[leaves.status[slot] ?? 0] ?? 'ok');
  if (status !== 'ok') {
    const detail = slot < 0 ? absentDetail(id) : (leaves.detail.get(slot) ?? '');
    setCell(row.cells, node, null, status, detail, null);
    return;
  }
  setCell(row.cells, node, numberOrNull(leaves.value[slot]), 'ok', '', null);
  row.cells.stderr[node] = leaves.stderr[slot] ?? Number.NaN;
}

function numberOrNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** Sets every field of a cell; stderr is NaN (none) until a leaf sets it. */
function setCell(
  cells: CellStore,
  node: number,
  value: number | null,
  status: CellStatus,
  detail: string,
  coverage: readonly [number, number] | null,
): void {
  setValue(cells, node, value);
  cells.status[node] = CELL_STATUSES.indexOf(status);
  setDetail(cells, node, detail);
  cells.present[node] = coverage?.[0] ?? -1;
  cells.expected[node] = coverage?.[1] ?? -1;
  cells.stderr[node] = Number.NaN;
  cells.inner.delete(node);
}

function aggregateCell(
  kind: Exclude<NodeKind, 'leaf'>,
  node: number,
  plan: Plan,
  row: RowState,
  absentDetail: (id: string) => string,
): void {
  const aggregate =
    kind === 'mean' || kind === 'total'
      ? meanOrTotal(kind, node, plan, row)
      : combineSpecial(kind, node, plan, row);
  const { value, coverage, missing, partialChildren } = aggregate;
  const status = value === null ? 'missing' : aggregate.partial ? 'partial' : 'ok';
  const id = plan.ids[node] ?? '';
  // Empty because the model has no file of that harness at all: say so (once), not "0/6 missing".
  const noHarness = status === 'missing' && lacksHarnessOf(id, row);
  const detail =
    status === 'ok'
      ? ''
      : noHarness
        ? absentDetail(id)
        : describeCoverage(coverage, missing, partialChildren);
  setCell(row.cells, node, value, status, detail, coverage);
  if (noHarness) return;
  const inner = innerProblems(plan.children[node] ?? [], plan, row);
  if (inner !== null) row.cells.inner.set(node, inner);
}

/** Whether the node belongs to a harness (SEA-HELM, lm-eval) of which the row has no result. */
function lacksHarnessOf(id: string, row: RowState): boolean {
  const harness = harnessOf(id);
  const { hasSea, hasLm } = row.facts.model;
  return harness === 'lm-eval' ? !hasLm : harness === 'seahelm' ? !hasSea : false;
}

/**
 * Children without a column of their own (groups, pragmatic raw tasks, a task whose column name
 * a competency kept) report their problems here; null when there are none.
 */
function innerProblems(children: readonly number[], plan: Plan, row: RowState): Problem[] | null {
  let problems: Problem[] | null = null;
  for (const child of children) {
    const info = plan.info[child] as NodeInfo;
    const status = row.cells.status[child] ?? MISSING;
    const ownColumn = info.column !== null && plan.lostColumn[child] !== 1;
    if (ownColumn || status === OK || status === PARTIAL) continue;
    problems ??= [];
    const reason = CELL_STATUSES[status] as Problem['reason'];
    problems.push({ reason, detail: `${info.label}: ${detailAt(row.cells, child)}` });
  }
  return problems;
}

/**
 * A child is present under `parent` when this row files it there (SEA task columns) and its
 * entry is usable (pragmatic raw tasks have counts, not values) or, for an aggregate, it has a
 * value.
 */
function isPresent(child: number, parent: number, plan: Plan, row: RowState): boolean {
  const filed = row.filed.parentOf[child] ?? UNCHECKED;
  if (
    filed === SEVERAL
      ? !row.filed.pairs.has(`${child}:${parent}`)
      : filed !== UNCHECKED && filed !== parent
  ) {
    return false;
  }
  const slot = plan.info[child]?.kind === 'leaf' ? (row.slots[child] ?? -1) : -1;
  if (slot >= 0) return row.facts.leaves.status[slot] === 0;
  return row.cells.hasValue[child] === 1;
}

/** The child as a part of a mean; `presentValue` stands in for the value of a present child. */
function toPart(
  child: number,
  parent: number,
  plan: Plan,
  row: RowState,
  presentValue?: number,
): Part {
  const present = isPresent(child, parent, plan, row);
  return {
    label: plan.info[child]?.label ?? '',
    value: present ? (presentValue ?? valueAt(row.cells, child)) : null,
    partial: row.cells.status[child] === PARTIAL,
  };
}

/** Means and `total` go through the shared rules of aggregate.ts. */
function meanOrTotal(kind: 'mean' | 'total', node: number, plan: Plan, row: RowState): Aggregate {
  if (kind === 'mean') {
    // Already in summation order, so meanAggregate need not sort them.
    return meanAggregate((plan.byLabel[node] ?? []).map((c) => toPart(c, node, plan, row)));
  }
  const [sea, en] = (plan.children[node] ?? []).map((c) => toPart(c, node, plan, row));
  if (sea === undefined || en === undefined) throw new Error('total needs sea_total and en');
  return totalAggregate(sea, en);
}

/** Weighted means and the pragmatics pooling work on the leaves' raw inputs. */
function combineSpecial(
  kind: 'sample-weighted' | 'gpqa' | 'pragmatics' | 'pragmatics-logprobs',
  node: number,
  plan: Plan,
  row: RowState,
): Aggregate {
  // Coverage and partiality follow the same rules as a mean; only the value is computed
  // differently, from the leaves' raw inputs (pragmatic leaves have counts, not values).
  const shape = meanAggregate((plan.byLabel[node] ?? []).map((c) => toPart(c, node, plan, row, 0)));
  const present = (plan.children[node] ?? []).filter((c) => isPresent(c, node, plan, row));
  const inputs = present.map((c) => inputOf(c, plan, row));
  return { ...shape, value: present.length === 0 ? null : combine(kind, inputs) };
}

/** A present child's value and, for a leaf, its raw inputs (NaN: none). */
interface Input {
  readonly value: number | null;
  readonly raw: number;
  readonly weight: number;
  readonly pooled: Pick<Leaf, 'counts' | 'phenomena'> | undefined;
}

function inputOf(child: number, plan: Plan, row: RowState): Input {
  const value = valueAt(row.cells, child);
  const slot = plan.info[child]?.kind === 'leaf' ? (row.slots[child] ?? -1) : -1;
  if (slot < 0) return { value, raw: Number.NaN, weight: Number.NaN, pooled: undefined };
  const { leaves } = row.facts;
  return {
    value,
    raw: leaves.raw[slot] ?? Number.NaN,
    weight: leaves.weight[slot] ?? Number.NaN,
    pooled: leaves.pooled.get(slot),
  };
}

/** A leaf's sample count, 1 when it has none. */
function weightOf(input: Input): number {
  return Number.isNaN(input.weight) ? 1 : input.weight;
}

/** `5/6 missing: vi_nlr; partial: vi_nlg` */
export function describeCoverage(
  [present, expected]: readonly [number, number],
  missing: readonly string[],
  partial: readonly string[],
): string {
  if (expected === 0) return '0/0: no task counts towards it';
  const parts = [`${present}/${expected}`];
  if (missing.length > 0) parts.push(` missing: ${missing.join(', ')}`);
  if (partial.length > 0)
    parts.push(`${missing.length > 0 ? ';' : ''} partial: ${partial.join(', ')}`);
  return parts.join('');
}

function combine(
  kind: 'sample-weighted' | 'gpqa' | 'pragmatics' | 'pragmatics-logprobs',
  inputs: readonly Input[],
): number | null {
  switch (kind) {
    case 'sample-weighted':
      return weightedMean(inputs.map((i) => [i.value ?? Number.NaN, weightOf(i)]));
    case 'gpqa': {
      const raw = weightedMean(inputs.map((i) => [i.raw, weightOf(i)]));
      return raw === null ? null : normalize(raw, 4);
    }
    case 'pragmatics':
      return pooledPragmatics(inputs.map((i) => i.pooled?.counts ?? {}));
    case 'pragmatics-logprobs':
      return meanOverPhenomena(inputs.map((i) => i.pooled?.phenomena ?? {}));
  }
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function weightedMean(pairs: readonly (readonly [number, number])[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const [value, weight] of pairs) {
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * SEA-HELM's pragmatics: pool [correct, total] per phenomenon over the pragmatic tasks, average
 * the accuracies over phenomena, normalize against the 0.5 baseline.
 */
export function pooledPragmatics(
  counts: readonly Readonly<Record<string, readonly [number, number]>>[],
): number | null {
  const pooled = new Map<string, [number, number]>();
  for (const task of counts) {
    for (const [phenomenon, [correct, total]] of Object.entries(task)) {
      const sum = pooled.get(phenomenon) ?? [0, 0];
      pooled.set(phenomenon, [sum[0] + correct, sum[1] + total]);
    }
  }
  const accuracy = mean([...pooled.values()].map(([correct, total]) => correct / total));
  return accuracy === null ? null : Math.max((accuracy - 0.5) / 0.5, 0) * 100;
}

/** Per phenomenon the mean over the tasks, then the mean over phenomena. */
export function meanOverPhenomena(
  tasks: readonly Readonly<Record<string, number>>[],
): number | null {
  const byPhenomenon = new Map<string, number[]>();
  for (const task of tasks) {
    for (const [phenomenon, value] of Object.entries(task)) {
      byPhenomenon.set(phenomenon, [...(byPhenomenon.get(phenomenon) ?? []), value]);
    }
  }
  return mean([...byPhenomenon.values()].map((values) => mean(values) ?? Number.NaN));
}
