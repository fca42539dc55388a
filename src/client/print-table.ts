/**
 * What a score table prints as. Tabulator puts only the rows near the view in the page, inside a
 * box that scrolls: printed as it is, a table of 22 rows showed 19, and one of hundreds a screen
 * of them, with nothing to say the rest were left out. For printing, a plain table (styled as
 * the static one, ScoreTable.astro) stands in: every row the search and filters keep, in the
 * table's order, and the columns shown, as text.
 */

import { h } from './dom.ts';

export interface PrintedCell {
  readonly text: string;
  readonly partial: boolean;
}

export interface PrintedRow {
  readonly model: string;
  /** Shown where the table shows runs. */
  readonly run: string;
  readonly baseline: boolean;
  readonly limited: boolean;
  /** Delta's reference row, which shows its own scores (in bold, as on screen). */
  readonly reference: boolean;
  readonly cells: readonly PrintedCell[];
}

export interface PrintedTable {
  /** What the rows are (the table's accessible name). */
  readonly caption: string;
  readonly showRun: boolean;
  /** The columns shown, in order: a group (language) before the label where there is one. */
  readonly columns: readonly string[];
  readonly rows: readonly PrintedRow[];
  /** Said in place of the rows when there are none. */
  readonly empty: string;
}

export function printTable(data: PrintedTable): HTMLTableElement {
  const head = h('tr');
  if (data.showRun) head.append(h('th', { scope: 'col' }, 'Run'));
  head.append(h('th', { scope: 'col' }, 'Model'));
  for (const label of data.columns) head.append(h('th', { scope: 'col' }, label));
  const body = h('tbody');
  // One by one: spreading thousands of rows into append may overflow the stack.
  for (const row of data.rows) body.append(printedRow(row, data.showRun));
  if (data.rows.length === 0) {
    const span = String(data.columns.length + (data.showRun ? 2 : 1));
    body.append(h('tr', {}, h('td', { colspan: span }, data.empty)));
  }
  return h(
    'table',
    { class: 'data print-table' },
    h('caption', { class: 'muted' }, data.caption),
    h('thead', {}, head),
    body,
  );
}

function printedRow(row: PrintedRow, showRun: boolean): HTMLTableRowElement {
  const classes = [row.baseline ? 'baseline' : '', row.reference ? 'reference' : ''];
  const tr = h('tr', { class: classes.join(' ').trim() || undefined });
  if (showRun) tr.append(h('td', {}, row.run));
  const model = h('th', { scope: 'row' }, row.model);
  // Badges as the static table has them: on paper, a baseline's shading may not print.
  if (row.baseline) model.append(' ', h('span', { class: 'badge' }, 'baseline'));
  if (row.limited) model.append(' ', h('span', { class: 'badge' }, 'limit'));
  tr.append(model);
  for (const cell of row.cells) {
    tr.append(h('td', { class: cell.partial ? 'partial' : undefined }, cell.text));
  }
  return tr;
}
