/** What a score table is built from: its columns, its rows and its options (see grid.ts). */

import type { CellMark } from '../lib/site/recompute.ts';

export interface GridColumn {
  /** Index into each row's `v`. */
  readonly index: number;
  readonly label: string;
  /** Header tooltip, e.g. the report column id. */
  readonly title: string;
  /** A group (a language), shown above the label. */
  readonly group?: string;
}

export interface GridRow {
  /** Unique row id (Tabulator's index). */
  readonly id: number;
  readonly model: string;
  /** Shown in a leading "Run" column when the grid has one. */
  readonly run?: string;
  readonly baseline: boolean;
  readonly limited: boolean;
  readonly reference?: boolean;
  /** Values by column index; null/undefined = missing. */
  readonly v: readonly (number | null | undefined)[];
  /** Marks of recomputed cells; other cells use the grid's `mark`. */
  readonly m?: Readonly<Record<number, CellMark>>;
}

export interface CellLook {
  readonly text: string;
  readonly background?: string;
  readonly color?: string;
}

export interface GridOptions {
  /** The table's accessible name (what its rows are). */
  readonly label: string;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** The payload's mark of a cell (partial flag and its note). */
  readonly mark: (row: GridRow, index: number) => CellMark;
  /** Custom text and colours of a cell (Delta); default: the value with 2 decimals. */
  readonly look?: (row: GridRow, index: number) => CellLook;
  readonly showRun?: boolean;
  readonly chooser?: boolean;
  readonly ranges?: boolean;
  /** File name parts for "Download CSV"; absent = no download button. */
  readonly csvName?: readonly string[];
  /**
   * For a view whose cells show other numbers than the rows' values (Delta: differences, and the
   * reference row's own values): a text column saying what a row shows, and each cell's number.
   */
  readonly csvShown?: {
    readonly header: string;
    readonly text: (row: GridRow) => string;
    readonly value: (row: GridRow, index: number) => number | null;
  };
  /** Column indexes hidden from the start (the page address said so). */
  readonly hidden?: ReadonlySet<number>;
  /** Called with the hidden column indexes whenever the column chooser changes. */
  readonly onHiddenChange?: (hidden: ReadonlySet<number>) => void;
  /** Shown in place of the rows when there are none at all (a run without models). */
  readonly empty?: string | null;
}
