/** A computed report cell: its value, and enough about it to explain a gap or a partial value. */

/** `ok` and `partial` have a value; the others are empty cells, with the reason. */
export type CellStatus = 'ok' | 'partial' | 'missing' | 'failed' | 'invalid';

export interface Cell {
  readonly value: number | null;
  readonly status: CellStatus;
  /** Aggregates: [children present, children expected]. */
  readonly coverage: readonly [number, number] | null;
  /** Why the cell is empty or partial: the entry's reason, or `5/6 missing: vi_nlr`. */
  readonly detail: string;
  /** Standard error on the same scale, where the inputs carry one (lm-eval tasks). */
  readonly stderr: number | null;
  /**
   * Problems of inputs that have no column of their own and are reported under this cell
   * (a failed `pragmatic-single` under `pragmatics`, scoring.md section 3).
   */
  readonly inner?: readonly {
    readonly reason: 'failed' | 'missing' | 'invalid';
    readonly detail: string;
  }[];
}
