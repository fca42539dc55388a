/**
 * Delta heatmap: a language × competency (or task) grid of one model's scores minus a reference
 * model's, coloured pink–white–green (PiYG, the Delta table's colours) symmetric around 0 by the
 * largest |delta| in the grid, each cell showing its delta with a sign and 1 decimal. A value
 * missing on either side shows "–" on a neutral cell; a language without that competency
 * has no cell at all. The first column is the language score itself (lang level). A delta with
 * a partial value on either side is marked `*`, as in the tables, with the reason in its tooltip.
 * Languages hidden in the Delta view's Language table have no row, and a note names them.
 */

import type { RowData, RunData } from '../site/site-data.ts';
import { languageGroups, type LanguageGroup } from '../site/column-groups.ts';
import { deltaOf, deltaStyle, maxAbsDelta } from '../site/delta.ts';
import { formatDelta, formatOneDecimal, MISSING } from '../site/format.ts';
import { FG, GRID, PANEL } from './colors.ts';
import { PARTIAL_SEPARATOR, partialNotes, type Marks } from './columns.ts';
import { chartMessage, chartSvg, type ChartFrameOptions, type ChartResult } from './result.ts';
import {
  dataNum,
  el,
  FONT_SIZE,
  idPrefix,
  num,
  svgRoot,
  text,
  textWidth,
  truncate,
} from './svg.ts';

export interface DeltaHeatmapOptions extends ChartFrameOptions {
  /** The model whose scores are shown. */
  readonly model: string;
  /** The model subtracted. */
  readonly reference: string;
  /** Columns: competencies (default) or tasks. */
  readonly level?: 'competency' | 'task';
  /**
   * Language codes hidden in the Language table (`HiddenLanguages.ids`: SEA codes and `en`):
   * their rows are left out, as the table leaves them out of SEA Avg and Aggregate.
   */
  readonly hidden?: ReadonlySet<string>;
}

export type DeltaHeatmapRun = Pick<RunData, 'columns' | 'languages'> & {
  readonly rows: readonly (Pick<RowData, 'model' | 'values'> & Marks)[];
};
export type DeltaHeatmapReason = 'unknown-model' | 'no-columns' | 'all-hidden';

interface Cell {
  readonly row: number;
  readonly col: number;
  readonly column: string;
  readonly delta: number | null;
  readonly value: number | null;
  readonly referenceValue: number | null;
  /** Why the difference is partial (either side's partial notes); null when it is not. */
  readonly partial: string | null;
}

const CELL_W = 62;
const CELL_H = 26;
/** The language score's column label. */
const OVERALL = 'Language score';

export function deltaHeatmap(
  run: DeltaHeatmapRun,
  options: DeltaHeatmapOptions,
): ChartResult<DeltaHeatmapReason> {
  const level = options.level ?? 'competency';
  const id = idPrefix(options.id ?? 'delta-heatmap');
  const model = run.rows.find((r) => r.model === options.model);
  const reference = run.rows.find((r) => r.model === options.reference);
  if (model === undefined || reference === undefined) {
    const unknown = model === undefined ? options.model : options.reference;
    return chartMessage('unknown-model', `Unknown model: ${unknown}.`);
  }
  const allGroups = languageGroups(run, level);
  if (allGroups.length === 0) return chartMessage('no-columns', `No ${level} columns to compare.`);
  const hidden = options.hidden ?? new Set<string>();
  const groups = allGroups.filter((g) => !hidden.has(g.code));
  if (groups.length === 0) {
    return chartMessage(
      'all-hidden',
      'Every language is hidden in the Language table: show one to draw the heatmap.',
    );
  }
  const notes = hiddenRowsNote(allGroups.filter((g) => hidden.has(g.code)));

  // Column labels in order of first appearance, after the language score.
  const labels: string[] = [OVERALL];
  for (const group of groups) {
    for (const index of group.columns) {
      const label = run.columns[index]?.label ?? '';
      if (!labels.includes(label)) labels.push(label);
    }
  }
  const cells: Cell[] = [];
  const cellFor = (row: number, col: number, index: number) => {
    const value = model.values[index] ?? null;
    const referenceValue = reference.values[index] ?? null;
    const column = run.columns[index]?.id ?? '';
    const delta = deltaOf(value, referenceValue);
    const partial = delta === null ? null : partialSides(model, reference, index, options);
    cells.push({ row, col, column, delta, value, referenceValue, partial });
  };
  groups.forEach((group, row) => {
    const langIndex = run.columns.findIndex((c) => c.level === 'lang' && c.id === group.code);
    if (langIndex >= 0) cellFor(row, 0, langIndex);
    for (const index of group.columns) {
      cellFor(row, labels.indexOf(run.columns[index]?.label ?? ''), index);
    }
  });
  const maxAbs = maxAbsDelta(cells.map((c) => c.delta));

  const rowLabelWidth = Math.max(...groups.map((g) => textWidth(g.name, FONT_SIZE))) + 16;
  // Column labels are rotated 45°: they rise and overhang to the right by ~0.71 × their width.
  const slant = Math.ceil(
    Math.max(...labels.map((l) => textWidth(truncate(l, 24), FONT_SIZE))) * 0.71,
  );
  const left = Math.ceil(rowLabelWidth);
  const top = slant + 14;
  const right = slant + 8;
  const width = options.width ?? left + labels.length * CELL_W + right;
  const height = options.height ?? top + groups.length * CELL_H + 30;
  const cellW = Math.max(20, (width - left - right) / labels.length);

  const header = labels
    .map((label, col) => {
      const cx = left + col * cellW + cellW / 2;
      return text(truncate(label, 24), {
        transform: `translate(${num(cx)},${num(top - 6)}) rotate(-45)`,
        'font-weight': col === 0 ? 600 : null,
      });
    })
    .join('');
  const rowLabels = groups
    .map((g, row) =>
      text(g.name, { x: left - 8, y: top + row * CELL_H + CELL_H / 2 + 4, 'text-anchor': 'end' }),
    )
    .join('');
  const cellSvg = cells
    .map((c) => {
      const x = left + c.col * cellW;
      const y = top + c.row * CELL_H;
      const style = deltaStyle(c.delta, maxAbs);
      const label =
        c.delta === null ? MISSING : `${formatDelta(c.delta)}${c.partial === null ? '' : '*'}`;
      const group = groups[c.row];
      return el(
        'g',
        {
          class: 'mark cell',
          'data-series': group?.code ?? '',
          'data-column': c.column,
          'data-language': group?.name ?? '',
          'data-x': labels[c.col] ?? '',
          'data-y': group?.name ?? '',
          'data-delta': c.delta === null ? null : dataNum(c.delta),
          'data-value': c.value === null ? null : dataNum(c.value),
          'data-reference': c.referenceValue === null ? null : dataNum(c.referenceValue),
          'data-partial': c.partial,
        },
        el('rect', {
          x: x + 1,
          y: y + 1,
          width: cellW - 2,
          height: CELL_H - 2,
          fill: style?.background ?? PANEL,
          stroke: style === null ? GRID : null,
        }) +
          text(label, {
            x: x + cellW / 2,
            y: y + CELL_H / 2 + 4,
            'text-anchor': 'middle',
            fill: style?.color ?? FG,
          }),
      );
    })
    .join('');
  const scaleNote = text(
    maxAbs > 0
      ? `Colour scale: −${formatOneDecimal(maxAbs)} (pink) to +${formatOneDecimal(maxAbs)} (green)`
      : 'No differences to colour',
    { x: left, y: height - 10, fill: 'var(--muted, #5c6670)' },
  );
  const missing = cells.filter((c) => c.delta === null).length;
  const partial = cells.filter((c) => c.partial !== null).length;
  const desc = [
    `Score differences of ${options.model} minus ${options.reference}, per language (rows) and ${level} (columns), the first column being the language score.`,
    `Each cell shows the difference with 1 decimal; green is better than the reference, pink worse, up to ±${formatOneDecimal(maxAbs)}.`,
    missing > 0 ? `${missing} cell${missing === 1 ? '' : 's'} missing a value (shown as –).` : '',
    partial > 0
      ? `${partial} difference${partial === 1 ? '' : 's'} with a partial value on either side (marked *).`
      : '',
    ...notes,
  ]
    .filter((s) => s !== '')
    .join(' ');
  const body =
    el('g', { class: 'header', fill: FG }, header) +
    el('g', { class: 'row-labels', fill: FG }, rowLabels) +
    el('g', { class: 'cells' }, cellSvg) +
    scaleNote;
  const title = `${options.model} minus ${options.reference} by language and ${level}`;
  return chartSvg(svgRoot({ kind: 'delta-heatmap', id, width, height, title, desc }, body), notes);
}

/** The note on hidden languages, worded as the Language table's (recompute.ts hiddenNote). */
function hiddenRowsNote(hidden: readonly LanguageGroup[]): string[] {
  if (hidden.length === 0) return [];
  return [`The heatmap excludes hidden languages: ${hidden.map((g) => g.name).join(', ')}.`];
}

/** The partial notes of both sides of a delta, each named (`Model …` / `Reference …`). */
function partialSides(
  model: Marks,
  reference: Marks,
  index: number,
  options: DeltaHeatmapOptions,
): string | null {
  const notes = [
    partialNotes(model, [{ column: index, title: options.model }]),
    partialNotes(reference, [{ column: index, title: `the reference ${options.reference}` }]),
  ].filter((note): note is string => note !== null);
  return notes.length === 0 ? null : notes.join(PARTIAL_SEPARATOR);
}
