/**
 * A score table's cells and its leading columns (model, run), built as DOM text: every name is
 * data, and a formatter that returned a string would be written with innerHTML by Tabulator.
 */

import type { CellComponent, ColumnDefinition, RowComponent } from 'tabulator-tables';
import { h, setTitle } from './dom.ts';
import { headerNode } from './grid-header.ts';
import type { GridRow } from './grid-types.ts';

/** Fits the longest model name (and its badges), within bounds; longer names wrap. */
export function modelWidth(rows: readonly GridRow[]): number {
  let widest = 0;
  for (const row of rows) {
    const badges = (row.baseline ? 90 : 0) + (row.limited ? 56 : 0);
    widest = Math.max(widest, row.model.length * 8.2 + badges);
  }
  return Math.round(Math.max(180, Math.min(320, widest + 24)));
}

export function fieldOf(index: number): string {
  return `v.${index}`;
}

/**
 * Cell text as a Text node. Tabulator appends any returned Node (a returned string would be
 * written with innerHTML); its typings only name HTMLElement, hence the cast.
 */
export function textNode(text: string): HTMLElement {
  return document.createTextNode(text) as unknown as HTMLElement;
}

function badge(text: string, tooltip: string): HTMLElement {
  return h('span', { class: 'badge', title: tooltip }, text);
}

/**
 * The model's cell: its name and badges, and, where the run shares the cell (on a phone), the
 * run on a line of its own below them, as the picker names a pick (`model — run` in the tooltip).
 */
export function modelCell(cell: CellComponent, withRun: boolean): HTMLElement {
  const row = cell.getData() as GridRow;
  const run = withRun ? row.run : undefined;
  const span = h('span', { class: 'model-name' }, row.model);
  setTitle(cell.getElement(), run === undefined ? row.model : `${row.model} — ${run}`);
  if (!row.baseline && !row.limited && run === undefined) return span;
  const wrap = h('span', { class: 'model-cell' }, span);
  if (row.baseline) wrap.append(badge('baseline', 'A baseline model merged into this run'));
  if (row.limited) {
    wrap.append(badge('limit', 'lm-eval ran on a subset (--limit): not comparable'));
  }
  if (run !== undefined) wrap.append(h('span', { class: 'model-run' }, run));
  return wrap;
}

/** The run's frozen column, beside the model's (wider windows). */
export function runColumnDefinition(): ColumnDefinition {
  return {
    title: 'Run',
    field: 'run',
    frozen: true,
    width: 140,
    sorter: 'string',
    formatter: textCell,
    titleFormatter: () => headerNode('Run', 'Run', true),
  };
}

/** Model names in order (as Tabulator's string sorter compares them), then runs. */
export function byModelThenRun(
  a: unknown,
  b: unknown,
  aRow: RowComponent,
  bRow: RowComponent,
): number {
  const text = (value: unknown) => String(value ?? '').toLowerCase();
  const run = (row: RowComponent) => text((row.getData() as GridRow).run);
  return text(a).localeCompare(text(b)) || run(aRow).localeCompare(run(bRow));
}

function textCell(cell: CellComponent): HTMLElement {
  const value = cell.getValue() as unknown;
  const text = typeof value === 'string' ? value : '';
  setTitle(cell.getElement(), text);
  return textNode(text);
}
