/**
 * Delta view: every model's scores minus a reference model's, and the diverging pink-white-green
 * colour of each delta (PiYG, as in the original app), symmetric per column around zero.
 */

import { compareCodePoints } from '../compare.ts';
import { payloadMark, type CellMark, type RecomputedRow } from './recompute.ts';
import type { RowData } from './site-data.ts';

/** The default reference: the first baseline row, else the first row; null without rows. */
export function defaultReference(
  rows: readonly Pick<RowData, 'model' | 'baseline'>[],
): string | null {
  return (rows.find((r) => r.baseline !== null) ?? rows[0])?.model ?? null;
}

/** Picker choices: every row's model, sorted by code point (deterministic across locales). */
export function referenceChoices(rows: readonly Pick<RowData, 'model'>[]): string[] {
  return [...new Set(rows.map((r) => r.model))].sort(compareCodePoints);
}

/** value − reference, or null when either is missing. */
export function deltaOf(
  value: number | null | undefined,
  reference: number | null | undefined,
): number | null {
  if (value === null || value === undefined || reference === null || reference === undefined) {
    return null;
  }
  return value - reference;
}

/** The reference's side of one delta cell. */
export interface ReferenceCell {
  readonly model: string;
  readonly value: number | null;
  readonly partial: boolean;
  /** Why the reference's cell is empty or partial. */
  readonly note: string | undefined;
}

/**
 * The mark of a delta cell: a delta is partial when either side is (a complete mean minus a
 * partial one is not a like-for-like difference), and empty when the reference has no value.
 */
export function deltaMark(
  own: CellMark,
  ownValue: number | null,
  reference: ReferenceCell,
): CellMark {
  const why = reference.note ? `: ${reference.note}` : '';
  if (ownValue !== null && reference.value === null) {
    return { partial: own.partial, note: `the reference has no value${why}` };
  }
  if (ownValue === null || !reference.partial) return own;
  const note = `the reference (${reference.model}) is partial${why}`;
  return { partial: true, note: own.partial && own.note !== '' ? `${own.note}; ${note}` : note };
}

/** The cells a Delta table compares: each row's value and own mark at a column index. */
export interface DeltaSides {
  value(row: number, index: number): number | null;
  mark(row: number, index: number): CellMark;
}

/**
 * The payload's cells, or where `recomputed` has a cell (SEA Avg and Aggregate without hidden
 * languages, as Overall recomputes them), that one: a delta is then the difference of two
 * recomputed values, never of a recomputed value and a built one.
 */
export function deltaSides(
  rows: readonly RowData[],
  recomputed?: readonly RecomputedRow[],
): DeltaSides {
  return {
    value(row, index) {
      const own = recomputed?.[row]?.values[index];
      return own !== undefined ? own : (rows[row]?.values[index] ?? null);
    },
    mark(row, index) {
      return recomputed?.[row]?.marks[index] ?? payloadMark(rows[row], index);
    },
  };
}

/** One delta cell: row `row` minus the reference row, marked as deltaMark says. */
export function deltaCell(
  sides: DeltaSides,
  row: number,
  reference: { readonly row: number; readonly model: string },
  index: number,
): { readonly delta: number | null; readonly mark: CellMark } {
  const value = sides.value(row, index);
  const referenceValue = sides.value(reference.row, index);
  const referenceMark = sides.mark(reference.row, index);
  return {
    delta: deltaOf(value, referenceValue),
    mark: deltaMark(sides.mark(row, index), value, {
      model: reference.model,
      value: referenceValue,
      partial: referenceMark.partial,
      note: referenceMark.note,
    }),
  };
}

/** The colour scale's half-width of one column: the largest |delta| (0 = leave uncoloured). */
export function maxAbsDelta(deltas: Iterable<number | null>): number {
  let max = 0;
  for (const d of deltas) if (d !== null && Math.abs(d) > max) max = Math.abs(d);
  return max;
}

type Rgb = readonly [number, number, number];

/** ColorBrewer PiYG, 11 classes, from most negative (pink) to most positive (green). */
const PIYG: readonly Rgb[] = [
  [142, 1, 82],
  [197, 27, 125],
  [222, 119, 174],
  [241, 182, 218],
  [253, 224, 239],
  [247, 247, 247],
  [230, 245, 208],
  [184, 225, 134],
  [127, 188, 65],
  [77, 146, 33],
  [39, 100, 25],
];

const WHITE: Rgb = [247, 247, 247];

/** The PiYG colour at t in [-1, 1] (clamped), linearly interpolated between the classes. */
export function piyg(t: number): Rgb {
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const position = ((clamped + 1) / 2) * (PIYG.length - 1);
  const low = Math.floor(position);
  const f = position - low;
  const a = PIYG[low] ?? WHITE;
  const b = PIYG[low + 1] ?? a;
  const mix = (x: number, y: number) => Math.round(x + (y - x) * f);
  return [mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2])];
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export interface DeltaStyle {
  readonly background: string;
  /** Black text on light cells, white on dark ones. */
  readonly color: string;
}

/**
 * Where white and black text contrast equally with the background, (1 + 0.05) / (L + 0.05) =
 * (L + 0.05) / 0.05: either side of it, the better of the two reaches at least 4.58:1, over
 * WCAG's 4.5:1. A softer dark text (#1b1f24) fell below 4.5:1 on mid-tone cells.
 */
const WHITE_TEXT_BELOW = 0.179;

/** The cell colours of a delta in a column whose largest |delta| is `maxAbs`; null = none. */
export function deltaStyle(delta: number | null, maxAbs: number): DeltaStyle | null {
  if (delta === null || !(maxAbs > 0)) return null;
  const rgb = piyg(delta / maxAbs);
  return {
    background: `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`,
    color: luminance(rgb) < WHITE_TEXT_BELOW ? '#ffffff' : '#000000',
  };
}
