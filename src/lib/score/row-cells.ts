/**
 * A row's cells by column, as a read-only Map over the table's cell store (cell-store.ts): the
 * column index is shared by the table's rows, and a cell object is made when it is asked for.
 */

import type { Cell } from './cell.ts';
import { cellAt, type CellStore } from './cell-store.ts';

export class RowCells implements ReadonlyMap<string, Cell> {
  readonly #index: ReadonlyMap<string, number>;
  readonly #store: CellStore;
  readonly #offset: number;

  /** `index`: column -> position in the row; the row's cells start at `offset` in `store`. */
  constructor(index: ReadonlyMap<string, number>, store: CellStore, offset: number) {
    this.#index = index;
    this.#store = store;
    this.#offset = offset;
  }

  get size(): number {
    return this.#index.size;
  }

  get(column: string): Cell | undefined {
    const position = this.#index.get(column);
    return position === undefined ? undefined : cellAt(this.#store, this.#offset + position);
  }

  has(column: string): boolean {
    return this.#index.has(column);
  }

  *entries(): MapIterator<[string, Cell]> {
    for (const [column, position] of this.#index) {
      yield [column, cellAt(this.#store, this.#offset + position)];
    }
  }

  keys(): MapIterator<string> {
    return this.#index.keys();
  }

  *values(): MapIterator<Cell> {
    for (const position of this.#index.values()) yield cellAt(this.#store, this.#offset + position);
  }

  [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }

  forEach(
    callback: (cell: Cell, column: string, map: ReadonlyMap<string, Cell>) => void,
    thisArg?: unknown,
  ): void {
    for (const [column, cell] of this.entries()) callback.call(thisArg, cell, column, this);
  }
}
