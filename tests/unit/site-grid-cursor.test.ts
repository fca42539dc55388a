import { describe, expect, it } from 'vitest';
import {
  bodyRoom,
  findCell,
  keyTarget,
  moveCell,
  movesCell,
  nearestShownColumn,
  pageScrollToShow,
  rowsPerPage,
  scrollToShow,
  showsCell,
  showsWhole,
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

  it('takes the previous shown one first when asked (Left was pressed)', () => {
    expect(nearestShownColumn(12, order, new Set([12]), true)).toBe(1); // 11
    expect(nearestShownColumn(10, order, new Set([10]), true)).toBe(0); // 11: none before
    expect(nearestShownColumn(12, order, new Set(), true)).toBe(2); // shown: itself
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

  it('moves off a hidden column to the previous shown one when asked', () => {
    expect(findCell({ row: 3, column: 1 }, rows, order, new Set([1]), 0, true)).toEqual({
      place: { row: 1, column: 0 },
      exact: false,
    });
  });

  it('is null when no row or no column is shown', () => {
    expect(findCell({ row: 3, column: 1 }, [], order, new Set(), 0)).toBeNull();
    expect(findCell({ row: 3, column: 1 }, rows, order, new Set(order), 0)).toBeNull();
  });
});

describe('scrollToShow', () => {
  // A view 500 px wide whose first 200 px are the frozen columns.
  const show = (scroll: number, start: number, size: number) =>
    scrollToShow(scroll, start, size, 500, 200);

  it('leaves a column in view where it is', () => {
    expect(show(100, 320, 100)).toBe(100);
    expect(show(0, 200, 300)).toBe(0);
  });

  it('scrolls a column hidden behind the frozen columns out from under them', () => {
    expect(show(300, 400, 100)).toBe(200);
    expect(show(300, 150, 100)).toBe(0); // never before the start
  });

  it('scrolls a column past the right edge in just far enough', () => {
    expect(show(0, 600, 100)).toBe(200);
    expect(show(0, 16697, 114)).toBe(16311);
  });

  it('shows the start of a column wider than the view left', () => {
    expect(show(0, 600, 400)).toBe(400);
    expect(show(700, 600, 400)).toBe(400);
  });

  it('shows the end of a column wider than the view left when asked: where its value is', () => {
    const end = (scroll: number, start: number, size: number) =>
      scrollToShow(scroll, start, size, 500, 200, 'end');
    // Coming from the left, from the right, or already there: the end at the view's right edge.
    expect(end(0, 600, 400)).toBe(500);
    expect(end(900, 600, 400)).toBe(500);
    expect(end(500, 600, 400)).toBe(500);
    // Columns that fit are shown whole, as with the start.
    expect(end(300, 400, 100)).toBe(200);
    expect(end(0, 600, 100)).toBe(200);
    expect(end(100, 320, 100)).toBe(100);
  });
});

describe('showsCell', () => {
  it('is Space, not with Ctrl', () => {
    expect(showsCell(press(' '))).toBe(true);
    expect(showsCell(press(' ', true))).toBe(false);
    expect(showsCell(press('Enter'))).toBe(false);
    expect(showsCell(press('ArrowDown'))).toBe(false);
  });
});

describe('bodyRoom', () => {
  it("is the body's height where the line, the header and the body fit in the window", () => {
    expect(bodyRoom(400, 900, 100, 30)).toBe(400);
    expect(bodyRoom(400, 500, 100, 30)).toBe(400);
  });

  it('is the part below the line and the header in a window too short for all three', () => {
    expect(bodyRoom(400, 420, 170, 50)).toBe(250);
  });

  it("is never less than the cell's height", () => {
    expect(bodyRoom(400, 200, 170, 50)).toBe(50);
  });
});

describe('rowsPerPage', () => {
  // Rows 30 px high from 100 px down the window.
  const rows = Array.from({ length: 20 }, (_, i) => ({ top: 100 + i * 30, bottom: 130 + i * 30 }));

  it('is the rows seen whole, less one', () => {
    expect(rowsPerPage(rows, { top: 100, bottom: 400 })).toBe(9);
    // Cut at either end: not seen whole (a fraction of a px is).
    expect(rowsPerPage(rows, { top: 110, bottom: 390 })).toBe(7);
    expect(rowsPerPage(rows, { top: 100.4, bottom: 399.6 })).toBe(9);
  });

  it('is one when at most one row is seen whole', () => {
    expect(rowsPerPage(rows, { top: 100, bottom: 130 })).toBe(1);
    expect(rowsPerPage(rows, { top: 100, bottom: 120 })).toBe(1);
  });

  it('is zero when no row is in sight, not even in part', () => {
    expect(rowsPerPage([], { top: 0, bottom: 600 })).toBe(0);
    // The page scrolled away: the rows below the window, or above the line stuck at its top.
    expect(rowsPerPage(rows, { top: 800, bottom: 600 })).toBe(0);
    expect(rowsPerPage(rows, { top: 0, bottom: 100 })).toBe(0);
    expect(rowsPerPage(rows, { top: 700, bottom: 900 })).toBe(0);
    expect(rowsPerPage(rows, { top: 0, bottom: 100.4 })).toBe(0);
    // The body above the window: its part in sight empty, though a row spans where it would be.
    expect(rowsPerPage([{ top: -22, bottom: 29 }], { top: 0, bottom: -10 })).toBe(0);
  });
});

describe('showsWhole', () => {
  // The body shows value cells from 200 px (right of the frozen columns) to 900, 100 to 500 down.
  const sight = { top: 100, bottom: 500, left: 200, right: 900 };
  const cell = (left: number, top: number) => ({ left, right: left + 90, top, bottom: top + 30 });

  it('is true for a cell inside, up to a fraction of a px past an edge', () => {
    expect(showsWhole(cell(300, 200), sight)).toBe(true);
    expect(showsWhole(cell(200, 100), sight)).toBe(true);
    expect(showsWhole(cell(810.4, 470.4), sight)).toBe(true);
  });

  it('is false for a cell partly under the frozen columns, or cut at an edge', () => {
    expect(showsWhole(cell(190, 200), sight)).toBe(false);
    expect(showsWhole(cell(820, 200), sight)).toBe(false);
    expect(showsWhole(cell(300, 90), sight)).toBe(false);
    expect(showsWhole(cell(300, 480), sight)).toBe(false);
  });
});

describe('pageScrollToShow', () => {
  // A window 600 px high; the line (30 px) and the header (60 px) over the table stick at its top
  // once the page is scrolled down the table, whose line is laid out at 1000.
  const span = (cellTop: number, cellBottom: number) => ({ stuck: 90, cellTop, cellBottom });

  it('leaves the page where it is when the cell shows below the line and the header', () => {
    expect(pageScrollToShow(900, 600, span(1100, 1130))).toBe(900);
    expect(pageScrollToShow(1000, 600, span(1500, 1600))).toBe(1000);
    // Scrolled down the table: the line and the header stick over the rows above the cell.
    expect(pageScrollToShow(1200, 600, span(1300, 1330))).toBe(1200);
  });

  it('scrolls back up just far enough for a cell under the line and the header', () => {
    expect(pageScrollToShow(1200, 600, span(1250, 1280))).toBe(1160);
    expect(pageScrollToShow(1200, 600, span(1100, 1130))).toBe(1010);
  });

  it('scrolls down to a cell below the window just far enough', () => {
    expect(pageScrollToShow(600, 600, span(1400, 1450))).toBe(850);
    expect(pageScrollToShow(600, 600, span(1550, 1600))).toBe(1000);
  });

  it('shows the top of a cell right below them in a window too short for all three', () => {
    const tall = { stuck: 150, cellTop: 1650, cellBottom: 1710 };
    expect(pageScrollToShow(600, 200, tall)).toBe(1500);
    expect(pageScrollToShow(1800, 200, tall)).toBe(1500);
  });
});

describe('keyTarget', () => {
  const at = { row: 4, column: 2 };

  it('moves a cell that is where it was', () => {
    expect(keyTarget({ place: at, exact: true }, press('ArrowDown'), size)).toEqual({
      row: 5,
      column: 2,
    });
  });

  it('only shows a cell found elsewhere (or the place in view) with an arrow or Page key', () => {
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp']) {
      expect(keyTarget({ place: at, exact: false }, press(key), size)).toEqual(at);
    }
  });

  it('only shows the cell with a Page key while no row is in sight; an arrow still moves it', () => {
    const none = { ...size, page: 0 };
    for (const key of ['PageDown', 'PageUp']) {
      expect(keyTarget({ place: at, exact: true }, press(key), none)).toEqual(at);
    }
    expect(keyTarget({ place: at, exact: true }, press('ArrowDown'), none)).toEqual({
      row: 5,
      column: 2,
    });
    expect(keyTarget({ place: at, exact: true }, press('PageDown'), size)).toEqual({
      row: 7,
      column: 2,
    });
  });

  it('keeps the cell where it is with Space, and only shows one found elsewhere', () => {
    expect(keyTarget({ place: at, exact: true }, press(' '), size)).toEqual(at);
    expect(keyTarget({ place: at, exact: false }, press(' '), size)).toEqual(at);
  });

  it('goes to the ends with Home and End from anywhere', () => {
    expect(keyTarget({ place: at, exact: false }, press('End'), size)).toEqual({
      row: 4,
      column: 3,
    });
    expect(keyTarget({ place: at, exact: false }, press('End', true), size)).toEqual({
      row: 9,
      column: 3,
    });
    expect(keyTarget({ place: at, exact: false }, press('Home', true), size)).toEqual({
      row: 0,
      column: 0,
    });
  });
});
