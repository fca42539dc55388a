/**
 * A run's data travels to the browser in two static JSON files: the scores a page needs at once
 * (lang and competency columns, with every column's definition) and the task columns, which
 * only the Task and Delta views read and which are most of the bytes. Pure; the split and the
 * merge are inverses.
 */

import type { RowData, RunData } from './site-data.ts';

export interface TaskPart {
  /** Index of the first task column in `columns`. */
  readonly offset: number;
  /** Per row (same order): task values, status codes and notes keyed by full column index. */
  readonly rows: readonly {
    readonly values: readonly (number | null)[];
    readonly status: string;
    readonly notes: Readonly<Record<number, string>>;
  }[];
}

export function taskOffset(run: RunData): number {
  const first = run.columns.findIndex((c) => c.level === 'task');
  return first < 0 ? run.columns.length : first;
}

/** The run without task values (columns kept), and the task values on their own. */
export function splitRun(run: RunData): { scores: RunData; tasks: TaskPart } {
  const offset = taskOffset(run);
  const split = (notes: Readonly<Record<number, string>>, task: boolean) =>
    Object.fromEntries(Object.entries(notes).filter(([i]) => Number(i) >= offset === task));
  const scores: RunData = {
    ...run,
    rows: run.rows.map((row): RowData => ({
      ...row,
      values: row.values.slice(0, offset),
      status: row.status.slice(0, offset),
      notes: split(row.notes, false),
    })),
  };
  const tasks: TaskPart = {
    offset,
    rows: run.rows.map((row) => ({
      values: row.values.slice(offset),
      status: row.status.slice(offset),
      notes: split(row.notes, true),
    })),
  };
  return { scores, tasks };
}

/** Puts the task values back into the rows, in place (views share the rows' arrays). */
export function mergeTasks(scores: RunData, tasks: TaskPart): void {
  scores.rows.forEach((row, i) => {
    const part = tasks.rows[i];
    if (part === undefined || row.values.length !== tasks.offset) return;
    // Item by item: a run of 200,000+ tasks (one SEA-HELM file can hold them) overflows the
    // stack spread into push, and its Task view would not open.
    const values = row.values as (number | null)[];
    for (const value of part.values) values.push(value);
    const mutable = row as { status: string; notes: Record<number, string> };
    mutable.status += part.status;
    Object.assign(mutable.notes, part.notes);
  });
}
