/**
 * Cells held as columns of plain arrays rather than one object per cell: a table of thousands
 * of rows and hundreds of columns stays small, reports read it without building objects, and
 * it crosses between threads as a few blocks of memory. `cellAt` gives a cell as a `Cell`.
 */

import type { Cell, CellStatus } from './cell.ts';

export const CELL_STATUSES: readonly CellStatus[] = [
  'ok',
  'partial',
  'missing',
  'failed',
  'invalid',
];
export const OK = 0;
export const PARTIAL = 1;
export const MISSING = 2;

export type Problem = NonNullable<Cell['inner']>[number];

export interface CellStore {
  readonly value: Float64Array;
  /** 1 where the cell has a value (a value may be any number, NaN included). */
  readonly hasValue: Uint8Array;
  /** Index into CELL_STATUSES. */
  readonly status: Uint8Array;
  /** Coverage [present, expected]; -1 where the cell has none. */
  readonly present: Int32Array;
  readonly expected: Int32Array;
  /** NaN where the cell has no standard error. */
  readonly stderr: Float64Array;
  /** Why a cell is empty or partial, by cell; most cells have nothing to say. */
  readonly detail: Map<number, string>;
  /** Problems of inputs without a column of their own, by cell (rare). */
  readonly inner: Map<number, readonly Problem[]>;
}

export function cellStore(size: number): CellStore {
  return {
    value: new Float64Array(size),
    hasValue: new Uint8Array(size),
    status: new Uint8Array(size),
    present: new Int32Array(size).fill(-1),
    expected: new Int32Array(size).fill(-1),
    stderr: new Float64Array(size).fill(Number.NaN),
    detail: new Map(),
    inner: new Map(),
  };
}

/** Copies cell `from` of one store to cell `to` of another. */
export function copyCell(source: CellStore, from: number, target: CellStore, to: number): void {
  target.value[to] = source.value[from] ?? 0;
  target.hasValue[to] = source.hasValue[from] ?? 0;
  target.status[to] = source.status[from] ?? MISSING;
  target.present[to] = source.present[from] ?? -1;
  target.expected[to] = source.expected[from] ?? -1;
  target.stderr[to] = source.stderr[from] ?? Number.NaN;
  setDetail(target, to, detailAt(source, from));
  const inner = source.inner.get(from);
  if (inner === undefined) target.inner.delete(to);
  else target.inner.set(to, inner);
}

export function valueAt(store: CellStore, at: number): number | null {
  return store.hasValue[at] === 1 ? (store.value[at] ?? null) : null;
}

export function setValue(store: CellStore, at: number, value: number | null): void {
  store.hasValue[at] = value === null ? 0 : 1;
  store.value[at] = value ?? 0;
}

export function detailAt(store: CellStore, at: number): string {
  return store.detail.get(at) ?? '';
}

export function setDetail(store: CellStore, at: number, detail: string): void {
  if (detail === '') store.detail.delete(at);
  else store.detail.set(at, detail);
}

export function statusAt(store: CellStore, at: number): CellStatus {
  return CELL_STATUSES[store.status[at] ?? MISSING] ?? 'missing';
}

export function cellAt(store: CellStore, at: number): Cell {
  const present = store.present[at] ?? -1;
  const stderr = store.stderr[at] ?? Number.NaN;
  const cell: Cell = {
    value: valueAt(store, at),
    status: statusAt(store, at),
    coverage: present < 0 ? null : [present, store.expected[at] ?? 0],
    detail: detailAt(store, at),
    stderr: Number.isNaN(stderr) ? null : stderr,
  };
  const inner = store.inner.get(at);
  return inner === undefined ? cell : { ...cell, inner };
}
