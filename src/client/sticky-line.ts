/**
 * The line that says what a score table's current cell is sticks to the window's top once the page
 * is scrolled down the table, and the table's header sticks right below it (global.css), so that
 * the header shows whole under the line instead of being covered by it. The header's offset is
 * the line's height (`--line-height` on the grid), which changes with the line's text and the
 * window's width, and is 0 while the line is empty (hidden). The header's own height
 * (`--header-height`) ends the line's sticking as early as the header's: both leave the window
 * with the table's bottom, together. While they stick, the grid is
 * marked `data-stuck`: an edge under the line and a shadow under the header part them from the
 * rows that scroll under them.
 */

import { heightOf } from './dom.ts';

/** Sets a length in px on the element's style, when it changes. */
function setLength(element: HTMLElement, name: string, px: number): void {
  const value = `${px}px`;
  if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
}

/**
 * Keeps the grid's `--line-height` and `data-stuck` up to date as the page scrolls, the window
 * is resized, the line changes and the table changes size: a table shown again (another tab or
 * language picked, with no scroll meanwhile) may stick at once, and one hidden meanwhile was
 * marked as not stuck. Returns the update, for a change of the line's text: it lays the header
 * out under the line before anything is measured.
 */
export function stickHeaderUnderLine(
  grid: HTMLElement,
  line: HTMLElement,
  table: HTMLElement,
): () => void {
  const update = () => {
    const height = heightOf(line);
    setLength(grid, '--line-height', height);
    setLength(grid, '--header-height', heightOf(table.querySelector(':scope > .tabulator-header')));
    // The table itself does not stick: its top is where the line's bottom is laid out.
    const box = table.getBoundingClientRect();
    const stuck = box.height > 0 && box.top < height && box.bottom > 0;
    if (grid.hasAttribute('data-stuck') !== stuck) grid.toggleAttribute('data-stuck', stuck);
  };
  const observer = new ResizeObserver(update);
  observer.observe(line);
  observer.observe(table);
  window.addEventListener('scroll', update, { passive: true });
  window.addEventListener('resize', update, { passive: true });
  return update;
}
