/**
 * Computes every node of one row against the table's expected structure (scoring.md section 2):
 * an aggregate is the mean of the children present, partial when an expected child is missing
 * or partial, missing when no child is present.
 */

import { meanAggregate, totalAggregate, type Aggregate, type Part } from './aggregate.ts';
import type { Cell } from './cell.ts';
import { normalize } from './english-benchmarks.ts';
import { nodeInfo, type NodeKind } from './nodes.ts';
import type { Leaf, RowFacts } from './row-facts.ts';

/** parent id -> expected child ids, the union over the table's rows (plus fixed children). */
export type Expected = ReadonlyMap<string, readonly string[]>;

interface Evaluated {
  readonly cell: Cell;
  readonly leaf: Leaf | undefined;
}

export function evaluateRow(
  facts: RowFacts,
  expected: Expected,
  absentDetail: (id: string) => string,
): (id: string) => Cell {
  const memo = new Map<string, Evaluated>();
  const evaluate = (id: string): Evaluated => {
    let result = memo.get(id);
    if (result === undefined) {
      const info = nodeInfo(id);
      result =
        info.kind === 'leaf'
          ? evaluateLeaf(facts.leaves.get(id), () => absentDetail(id))
          : evaluateAggregate(info.kind, expected.get(id) ?? [], evaluate);
      memo.set(id, result);
    }
    return result;
  };
  return (id) => evaluate(id).cell;
}

function evaluateLeaf(leaf: Leaf | undefined, absentDetail: () => string): Evaluated {
  if (leaf === undefined) {
    return { cell: emptyCell('missing', absentDetail()), leaf };
  }
  if (leaf.status !== 'ok') return { cell: emptyCell(leaf.status, leaf.detail), leaf };
  const cell: Cell = {
    value: leaf.value,
    status: 'ok',
    coverage: null,
    detail: '',
    stderr: leaf.stderr ?? null,
  };
  return { cell, leaf };
}

function emptyCell(status: 'missing' | 'failed' | 'invalid', detail: string): Cell {
  return { value: null, status, coverage: null, detail, stderr: null };
}

function evaluateAggregate(
  kind: Exclude<NodeKind, 'leaf'>,
  children: readonly string[],
  evaluate: (id: string) => Evaluated,
): Evaluated {
  const results = children.map((id) => ({ id, ...evaluate(id) }));
  const aggregate =
    kind === 'mean' || kind === 'total'
      ? meanOrTotal(kind, results)
      : combineSpecial(kind, results);
  const { coverage, missing, partialChildren } = aggregate;
  const detail =
    aggregate.value === null || aggregate.partial
      ? describeCoverage(coverage, missing, partialChildren)
      : '';
  const inner = innerProblems(results);
  const extra = inner.length > 0 ? { inner } : {};
  if (aggregate.value === null) {
    const cell: Cell = { value: null, status: 'missing', coverage, detail, stderr: null, ...extra };
    return { cell, leaf: undefined };
  }
  const status = aggregate.partial ? 'partial' : 'ok';
  const cell: Cell = {
    value: aggregate.value,
    status,
    coverage,
    detail: status === 'ok' ? '' : detail,
    stderr: null,
    ...extra,
  };
  return { cell, leaf: undefined };
}

type Child = Evaluated & { readonly id: string };

/** Children without a column of their own (pragmatic raw tasks) report their problems here. */
function innerProblems(children: readonly Child[]): NonNullable<Cell['inner']> {
  const problems: { reason: 'failed' | 'missing' | 'invalid'; detail: string }[] = [];
  for (const child of children) {
    const info = nodeInfo(child.id);
    const status = child.cell.status;
    if (info.column !== null || status === 'ok' || status === 'partial') continue;
    problems.push({ reason: status, detail: `${info.label}: ${child.cell.detail}` });
  }
  return problems;
}

function toPart(child: Child): Part {
  return {
    label: nodeInfo(child.id).label,
    value: isPresent(child) ? child.cell.value : null,
    partial: child.cell.status === 'partial',
  };
}

/** Means and `total` go through the shared rules of aggregate.ts. */
function meanOrTotal(kind: 'mean' | 'total', children: readonly Child[]): Aggregate {
  const parts = children.map(toPart);
  if (kind === 'mean') return meanAggregate(parts);
  const [sea, en] = parts;
  if (sea === undefined || en === undefined) throw new Error('total needs sea_total and en');
  return totalAggregate(sea, en);
}

/** Weighted means and the pragmatics pooling work on the leaves' raw inputs. */
function combineSpecial(
  kind: 'sample-weighted' | 'gpqa' | 'pragmatics' | 'pragmatics-logprobs',
  children: readonly Child[],
): Aggregate {
  const present = children.filter(isPresent);
  // Coverage and partiality follow the same rules as a mean; only the value is computed
  // differently, from the leaves' raw inputs (pragmatic leaves have counts, not values).
  const presence = children.map((c) => ({ ...toPart(c), value: isPresent(c) ? 0 : null }));
  const shape = meanAggregate(presence);
  const value = present.length === 0 ? null : combine(kind, present.map(toInput));
  return { ...shape, value };
}

/** A leaf is present when its entry is usable (pragmatic raw tasks have counts, not values). */
function isPresent(result: Evaluated): boolean {
  if (result.leaf !== undefined) return result.leaf.status === 'ok';
  return result.cell.value !== null;
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

interface Input {
  readonly value: number | null;
  readonly leaf: Leaf | undefined;
}

function toInput(result: Evaluated): Input {
  return { value: result.cell.value, leaf: result.leaf };
}

function combine(
  kind: 'sample-weighted' | 'gpqa' | 'pragmatics' | 'pragmatics-logprobs',
  inputs: readonly Input[],
): number | null {
  switch (kind) {
    case 'sample-weighted':
      return weightedMean(inputs.map((i) => [i.value ?? Number.NaN, i.leaf?.weight ?? 1]));
    case 'gpqa': {
      const raw = weightedMean(inputs.map((i) => [i.leaf?.raw ?? Number.NaN, i.leaf?.weight ?? 1]));
      return raw === null ? null : normalize(raw, 4);
    }
    case 'pragmatics':
      return pooledPragmatics(inputs.map((i) => i.leaf?.counts ?? {}));
    case 'pragmatics-logprobs':
      return meanOverPhenomena(inputs.map((i) => i.leaf?.phenomena ?? {}));
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
