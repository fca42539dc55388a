/** Where Tabulator's table needs mending: its roles for assistive technology, its column widths. */

import type { ColumnComponent } from 'tabulator-tables';

/**
 * Tabulator's `role="grid"` element re-parents its rows' rowgroup with `aria-owns`, past the
 * scrolling body it makes a Tab stop (`tabindex="0"`) with no role or name: assistive
 * technology meets an unnamed, role-less stop inside the grid. The scrolling body becomes the
 * rows' named rowgroup instead, and the element inside it presentational. The focus stays on it
 * while its keys move the current cell (ScoreGrid.moveByKey), which the line above the table
 * describes (and its live region says): a rowgroup takes no `aria-activedescendant`. Returns the
 * body.
 */
export function mendGridRoles(table: HTMLElement): HTMLElement | null {
  const holder = table.querySelector<HTMLElement>(':scope > .tabulator-tableholder');
  const body = holder?.querySelector<HTMLElement>(':scope > .tabulator-table');
  if (holder == null || body == null) return null;
  table.removeAttribute('aria-owns');
  holder.setAttribute('role', 'rowgroup');
  holder.setAttribute(
    'aria-label',
    'Rows (the arrow keys move the current cell; the line above the table says what it is)',
  );
  body.setAttribute('role', 'presentation');
  return holder;
}

/**
 * Sets a column's width, in its definition too: Tabulator sets every column back to the width its
 * definition gives as it lays the table out anew (a table built out of view, once it comes into
 * view).
 */
export function setColumnWidth(column: ColumnComponent, width: number): void {
  column.getDefinition().width = width;
  column.setWidth(width);
}
