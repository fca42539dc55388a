/**
 * What every view of a run page shares: the payload, the URL state, the rows as the grid takes
 * them and the payload's cell marks.
 */

import { columnIds, namedColumns } from '../lib/site/metric-id.ts';
import { noModelsText } from '../lib/site/no-models.ts';
import { payloadMark, type CellMark } from '../lib/site/recompute.ts';
import type { RunData } from '../lib/site/site-data.ts';
import { runStateSearch, type RunViewState } from '../lib/site/url-state.ts';
import type { GridColumn, GridRow } from './grid-types.ts';
import { replaceSearch } from './url.ts';

export interface View {
  /** Called whenever the view's panel becomes visible; the first call builds it. */
  show(): void;
}

export class RunContext {
  readonly run: RunData;
  /** The payload rows as grid rows (values shared, not copied). */
  readonly rows: readonly GridRow[];
  /** What the views say in place of rows and charts when the run has no row; else null. */
  readonly noModels: string | null;
  private current: RunViewState;

  constructor(run: RunData, state: RunViewState) {
    this.run = run;
    this.current = state;
    this.noModels = noModelsText(run);
    this.rows = run.rows.map((row, id) => ({
      id,
      model: row.model,
      baseline: row.baseline !== null,
      limited: row.limited,
      v: row.values,
    }));
  }

  get state(): RunViewState {
    return this.current;
  }

  /** Changes the state and writes it to the URL. */
  update(patch: Partial<RunViewState>): void {
    this.current = { ...this.current, ...patch };
    replaceSearch(runStateSearch(this.current));
  }

  /**
   * Of a table's columns, those the address hides (`hide=`: by id, by the name the page shows,
   * or by a header of that table), for a table made while the address says so.
   */
  hiddenByAddress(columns: readonly GridColumn[]): Set<number> {
    return namedColumns(this.run, columns, this.current.hide);
  }

  /** Keeps the columns hidden in the table now shown in the address, so a link shows them so. */
  keepHidden(hidden: ReadonlySet<number>): void {
    const hide = columnIds(this.run, hidden);
    const same =
      hide.length === this.current.hide.length &&
      hide.every((id, i) => this.current.hide[i] === id);
    if (!same) this.update({ hide });
  }

  /** The payload's mark of a cell: partial flag and the note (coverage or why missing). */
  readonly mark = (row: GridRow, index: number): CellMark =>
    payloadMark(this.run.rows[row.id], index);

  /** Grid columns for payload column indexes, optionally grouped under their language. */
  gridColumns(indexes: readonly number[], groupName?: (index: number) => string): GridColumn[] {
    return indexes.flatMap((index) => {
      const column = this.run.columns[index];
      if (column === undefined) return [];
      const title = column.about === undefined ? column.id : `${column.id}: ${column.about}`;
      const base = { index, label: column.label, title };
      return [groupName === undefined ? base : { ...base, group: groupName(index) }];
    });
  }
}
