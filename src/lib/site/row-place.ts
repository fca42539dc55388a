/**
 * Where a score table's row goes back to once the window changed width (a phone turned): the page
 * keeps its scroll in px while everything above the table reflows, which can leave the table
 * above the window. The row that was at the window's top (or the current cell's) is put back at
 * about the same place. Pure, so it is tested without a browser; px from the window's top.
 */

/**
 * Where the row's top goes: where it was (`was`), kept below what sticks over the rows (`stuck`:
 * the line above the table and its header) and whole above the window's bottom (`view` px high)
 * as far as the window leaves room for it.
 */
export function rowPlaceTop(was: number, stuck: number, view: number, rowHeight: number): number {
  return Math.max(stuck, Math.min(was, view - rowHeight));
}

/**
 * The table body's scroll that puts a row (`rowOffset` px down the body's content) `below` px
 * under the body's top, or as near as shows it whole (`room`: the body's height less the row's),
 * within the body's scroll range (`maxScroll`). With the page then scrolled to put the row back
 * in place, the body starts right under what sticks, and shows as many rows below it as it can;
 * near either end of the body, the page scrolls the rest.
 */
export function bodyScrollToPlace(
  rowOffset: number,
  below: number,
  room: number,
  maxScroll: number,
): number {
  const under = Math.max(0, Math.min(below, room));
  return Math.max(0, Math.min(rowOffset - under, maxScroll));
}
