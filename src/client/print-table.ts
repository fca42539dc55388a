/**
 * What a score table prints as. Tabulator puts only the rows near the view in the page, inside a
 * box that scrolls: printed as it is, a table of 22 rows showed 19, and one of hundreds a screen
 * of them, with nothing to say the rest were left out. For printing, a plain table (styled as
 * the static one, ScoreTable.astro) stands in: every row the search and filters keep, in the
 * table's order, and the columns shown, as text. A table wider than a page prints in blocks of
 * columns (print-blocks.ts).
 */

import { blockCaption, columnBlocks, type ColumnBlock } from '../lib/site/print-blocks.ts';
import { h } from './dom.ts';

/**
 * The widest a block of columns may be, in CSS pixels. Browsers shrink a page wider than the
 * paper to fit it, but only so far (Chromium: to half its size), and cut the rest. A portrait
 * A4 page, narrower than Letter, prints about 718 px less the page's own padding; 900 px is
 * shrunk to three quarters or less, and never cut.
 */
const PAGE_WIDTH = 900;

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

/** The tables to print for a score table: one, or a block of columns each, in order. */
export function printTables(data: PrintedTable): HTMLElement {
  const { lead, columns } = measuredWidths(data);
  const blocks = columnBlocks(columns, lead, PAGE_WIDTH);
  const tables = blocks.map((block) => printTable(blockOf(data, block, blocks.length)));
  return h('div', { class: 'print-tables' }, ...tables);
}

function blockOf(data: PrintedTable, block: ColumnBlock, blocks: number): PrintedTable {
  if (blocks === 1) return data;
  const { start, end } = block;
  return {
    ...data,
    caption: blockCaption(data.caption, block, data.columns.length),
    columns: data.columns.slice(start, end),
    rows: data.rows.map((row) => ({ ...row, cells: row.cells.slice(start, end) })),
  };
}

/**
 * The least width each column takes on paper, and the row names together: measured as printed
 * (print-measure in global.css), on the rows that hold each column's longest text, since a
 * table of thousands of rows would take long to lay out.
 */
function measuredWidths(data: PrintedTable): { lead: number; columns: number[] } {
  const sample = printTable({ ...data, rows: widestRows(data.rows) });
  const host = h('div', { class: 'print-measure', 'aria-hidden': 'true' }, sample);
  document.body.append(host);
  try {
    const [head] = sample.tHead?.rows ?? [];
    const widths = [...(head?.cells ?? [])].map((cell) => cell.getBoundingClientRect().width);
    const names = data.showRun ? 2 : 1;
    const lead = widths.slice(0, names).reduce((sum, width) => sum + width, 0);
    return { lead, columns: widths.slice(names) };
  } finally {
    host.remove();
  }
}

/** The rows with the longest run name, model name and text of each column, each once. */
function widestRows(rows: readonly PrintedRow[]): PrintedRow[] {
  const longest = (length: (row: PrintedRow) => number) =>
    rows.reduce<PrintedRow | undefined>(
      (best, row) => (best === undefined || length(row) > length(best) ? row : best),
      undefined,
    );
  const columns = rows[0]?.cells.length ?? 0;
  const picked = [
    longest((row) => row.run.length),
    longest((row) => row.model.length + badgesLength(row)),
    ...Array.from({ length: columns }, (_, i) => longest((row) => row.cells[i]?.text.length ?? 0)),
  ];
  return [...new Set(picked.filter((row) => row !== undefined))];
}

/** What the badges add to a model's cell: ` baseline`, ` limit`. */
function badgesLength(row: PrintedRow): number {
  return (row.baseline ? ' baseline'.length : 0) + (row.limited ? ' limit'.length : 0);
}

function printTable(data: PrintedTable): HTMLTableElement {
  const head = h('tr');
  if (data.showRun) head.append(h('th', { scope: 'col' }, 'Run'));
  head.append(h('th', { scope: 'col' }, 'Model'));
  for (const label of data.columns) head.append(h('th', { scope: 'col' }, ...breakable(label)));
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

/**
 * A name with a line break allowed after each `_`, `-`, `.` and `/`: task and model names such
 * as `ifeval_inst_level_strict_acc` have no space, and a column as wide as the whole name left
 * room for few columns on a page.
 */
function breakable(label: string): (string | HTMLElement)[] {
  return label.split(/(?<=[_\-./])/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}

function printedRow(row: PrintedRow, showRun: boolean): HTMLTableRowElement {
  const classes = [row.baseline ? 'baseline' : '', row.reference ? 'reference' : ''];
  const tr = h('tr', { class: classes.join(' ').trim() || undefined });
  if (showRun) tr.append(h('td', {}, row.run));
  const model = h('th', { scope: 'row' }, ...breakable(row.model));
  // Badges as the static table has them: on paper, a baseline's shading may not print.
  if (row.baseline) model.append(' ', h('span', { class: 'badge' }, 'baseline'));
  if (row.limited) model.append(' ', h('span', { class: 'badge' }, 'limit'));
  tr.append(model);
  for (const cell of row.cells) {
    tr.append(h('td', { class: cell.partial ? 'partial' : undefined }, cell.text));
  }
  return tr;
}
