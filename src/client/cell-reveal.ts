/**
 * Brings a score table's current cell into view: scrolls the table's body and the page as little
 * as shows the cell whole, clear of the frozen columns and of the line and header stuck over the
 * rows, and follows it while Tabulator draws the rows and columns near the view (see reveal).
 */

import type { RowComponent, Tabulator } from 'tabulator-tables';
import {
  bodyRoom,
  pageScrollToShow,
  rowsPerPage,
  scrollToShow,
  type CellPlace,
  type ScreenBox,
} from '../lib/site/grid-cursor.ts';
import { heightOf } from './dom.ts';
import { fieldOf } from './grid-cells.ts';
import type { GridRow } from './grid-types.ts';

/** How many frames a reveal follows the current cell at most while Tabulator moves it... */
const REVEAL_FRAMES = 12;
/** ...and for how many it has to stay put (Tabulator answers a scroll two frames later). */
const STILL_FRAMES = 2;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** What a reveal reads of the score table (see ScoreGrid). */
export interface RevealedTable {
  readonly table: Tabulator;
  /** Tabulator's table element, right below the line. */
  readonly tableElement: HTMLElement;
  /** The line above the table that says what the current cell is; it sticks to the window's top. */
  readonly detail: HTMLElement;
  /** Whether the run has a frozen column of its own, beside the model's. */
  readonly runColumn: () => boolean;
}

export class CellRevealer {
  private readonly table: Tabulator;
  private readonly tableElement: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly hasRunColumn: () => boolean;
  /** Counts reveals, so that one waiting for Tabulator gives way to a later key or click. */
  private ticket = 0;

  constructor(parts: RevealedTable) {
    this.table = parts.table;
    this.tableElement = parts.tableElement;
    this.detail = parts.detail;
    this.hasRunColumn = parts.runColumn;
  }

  /** Stops a reveal still following an earlier key, which would scroll the view away. */
  cancel(): void {
    this.ticket++;
  }

  private get runColumn(): boolean {
    return this.hasRunColumn();
  }

  /** The first row in view and the first value column in view (at least in part). */
  placeInView(ids: readonly number[], shown: readonly number[], holder: HTMLElement): CellPlace {
    const first = this.table.getRows('visible')[0];
    const row = first === undefined ? -1 : ids.indexOf((first.getData() as GridRow).id);
    // Header cells and body cells line up, and every header is in the page (body cells of wide
    // tables are not), so the headers say where a column is; the frozen columns cover the left.
    const left = holder.scrollLeft + this.frozenWidth();
    const column = shown.findIndex((index) => {
      const header = this.table.getColumn(fieldOf(index)).getElement();
      return header.offsetLeft + header.offsetWidth > left + 1;
    });
    return { row: Math.max(row, 0), column: Math.max(column, 0) };
  }

  /** The width of the frozen columns (model, and run where it has a column of its own). */
  private frozenWidth(): number {
    const run = this.runColumn ? this.table.getColumn('run').getWidth() : 0;
    return run + this.table.getColumn('model').getWidth();
  }

  /**
   * Rows seen whole, less one kept in view (at least one): what Page Up and Down move. In a window
   * shorter than the body, or with the body partly scrolled out of the window, that is fewer
   * than the body holds.
   */
  pageRows(holder: HTMLElement): number {
    const rows = [...holder.querySelectorAll('.tabulator-row')];
    return rowsPerPage(
      rows.map((row) => row.getBoundingClientRect()),
      this.sight(holder),
    );
  }

  /**
   * Where the body shows its value cells in the window: its client area (less its scroll bars),
   * below the line and the header when they stick over it, right of the frozen columns, and
   * inside the window.
   */
  sight(holder: HTMLElement): ScreenBox {
    const body = holder.getBoundingClientRect();
    const top = body.top + holder.clientTop;
    const left = body.left + holder.clientLeft;
    // The line is hidden while empty: its box is then at 0.
    const stuck = [this.header(), this.detail].map((element) => element?.getBoundingClientRect());
    const page = document.scrollingElement ?? document.documentElement;
    return {
      top: Math.max(top, 0, ...stuck.map((box) => box?.bottom ?? 0)),
      bottom: Math.min(top + holder.clientHeight, page.clientHeight),
      left: Math.max(left + this.frozenWidth(), 0),
      right: Math.min(left + holder.clientWidth, page.clientWidth),
    };
  }

  /**
   * Scrolls the cell into view, clear of the frozen columns, and the page so that the cell and the
   * line that says what it is both show. Tabulator only puts the rows (and, in a wide table, the
   * columns) near the view in the page: it draws a row far away when asked to scroll to it, and
   * the cells of a row and column once the body has scrolled to them (on its scroll event, a
   * frame or two later), when rows whose height it had only estimated can move the cell by a few
   * px. So the body is scrolled to the cell's row and column, again until the cell is drawn and
   * stays put.
   */
  async reveal(row: RowComponent, field: string, holder: HTMLElement): Promise<void> {
    const ticket = ++this.ticket;
    if (!row.getElement().isConnected) await this.drawRow(row, holder);
    let shown: DOMRect | null = null;
    let still = 0;
    for (let frame = 0; frame < REVEAL_FRAMES && still < STILL_FRAMES; frame++) {
      if (frame > 0) await nextFrame();
      // A later key or click wins; a table no longer shown (another tab) has nothing to reveal.
      if (ticket !== this.ticket || holder.getClientRects().length === 0) return;
      const cell = row.getCell(field).getElement();
      const now = cell.getBoundingClientRect();
      const stays = shown !== null && now.top === shown.top && now.left === shown.left;
      if (cell.isConnected && stays) still++;
      else [still, shown] = [0, this.revealCell(row, field, holder)];
    }
  }

  /**
   * Has Tabulator draw a row far from the rows in view, by scrolling the body to it. Tabulator
   * resets the body's sideways scroll as it does, yet draws the row's cells for the columns
   * scrolled to before: in a wide table, a scroll event that then saw both scrolls would draw the
   * columns for the rows shown before (see revealInBody), and the rows drawn here would keep the
   * cells of other columns under these headers. So the sideways scroll is put back, and the
   * column is scrolled to a frame later, on its own.
   */
  private async drawRow(row: RowComponent, holder: HTMLElement): Promise<void> {
    const left = holder.scrollLeft;
    await row.scrollTo('nearest', false);
    holder.scrollLeft = left;
    await nextFrame();
  }

  /**
   * Scrolls the body and the page to the cell: to its row, and to its column's header (every
   * header is in the page, lined up with its column, where the cell may not be drawn yet).
   * Returns where the cell is then, or null while the body has to scroll sideways still.
   */
  private revealCell(row: RowComponent, field: string, holder: HTMLElement): DOMRect | null {
    const element = row.getElement();
    const done = this.revealInBody(element, this.table.getColumn(field).getElement(), holder);
    this.revealInPage(element);
    return done ? row.getCell(field).getElement().getBoundingClientRect() : null;
  }

  /**
   * The body's scroll that shows a value column (`left`, `width` in the body's content) beside
   * the frozen columns; one too wide for the room there shows its end, where its value is
   * (value cells are right-aligned), rather than reach under them or past the right edge.
   */
  private scrollLeftFor(holder: HTMLElement, left: number, width: number): number {
    const frozen = this.frozenWidth();
    return scrollToShow(holder.scrollLeft, left, width, holder.clientWidth, frozen, 'end');
  }

  /**
   * Scrolls the body as little as shows the row's cell in the header's column whole beside the
   * frozen columns, and in the part of the body that shows with the line above the table (see
   * bodyRoom): up or down first, and sideways on a later call, once the row is in view. A wide
   * table draws the columns scrolled to in the rows it showed before the scroll, when both come
   * in one frame, and leaves the other rows without cells. False when it scrolled up or down.
   */
  private revealInBody(row: HTMLElement, header: HTMLElement, holder: HTMLElement): boolean {
    const view = holder.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    const top = box.top - view.top - holder.clientTop + holder.scrollTop;
    const above = view.top + holder.clientTop - this.lineTop();
    const windowHeight = (document.scrollingElement ?? document.documentElement).clientHeight;
    const room = bodyRoom(holder.clientHeight, windowHeight, above, box.height);
    const before = holder.scrollTop;
    holder.scrollTop = scrollToShow(before, top, box.height, room, 0);
    if (holder.scrollTop !== before) return false;
    holder.scrollLeft = this.scrollLeftFor(holder, header.offsetLeft, header.offsetWidth);
    return true;
  }

  /**
   * Where the line above the table is laid out, from the window's top: the line sticks to the
   * window's top once the page is scrolled past it, so it is read from the table right below it,
   * which does not stick.
   */
  private lineTop(): number {
    return this.tableElement.getBoundingClientRect().top - this.detail.offsetHeight;
  }

  /**
   * Scrolls the page as little as shows the cell's row below the line above the table that says
   * what it is and the table's header, which stick to the window's top (see pageScrollToShow).
   */
  private revealInPage(row: HTMLElement): void {
    const page = document.scrollingElement ?? document.documentElement;
    const box = row.getBoundingClientRect();
    const top = page.scrollTop;
    const scroll = pageScrollToShow(top, page.clientHeight, {
      stuck: heightOf(this.detail) + heightOf(this.header()),
      cellTop: top + box.top,
      cellBottom: top + box.bottom,
    });
    if (scroll !== top) window.scrollTo({ top: scroll, behavior: 'instant' });
  }

  /** Tabulator's header, which sticks under the line (global.css). */
  private header(): HTMLElement | null {
    return this.tableElement.querySelector<HTMLElement>(':scope > .tabulator-header');
  }
}
