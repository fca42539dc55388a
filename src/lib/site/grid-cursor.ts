/**
 * The current cell that the keyboard moves in a score table (src/client/grid.ts): where a key
 * takes it, and where it is once rows were filtered or sorted and columns hidden. Pure, so it is
 * tested without a browser; places are positions among the rows and columns shown, from 0.
 */

/** A cell by its place in the table as shown. */
export interface CellPlace {
  readonly row: number;
  readonly column: number;
}

/** A cell by what it shows: a row's id and a column's index (they survive sorts and filters). */
export interface CellKey {
  readonly row: number;
  readonly column: number;
}

export interface TableSize {
  readonly rows: number;
  readonly columns: number;
  /**
   * Rows that Page Up and Page Down move by (the rows in sight, less one: see rowsPerPage); 0
   * while no row is in sight, and a Page key only shows the current cell (see keyTarget).
   */
  readonly page: number;
}

/** What of a key press decides the move. */
export interface CellKeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
}

/** Keys that step from the current cell: arrows, and Page Up and Down by the rows in sight. */
const STEP_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
]);

/**
 * Whether the key moves the current cell. Ctrl counts with Home and End only (the table's first
 * and last cell, as in the ARIA grid pattern); other combinations stay the browser's.
 */
export function movesCell(press: CellKeyPress): boolean {
  if (press.key === 'Home' || press.key === 'End') return true;
  return !press.ctrlKey && STEP_KEYS.has(press.key);
}

/**
 * Whether the key shows the current cell where it is: Space, not with Ctrl (ScoreGrid takes
 * Shift+Space too). In a grid it does not scroll the rows away from the current cell (the ARIA
 * grid pattern gives it no move): it brings the current cell back into view instead, the first
 * time the one a first arrow key would show.
 */
export function showsCell(press: CellKeyPress): boolean {
  return press.key === ' ' && !press.ctrlKey;
}

const clamp = (value: number, last: number) => Math.max(0, Math.min(value, last));

/**
 * Where the key takes the cell at `at`, kept inside the table (a move past an edge stays there).
 * Home and End go to the row's first and last cell; with Ctrl, to the first cell of the first
 * row and the last cell of the last row. Null for a key that does not move the cell, or for a
 * table without cells.
 */
export function moveCell(at: CellPlace, press: CellKeyPress, size: TableSize): CellPlace | null {
  if (!movesCell(press) || size.rows <= 0 || size.columns <= 0) return null;
  const lastRow = size.rows - 1;
  const lastColumn = size.columns - 1;
  const row = clamp(at.row, lastRow);
  const column = clamp(at.column, lastColumn);
  const page = Math.max(1, Math.floor(size.page));
  switch (press.key) {
    case 'ArrowUp':
      return { row: clamp(row - 1, lastRow), column };
    case 'ArrowDown':
      return { row: clamp(row + 1, lastRow), column };
    case 'ArrowLeft':
      return { row, column: clamp(column - 1, lastColumn) };
    case 'ArrowRight':
      return { row, column: clamp(column + 1, lastColumn) };
    case 'PageUp':
      return { row: clamp(row - page, lastRow), column };
    case 'PageDown':
      return { row: clamp(row + page, lastRow), column };
    case 'Home':
      return { row: press.ctrlKey ? 0 : row, column: 0 };
    case 'End':
      return { row: press.ctrlKey ? lastRow : row, column: lastColumn };
    default:
      return null;
  }
}

/**
 * The position among the shown columns of the column `index`, or, when it is hidden, of the
 * nearest shown one: the next in `order` (every column, hidden ones too), else the previous;
 * the previous first with `previousFirst` (Left was pressed). -1 when no column is shown.
 */
export function nearestShownColumn(
  index: number,
  order: readonly number[],
  hidden: ReadonlySet<number>,
  previousFirst = false,
): number {
  const shown = order.filter((column) => !hidden.has(column));
  if (shown.length === 0) return -1;
  const own = shown.indexOf(index);
  if (own !== -1) return own;
  const at = order.indexOf(index);
  if (at === -1) return 0;
  const next = order.slice(at).find((column) => !hidden.has(column));
  const previous = order
    .slice(0, at)
    .reverse()
    .find((column) => !hidden.has(column));
  const nearest = previousFirst ? (previous ?? next) : (next ?? previous);
  return nearest === undefined ? 0 : shown.indexOf(nearest);
}

export interface FoundCell {
  readonly place: CellPlace;
  /** False when the cell itself is not shown and `place` is the nearest one instead. */
  readonly exact: boolean;
}

/**
 * Where the cell `key` is among the rows shown (`rows`: their ids, in the order shown) and the
 * columns shown (`order` less `hidden`). A row filtered out is replaced by the row at
 * `fallbackRow` (the first one in view), a hidden column by the nearest shown one (see
 * nearestShownColumn for `previousFirst`). Null when no row or no column is shown.
 */
export function findCell(
  key: CellKey,
  rows: readonly number[],
  order: readonly number[],
  hidden: ReadonlySet<number>,
  fallbackRow: number,
  previousFirst = false,
): FoundCell | null {
  if (rows.length === 0) return null;
  const column = nearestShownColumn(key.column, order, hidden, previousFirst);
  if (column === -1) return null;
  const at = rows.indexOf(key.row);
  const row = at === -1 ? clamp(fallbackRow, rows.length - 1) : at;
  const exact = at !== -1 && order.includes(key.column) && !hidden.has(key.column);
  return { place: { row, column }, exact };
}

/** Which side of an extent wider than the view is shown: its start, or its end. */
export type ShownSide = 'start' | 'end';

/**
 * The scroll offset that brings an extent (`start`, `size`: a cell's left edge and width in the
 * scrolled content, or its top and height) into view, moving as little as possible. The view is
 * `view` px long and its first `covered` px are hidden (behind the frozen columns); an extent
 * longer than what is left shows its `side` clear of the covered part: the grid's value cells
 * show their end, where their right-aligned value and its partial mark are.
 */
export function scrollToShow(
  scroll: number,
  start: number,
  size: number,
  view: number,
  covered: number,
  side: ShownSide = 'start',
): number {
  const end = start + size;
  const room = view - covered;
  if (size > room) return Math.max(0, side === 'start' ? start - covered : end - view);
  if (start < scroll + covered) return Math.max(0, start - covered);
  if (end > scroll + view) return end - view;
  return scroll;
}

/**
 * How much of the table body's height (`height`) to show the current cell in: all of it, or, in a
 * window (`view` px high) too short for the line above the table, the header and the body
 * together (`above`: px from the line's top to the body's), the part that shows below them while
 * the line is at the window's top. Never less than the cell's own height (`cell`): in a window
 * too short even for that, the line and the header stick over the rows above the cell (see
 * pageScrollToShow).
 */
export function bodyRoom(height: number, view: number, above: number, cell: number): number {
  return Math.max(cell, Math.min(height, view - above));
}

/** A span from top to bottom, in px (a row on screen, the part of the window that shows rows). */
export interface VerticalSpan {
  readonly top: number;
  readonly bottom: number;
}

/** Fractions of a px that a box may reach past what it is in and still count as inside. */
const SLACK = 0.5;

/**
 * Rows that Page Up and Page Down move by: the rows seen whole in `sight` (where the table body
 * shows in the window, below what sticks over it), less one kept in view, and at least one. The
 * body's own height counts only where the window shows all of it: a page of rows never seen would
 * take the current cell past them. 0 when no row is in sight at all, not even in part (the page
 * was scrolled away from the table): there is no page to move by, and a Page key only brings the
 * current cell back into view (see keyTarget).
 */
export function rowsPerPage(rows: readonly VerticalSpan[], sight: VerticalSpan): number {
  // Out of the window, the body's part in sight is empty: its bottom above its top.
  const inSight = rows.filter(
    (row) =>
      sight.top < sight.bottom && row.bottom > sight.top + SLACK && row.top < sight.bottom - SLACK,
  );
  if (inSight.length === 0) return 0;
  const seen = inSight.filter(
    (row) => row.top >= sight.top - SLACK && row.bottom <= sight.bottom + SLACK,
  );
  return Math.max(1, seen.length - 1);
}

/** A box on screen, in px from the window's top left. */
export interface ScreenBox extends VerticalSpan {
  readonly left: number;
  readonly right: number;
}

/** Whether `box` (a cell) shows whole in `sight` (where the table body shows its value cells). */
export function showsWhole(box: ScreenBox, sight: ScreenBox): boolean {
  return (
    box.top >= sight.top - SLACK &&
    box.bottom <= sight.bottom + SLACK &&
    box.left >= sight.left - SLACK &&
    box.right <= sight.right + SLACK
  );
}

/** Where a cell lies in the page, and what sticks over its table, in px. */
export interface PageSpan {
  /** The height of the line that says what the cell is and of the table's header below it. */
  readonly stuck: number;
  readonly cellTop: number;
  readonly cellBottom: number;
}

/**
 * The page's scroll offset that shows the current cell below the line that says what it is and
 * the table's header, moving as little as possible. Both stick to the window's top once the page
 * is scrolled down the table (global.css), and are laid out above the cell before that: they show
 * wherever the cell shows below them. In a window too short for the cell below them, its top.
 */
export function pageScrollToShow(scroll: number, view: number, span: PageSpan): number {
  const top = span.cellTop - span.stuck;
  return scrollToShow(scroll, top, span.cellBottom - top, view, 0);
}

/**
 * Where a key takes the current cell `found`. A cell that was not exactly where it was (none
 * yet, and the place in view stands for it; its row filtered out; its column hidden) is only
 * shown by an arrow or Page key, so that the first Down shows the first row in view rather
 * than the second; Home and End go to their ends from anywhere. Space stays where it is. So does
 * a Page key while no row is in sight (`size.page` 0, see rowsPerPage): as in the ARIA grid
 * pattern, a page is what the rows in view make it, and with none in view the key shows the
 * current cell first; the next one moves a page from it. An arrow key moves one row from it.
 */
export function keyTarget(found: FoundCell, press: CellKeyPress, size: TableSize): CellPlace {
  const ends = press.key === 'Home' || press.key === 'End';
  if (!found.exact && !ends) return found.place;
  const paging = press.key === 'PageUp' || press.key === 'PageDown';
  if (paging && size.page <= 0) return found.place;
  return moveCell(found.place, press, size) ?? found.place;
}
