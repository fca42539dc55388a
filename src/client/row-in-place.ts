/**
 * Keeps a score table's place on the page when the window changes width (a phone turned, a
 * window resized, with or without a switch of the table's layout): the page keeps its scroll in
 * px while the text above the table reflows and the table's body takes another height, which
 * could leave the table above the window. The row at the window's top while the page is scrolled
 * down the table, or the current cell's row while the table body has the focus, is put back at
 * about the same place from the window's top (see row-place.ts). Only a change of width: a phone's
 * address bar that comes and goes while the page scrolls changes the height alone, and moves no
 * row.
 */

import { bodyScrollToPlace, rowPlaceTop } from '../lib/site/row-place.ts';
import { heightOf, rowsTop } from './dom.ts';

/** A row by its id (`data-row`), where its top was from the window's top, in a window that wide. */
interface RowPlace {
  readonly row: string;
  readonly top: number;
  readonly width: number;
}

export interface RowPlaceParts {
  /** The grid, marked `data-stuck` while the page is scrolled down the table (sticky-line.ts). */
  readonly grid: HTMLElement;
  /** The line above the table, which sticks over the rows with the header. */
  readonly line: HTMLElement;
  /** Tabulator's table element. */
  readonly table: HTMLElement;
  /** The current cell's row, or null for none. */
  readonly currentRow: () => HTMLElement | null;
}

/** How many frames a row is put back at most while Tabulator lays the rows out again... */
const PLACE_FRAMES = 12;
/** ...and for how many it has to stay put. */
const STILL_FRAMES = 2;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The window's size as its scroll is measured against. */
function windowBox(): { width: number; height: number; scroll: number } {
  const page = document.scrollingElement ?? document.documentElement;
  return { width: page.clientWidth, height: page.clientHeight, scroll: page.scrollTop };
}

/** Watches the page and the table, and puts the row back in place once the width changes. */
export function keepRowInPlace(parts: RowPlaceParts): void {
  const { grid, line, table } = parts;
  const holder = () => table.querySelector<HTMLElement>(':scope > .tabulator-tableholder');
  const header = () => table.querySelector<HTMLElement>(':scope > .tabulator-header');
  let place: RowPlace | null = null;
  /** Counts the width changes, so that a later one takes over from one still being followed. */
  let ticket = 0;
  let placing = false;

  /**
   * The row to keep in place now, if any: the current cell's while the table has the focus and
   * the row is in the window; else, while the page is scrolled down the table, the first row seen
   * whole below the header.
   */
  const rowToKeep = (body: HTMLElement): HTMLElement | null => {
    const { height } = windowBox();
    const current = table.contains(document.activeElement) ? parts.currentRow() : null;
    const box = current?.getBoundingClientRect();
    if (current != null && box !== undefined && box.bottom > 0 && box.top < height) return current;
    if (!grid.hasAttribute('data-stuck')) return null;
    // The header sticks under the line.
    const top = Math.max(header()?.getBoundingClientRect().bottom ?? 0, 0);
    const rows = body.querySelectorAll<HTMLElement>('.tabulator-row');
    return [...rows].find((row) => row.getBoundingClientRect().top >= top - 0.5) ?? null;
  };

  const note = () => {
    const body = holder();
    if (placing || body === null || body.getClientRects().length === 0) return;
    const row = rowToKeep(body);
    const id = row?.dataset['row'];
    const { width } = windowBox();
    place =
      row == null || id === undefined
        ? null
        : { row: id, top: row.getBoundingClientRect().top, width };
  };

  /** Puts the row back in place once; returns where it is then, or null when it is not drawn. */
  const putBack = (kept: RowPlace): number | null => {
    const body = holder();
    const row = body?.querySelector<HTMLElement>(`.tabulator-row[data-row="${kept.row}"]`);
    if (body == null || row == null || body.getClientRects().length === 0) return null;
    const { height, scroll } = windowBox();
    const box = row.getBoundingClientRect();
    const stuck = heightOf(line) + heightOf(header());
    const top = rowPlaceTop(kept.top, stuck, height, box.height);
    const offset = box.top - rowsTop(body) + body.scrollTop;
    const room = body.clientHeight - box.height;
    const maxScroll = body.scrollHeight - body.clientHeight;
    const bodyScroll = bodyScrollToPlace(offset, top - stuck, room, maxScroll);
    if (bodyScroll !== body.scrollTop) {
      body.scrollTop = bodyScroll;
      // Tabulator draws the rows for the scroll its last scroll event saw (scrollBack, scroll-back.ts).
      body.dispatchEvent(new Event('scroll'));
    }
    const now = row.getBoundingClientRect().top;
    if (Math.abs(now - top) > 0.5)
      window.scrollTo({ top: scroll + now - top, behavior: 'instant' });
    return row.getBoundingClientRect().top;
  };

  /**
   * Follows the row for a few frames, from the one after the change (the table has switched its
   * layout then: media queries report before frames), until Tabulator leaves it in place.
   */
  const keepPlace = async (kept: RowPlace, own: number) => {
    placing = true;
    let last: number | null = null;
    let still = 0;
    for (let frame = 0; frame < PLACE_FRAMES && still < STILL_FRAMES; frame++) {
      await nextFrame();
      if (own !== ticket) return;
      const now = putBack(kept);
      if (now === null) break;
      still = now === last ? still + 1 : 0;
      last = now;
    }
    placing = false;
    note();
  };

  window.addEventListener('scroll', note, { passive: true });
  // The body's own scroll (scroll events do not bubble), a key or a click that moves the cell.
  table.addEventListener('scroll', note, { passive: true, capture: true });
  table.addEventListener('keyup', note);
  table.addEventListener('click', note);
  table.addEventListener('focusin', note);
  window.addEventListener('resize', () => {
    const kept = place;
    if (kept === null || kept.width === windowBox().width) return;
    ticket++;
    void keepPlace(kept, ticket);
  });
}
