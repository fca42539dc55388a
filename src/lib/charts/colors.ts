/**
 * Chart colours and marker shapes. Theme-dependent colours are CSS custom properties with a
 * light-theme fallback (the site's `--fg`, `--muted`, `--line`, `--panel`, or `--chart-N` for the
 * categorical palette), so a dark theme only has to redefine the properties. Sequential and
 * diverging scales are fixed colours that read on both backgrounds.
 */

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

/**
 * The light theme's palette: Tableau 10 with its five lightest colours darkened (orange, teal,
 * yellow to gold, pink to magenta, grey), so that every line and point stands out from a white
 * page at 3:1 or more (WCAG 1.4.11). Its closest two colours are 16.6 apart in CIEDE2000
 * (Tableau's own, 18.1). The dark theme's lighter variants are in global.css.
 */
export const LIGHT_PALETTE: readonly string[] = [
  '#4e79a7',
  '#de750e',
  '#e15759',
  '#539d97',
  '#59a14f',
  '#af8d11',
  '#b07aa1',
  '#b234b2',
  '#9c755f',
  '#878787',
];

export const PALETTE_SIZE = LIGHT_PALETTE.length;

/** The i-th categorical colour (cycling), themable as `--chart-1` … `--chart-10`. */
export function categorical(index: number): string {
  const i = ((index % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE;
  return `var(--chart-${i + 1}, ${LIGHT_PALETTE[i] ?? '#4e79a7'})`;
}

/**
 * Viridis as 256 `rrggbb` colours: d3-scale-chromatic's table (ISC licence, from matplotlib's
 * viridis, CC0), copied because its single-file package would bring every scheme, d3-color and
 * d3-interpolate into the browser bundle.
 */
const VIRIDIS =
  '44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668' +
  '48176948186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979' +
  '472a7a472c7a472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84' +
  '433d84433e85423f854240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a' +
  '3d4e8a3c4f8a3c508b3b518b3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d' +
  '355e8d355f8d34608d34618d33628d33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e' +
  '2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e' +
  '297b8e287c8e287d8e277e8e277f8e27808e26818e26828e26828e25838e25848e25858e24868e24878e23888e' +
  '23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d21918c20928c20928c20938c1f948c1f958b1f968b' +
  '1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f881fa0881fa1881fa1871fa28720a38620a486' +
  '21a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad8128ae8029af7f2ab07f2cb17e2db27d' +
  '2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc743fbc7340bd7242be7144bf70' +
  '46c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc8635ec96260ca6063cb5f' +
  '65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d84d44b86d549' +
  '89d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32addc30' +
  'b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a' +
  'd8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723' +
  'fde725';

/** d3-scale-chromatic's `interpolateViridis`: the colour of the t-th of 256 equal steps. */
function interpolateViridis(t: number): string {
  const n = VIRIDIS.length / 6;
  const i = Math.max(0, Math.min(n - 1, Math.floor(t * n)));
  return `#${VIRIDIS.slice(i * 6, i * 6 + 6)}`;
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

export type ShapeName =
  'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'wye' | 'star' | 'ring';

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

/** A baseline's mark, centred on (0, 0): an ✕ of strokes (reference models, not data points). */
export const BASELINE_CROSS = 'M-5,-5L5,5M-5,5L5,-5';
/** How far the cross reaches from its centre, along each axis. */
export const BASELINE_RADIUS = 5;

/** The shape of a value that is not there (`n/a`): a ring, never one of SHAPES. */
export const NA_SHAPE: ShapeName = 'ring';

const SYMBOL_TYPES: Readonly<Record<Exclude<ShapeName, 'ring'>, SymbolType>> = {
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
    path = shape === 'ring' ? ringPath(area) : (symbol(SYMBOL_TYPES[shape], area)() ?? '');
    symbolCache.set(key, path);
  }
  return path;
}

/**
 * A ring as wide as a circle of that area, its hole half as wide: filled, it stays a ring. Two
 * circles of two half-turn arcs each, the hole drawn the other way round, rounded to 3 decimals:
 * the path d3-shape's `arc` gives, written out because that general generator (corners, pads)
 * added 1.3 KB gzip to every page's chart code for this one Pareto marker.
 */
function ringPath(area: number): string {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const circle = (radius: number, sweep: 0 | 1) => {
    const r = round(radius);
    const top = round(-radius);
    return `M0,${top}A${r},${r},0,1,${sweep},0,${r}A${r},${r},0,1,${sweep},0,${top}`;
  };
  const outer = Math.sqrt(area / Math.PI);
  return `${circle(outer, 1)}${circle(outer / 2, 0)}Z`;
}
