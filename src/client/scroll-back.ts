/** Keeps a table body's place in its rows while they change height (see ScoreGrid.followWindow). */

import { rowsTop } from './dom.ts';

/**
 * Where a table body is scrolled to: its scroll, and the first row in view (by row id) with how
 * far its top is below the body's (less than 0 where it is scrolled partly past).
 */
interface Scrolled {
  readonly top: number;
  readonly left: number;
  readonly row: string | null;
  readonly offset: number;
}

export function scrolledTo(holder: HTMLElement): Scrolled {
  const top = rowsTop(holder);
  const rows = [...holder.querySelectorAll<HTMLElement>('.tabulator-row')];
  const first = rows.find((row) => row.getBoundingClientRect().bottom > top);
  return {
    top: holder.scrollTop,
    left: holder.scrollLeft,
    row: first?.dataset['row'] ?? null,
    offset: first === undefined ? 0 : first.getBoundingClientRect().top - top,
  };
}

/**
 * Scrolls a table body back to where it was before its rows changed height (adding a column also
 * scrolls it to the top): to the same scroll, and then by as much as puts the first row in view
 * back where it was. Tabulator keeps the scroll its last scroll event saw, and draws the rows for
 * it: it is told at once each time, as it tells itself when it scrolls the body.
 */
export function scrollBack(holder: HTMLElement, scrolled: Scrolled): void {
  holder.scrollLeft = scrolled.left;
  holder.scrollTop = scrolled.top;
  holder.dispatchEvent(new Event('scroll'));
  const id = scrolled.row;
  const row = id === null ? null : holder.querySelector(`.tabulator-row[data-row="${id}"]`);
  if (row === null) return;
  holder.scrollTop += row.getBoundingClientRect().top - rowsTop(holder) - scrolled.offset;
  holder.dispatchEvent(new Event('scroll'));
}
