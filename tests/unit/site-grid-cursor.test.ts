import { describe, expect, it } from 'vitest';
import {
  findCell,
  moveCell,
  movesCell,
  nearestShownColumn,
  type CellKeyPress,
} from '../../src/lib/site/grid-cursor.ts';

const press = (key: string, ctrlKey = false): CellKeyPress => ({ key, ctrlKey });
const size = { rows: 10, columns: 4, page: 3 };

describe('moveCell', () => {
  it('moves one row or column with the arrow keys', () => {
    const at = { row: 4, column: 1 };
    expect(moveCell(at, press('ArrowDown'), size)).toEqual({ row: 5, column: 1 });
    expect(moveCell(at, press('ArrowUp'), size)).toEqual({ row: 3, column: 1 });
    expect(moveCell(at, press('ArrowRight'), size)).toEqual({ row: 4, column: 2 });
    expect(moveCell(at, press('ArrowLeft'), size)).toEqual({ row: 4, column: 0 });
  });

  it('stays inside the table at its edges', () => {
    expect(moveCell({ row: 0, column: 0 }, press('ArrowUp'), size)).toEqual({ row: 0, column: 0 });
    expect(moveCell({ row: 0, column: 0 }, press('ArrowLeft'), size)).toEqual({
      row: 0,
      column: 0,
    });
    expect(moveCell({ row: 9, column: 3 }, press('ArrowDown'), size)).toEqual({
      row: 9,
      column: 3,
    });
    expect(moveCell({ row: 9, column: 3 }, press('ArrowRight'), size)).toEqual({
      row: 9,
      column: 3,
    });
    // A place left outside by rows that went away is brought back in first.
    expect(moveCell({ row: 40, column: 9 }, press('ArrowUp'), size)).toEqual({
      row: 8,
      column: 3,
    });
  });

  it('moves a page of rows with Page Up and Page Down, stopping at the ends', () => {
    expect(moveCell({ row: 4, column: 2 }, press('PageDown'), size)).toEqual({ row: 7, column: 2 });
    expect(moveCell({ row: 8, column: 2 }, press('PageDown'), size)).toEqual({ row: 9, column: 2 });
    expect(moveCell({ row: 4, column: 2 }, press('PageUp'), size)).toEqual({ row: 1, column: 2 });
    expect(moveCell({ row: 1, column: 2 }, press('PageUp'), size)).toEqual({ row: 0, column: 2 });
    // A page is at least one row.
    expect(moveCell({ row: 4, column: 2 }, press('PageDown'), { ...size, page: 0.4 })).toEqual({
      row: 5,
      column: 2,
    });
  });

  it("goes to the row's first and last cell with Home and End, the table's with Ctrl", () => {
    const at = { row: 4, column: 2 };
    expect(moveCell(at, press('Home'), size)).toEqual({ row: 4, column: 0 });
    expect(moveCell(at, press('End'), size)).toEqual({ row: 4, column: 3 });
    expect(moveCell(at, press('Home', true), size)).toEqual({ row: 0, column: 0 });
    expect(moveCell(at, press('End', true), size)).toEqual({ row: 9, column: 3 });
  });

  it('leaves other keys, Ctrl with an arrow, and an empty table to the browser', () => {
    const at = { row: 4, column: 2 };
    expect(moveCell(at, press('Enter'), size)).toBeNull();
    expect(moveCell(at, press(' '), size)).toBeNull();
    expect(moveCell(at, press('ArrowDown', true), size)).toBeNull();
    expect(moveCell(at, press('ArrowDown'), { ...size, rows: 0 })).toBeNull();
    expect(moveCell(at, press('ArrowDown'), { ...size, columns: 0 })).toBeNull();
    expect(movesCell(press('PageDown'))).toBe(true);
    expect(movesCell(press('End', true))).toBe(true);
    expect(movesCell(press('Tab'))).toBe(false);
  });
});

describe('nearestShownColumn', () => {
  const order = [10, 11, 12, 13, 14];

  it('gives the position among the shown columns', () => {
    expect(nearestShownColumn(12, order, new Set())).toBe(2);
    expect(nearestShownColumn(12, order, new Set([10, 11]))).toBe(0);
  });

  it('skips hidden columns: the next shown one, else the previous', () => {
    expect(nearestShownColumn(12, order, new Set([12]))).toBe(2); // 13
    expect(nearestShownColumn(12, order, new Set([11, 12, 13]))).toBe(1); // 14 among 10, 14
    expect(nearestShownColumn(13, order, new Set([13, 14]))).toBe(2); // 12
  });

  it('is -1 when every column is hidden', () => {
    expect(nearestShownColumn(12, order, new Set(order))).toBe(-1);
  });
});

describe('findCell', () => {
  const rows = [7, 3, 5, 1];
  const order = [0, 1, 2];

  it('finds the row by its id wherever a sort put it', () => {
    expect(findCell({ row: 5, column: 1 }, rows, order, new Set(), 0)).toEqual({
      place: { row: 2, column: 1 },
      exact: true,
    });
    expect(findCell({ row: 5, column: 1 }, [5, 7, 3, 1], order, new Set(), 0)).toEqual({
      place: { row: 0, column: 1 },
      exact: true,
    });
  });

  it('falls back to the row in view for a row filtered out, not exact', () => {
    expect(findCell({ row: 9, column: 1 }, rows, order, new Set(), 2)).toEqual({
      place: { row: 2, column: 1 },
      exact: false,
    });
    expect(findCell({ row: 9, column: 1 }, rows, order, new Set(), 20)).toEqual({
      place: { row: 3, column: 1 },
      exact: false,
    });
  });

  it('moves off a hidden column to the nearest shown one, not exact', () => {
    expect(findCell({ row: 3, column: 1 }, rows, order, new Set([1]), 0)).toEqual({
      place: { row: 1, column: 1 }, // column 2, second of the shown 0 and 2
      exact: false,
    });
  });

  it('is null when no row or no column is shown', () => {
    expect(findCell({ row: 3, column: 1 }, [], order, new Set(), 0)).toBeNull();
    expect(findCell({ row: 3, column: 1 }, rows, order, new Set(order), 0)).toBeNull();
  });
});
