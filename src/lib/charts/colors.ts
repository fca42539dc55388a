/**
 * Chart colours and marker shapes. Theme-dependent colours are CSS custom properties with a
 * light-theme fallback (the site's `--fg`, `--muted`, `--line`, `--panel`, or `--chart-N` for the
 * categorical palette), so a dark theme only has to redefine the properties. Sequential and
 * diverging scales are fixed colours that read on both backgrounds.
 */

import { interpolateViridis } from 'd3-scale-chromatic';
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';

/** Text, axes and the summary lines: the page's text colour. */
export const FG = 'currentColor';
/** Secondary text (notes, muted labels). */
export const MUTED = 'var(--muted, #5c6670)';
/** Grid lines and dominated points. */
export const GRID = 'var(--line, #d8dee4)';
/** Areas without data (outside a contour's hull). */
export const PANEL = 'var(--panel, #f6f8fa)';
/** The page background, for outlines that separate overlapping marks. */
export const BG = 'var(--bg, #ffffff)';
/** Highlights (Pareto front line, selected models). */
export const ACCENT = 'var(--chart-accent, #d62728)';

/** Tableau 10: distinct on white and on dark backgrounds. */
const TABLEAU10: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export const PALETTE_SIZE = TABLEAU10.length;

/** The i-th categorical colour (cycling), themable as `--chart-1` … `--chart-10`. */
export function categorical(index: number): string {
  const i = ((index % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE;
  return `var(--chart-${i + 1}, ${TABLEAU10[i] ?? '#4e79a7'})`;
}

/** Viridis at t in [0, 1] (clamped), as `#rrggbb`. */
export function viridis(t: number): string {
  return interpolateViridis(Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)));
}

/**
 * A sequential colour for marks on a page background: viridis without its lightest yellow end,
 * which vanishes on white. t in [0, 1].
 */
export function sequentialMark(t: number): string {
  return viridis(0.05 + 0.8 * Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)));
}

export type ShapeName = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'wye' | 'star';

/** Marker shapes in the order categories receive them (cycling past the seventh). */
export const SHAPES: readonly ShapeName[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'cross',
  'wye',
  'star',
];

const SYMBOL_TYPES: Readonly<Record<ShapeName, SymbolType>> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  wye: symbolWye,
  star: symbolStar,
};

export function shapeAt(index: number): ShapeName {
  return SHAPES[((index % SHAPES.length) + SHAPES.length) % SHAPES.length] ?? 'circle';
}

const symbolCache = new Map<string, string>();

/** The path of a shape centred on (0, 0) with the given area in px² (d3-shape symbols). */
export function symbolPath(shape: ShapeName, area: number): string {
  const key = `${shape}:${area}`;
  let path = symbolCache.get(key);
  if (path === undefined) {
    path = symbol(SYMBOL_TYPES[shape], area)() ?? '';
    symbolCache.set(key, path);
  }
  return path;
}
