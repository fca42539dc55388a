/**
 * Legends: items flowed left to right and wrapped to the chart's width. Each item is a
 * `<g class="legend-item" data-series="…">` so a client script can toggle the marks whose
 * `data-series` matches.
 */

import { BASELINE_CROSS, FG, symbolPath, type ShapeName } from './colors.ts';
import { shortNames } from './short-names.ts';
import { el, FONT_SIZE, num, text, textWidth } from './svg.ts';

export interface LegendItem {
  /** Matches the `data-series` of the marks the item stands for; null for a heading. */
  readonly series: string | null;
  readonly label: string;
  /** Raw SVG drawn in a 16 × 12 box whose centre-left is (0, 0); '' for a heading. */
  readonly swatch: string;
  /**
   * The heading an item is listed under (`data-group`): it names the entry with its label, as
   * `0.1` alone could be one of two hyperparameters.
   */
  readonly group?: string;
  /** How wide the swatch is drawn (default 16): a longer dash pattern needs more room. */
  readonly swatchWidth?: number;
}

/** A row's height: the text and 6 px between rows. */
export const LEGEND_ROW = FONT_SIZE + 6;
/** A swatch's width unless the item says otherwise, and the space between it and its label. */
const SWATCH_WIDTH = 16;
const SWATCH_GAP = 4;
const GAP = 14;
const MAX_LABEL = 40;

export interface LegendLayout {
  readonly svg: string;
  /** Height taken, 0 without items. */
  readonly height: number;
}

/** Lay out items from (x, y) within `maxWidth`, wrapping; headings are bold and swatch-less. */
export function legend(
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
): LegendLayout {
  if (items.length === 0) return { svg: '', height: 0 };
  let cx = 0;
  let row = 0;
  const parts: string[] = [];
  const labels = shortNames(
    items.map((item) => item.label),
    MAX_LABEL,
  );
  for (const [i, item] of items.entries()) {
    const label = labels[i] ?? '';
    const heading = item.series === null;
    const swatch = heading ? 0 : (item.swatchWidth ?? SWATCH_WIDTH) + SWATCH_GAP;
    const width = swatch + textWidth(label, FONT_SIZE) + GAP;
    if (cx > 0 && cx + width > maxWidth) {
      cx = 0;
      row += 1;
    }
    const transform = `translate(${num(x + cx)},${num(y + row * LEGEND_ROW + LEGEND_ROW / 2)})`;
    const content =
      (heading ? '' : item.swatch) +
      text(label, { x: swatch, y: 4, 'font-weight': heading ? 600 : null });
    parts.push(
      heading
        ? el('g', { class: 'legend-heading', transform }, content)
        : el(
            'g',
            {
              class: 'legend-item',
              'data-series': item.series,
              'data-group': item.group,
              transform,
            },
            content,
          ),
    );
    cx += width;
  }
  return {
    svg: el('g', { class: 'legend', fill: FG }, parts.join('')),
    height: (row + 1) * LEGEND_ROW,
  };
}

/** A line swatch (solid or dashed). */
export function lineSwatch(color: string, width: number, dash: string | null = null): string {
  return el('path', {
    d: 'M0,0H16',
    stroke: color,
    'stroke-width': width,
    'stroke-dasharray': dash,
    fill: 'none',
  });
}

/** A line with its points' marker in the middle: for lines of one colour told apart by shape. */
export function lineMarkerSwatch(
  color: string,
  width: number,
  dash: string | null,
  shape: ShapeName,
): string {
  return (
    lineSwatch(color, width, dash) +
    el('path', { transform: 'translate(8,0)', d: symbolPath(shape, 40), fill: color })
  );
}

/** Width of a reference-line swatch: room for a dash pattern on each side of its marker. */
export const REFERENCE_SWATCH_WIDTH = 32;

/**
 * A reference line's swatch (a baseline in the progress chart): its dash pattern on both sides
 * of its marker, wider than a line swatch so that the patterns can be told apart.
 */
export function referenceSwatch(
  color: string,
  width: number,
  dash: string,
  shape: ShapeName,
  area: number,
): string {
  const middle = REFERENCE_SWATCH_WIDTH / 2;
  return (
    el('path', {
      d: `M0,0H${REFERENCE_SWATCH_WIDTH}`,
      stroke: color,
      'stroke-width': width,
      'stroke-dasharray': dash,
      fill: 'none',
    }) +
    el('path', { transform: `translate(${middle},0)`, d: symbolPath(shape, area), fill: color })
  );
}

/** A marker swatch: a filled shape, or outlined when `fill` is 'none'. */
export function shapeSwatch(shape: ShapeName, fill: string, stroke: string | null = null): string {
  return el('path', {
    transform: 'translate(8,0)',
    d: symbolPath(shape, 60),
    fill,
    stroke,
    'stroke-width': stroke === null ? null : 1.5,
  });
}

/** The swatch of baselines: their ✕. */
export function crossSwatch(): string {
  return el('path', {
    transform: 'translate(8,0)',
    d: BASELINE_CROSS,
    stroke: FG,
    'stroke-width': 2,
  });
}
