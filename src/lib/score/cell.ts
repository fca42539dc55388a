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

/**
 * A cell's problems, one entry per reason (scoring.md section 6): its own first (`own`, when it
 * has one), then those of its inputs without a column of their own, whose details join the
 * cell's own when the reason is the same. The missing report and the pages both say it so.
 */
export function problemsByReason(
  own: readonly [reason: string, detail: string] | null,
  inner: Cell['inner'],
): Map<string, string[]> {
  const byReason = new Map<string, string[]>();
  const add = (reason: string, detail: string) => {
    const details = byReason.get(reason);
    if (details === undefined) byReason.set(reason, [detail]);
    else details.push(detail);
  };
  if (own !== null) add(...own);
  for (const { reason, detail } of inner ?? []) add(reason, detail);
  return byReason;
}
