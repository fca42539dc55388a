/**
 * The line over a score table that says what one cell is and why it is partial or empty, for
 * the reader who clicks or taps it: a tooltip needs a mouse, and touch screens have none.
 */

import type { CellMark } from './recompute.ts';

export interface CellDetailInput {
  readonly model: string;
  /** The run, on tables that show one (the comparison). */
  readonly run?: string;
  /** The column's group (its language) and label, as its header shows them. */
  readonly group?: string;
  readonly label: string;
  /** The cell's text as the table shows it (a value, a difference, or the missing mark). */
  readonly shown: string;
  /** What the table's numbers are, where not the scores (Delta: `minus <reference>`). */
  readonly shows?: string;
  /** Whether the cell has no value. */
  readonly empty: boolean;
  readonly mark: CellMark;
}

/** `model (run) · Thai NLU: 55.21* — 3/4 missing: th_qa` */
export function cellDetail(input: CellDetailInput): string {
  const who = input.run === undefined ? input.model : `${input.model} (${input.run})`;
  const column = input.group === undefined ? input.label : `${input.group} ${input.label}`;
  const mark = input.mark.partial ? '*' : '';
  const shown = `${input.shown}${mark}${input.shows === undefined ? '' : ` (${input.shows})`}`;
  const why =
    input.mark.note !== '' ? input.mark.note : input.empty ? 'no value' : 'every input present';
  return `${who} · ${column}: ${shown} — ${why}`;
}
