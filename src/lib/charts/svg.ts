/**
 * SVG as strings, without a DOM: XML escaping, attribute lists, elements, number rounding and the
 * accessible root element every chart shares.
 */

/** XML 1.0 forbids these control characters even when escaped, so they are dropped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a double-quoted attribute. Every text from data goes here. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A number as short, deterministic text rounded to `digits` decimals: no trailing zeros, no
 * `-0`, no exponent for the magnitudes charts use. Non-finite numbers become `0` (never `NaN`
 * in an attribute).
 */
export function num(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '0';
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return '0';
  const text = rounded.toFixed(digits);
  return digits > 0 ? text.replace(/\.?0+$/, '') : text;
}

/**
 * Data values in `data-*` attributes, at full precision (the shortest text that reads back as
 * the same number): a tooltip rounds them once, exactly as the tables and CSVs do. Rounded here
 * first, 42.29499 became 42.295 and then 42.30 beside a table's 42.29.
 */
export function dataNum(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

/**
 * ` name="value"` pairs in the given key order. Numbers are rounded to 1 decimal (pixel
 * coordinates); pass a string for other precision. `null`, `undefined` and `false` are left
 * out, `true` gives an empty value.
 */
export function attrs(list: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(list)) {
    if (value === null || value === undefined || value === false) continue;
    const text = value === true ? '' : typeof value === 'number' ? num(value) : escapeXml(value);
    out += ` ${key}="${text}"`;
  }
  return out;
}

/** `<name attrs>children</name>`, or self-closing without children. Children are raw SVG. */
export function el(name: string, list: Attrs = {}, children?: string): string {
  return children === undefined || children === ''
    ? `<${name}${attrs(list)}/>`
    : `<${name}${attrs(list)}>${children}</${name}>`;
}

/** `<text>` with escaped content. */
export function text(content: string, list: Attrs = {}): string {
  return `<text${attrs(list)}>${escapeXml(content)}</text>`;
}

/** A valid, readable id prefix from any text (ids must not contain spaces or quotes). */
export function idPrefix(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

/** Text cut to `max` characters with an ellipsis, for labels that must fit a margin. */
export function truncate(content: string, max: number): string {
  const chars = [...content];
  return chars.length <= max ? content : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Rough width of a text at a font size: charts have no font metrics, 0.6 em per character. */
export function textWidth(content: string, fontSize: number): number {
  return [...content].length * fontSize * 0.6;
}

export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/**
 * The size of every chart text (ticks, labels, legends, notes), in px at the chart's drawn
 * width: no text is set smaller. 9 and 10 px were hard to read, all the more scaled down.
 */
export const FONT_SIZE = 12;
/** The least a chart's text may measure on screen, in px. */
export const MIN_TEXT_PX = 11;
/**
 * The smallest scale a chart is shown at (narrower, it scrolls sideways), so that its text
 * never measures less than MIN_TEXT_PX.
 */
export const MIN_SCALE = MIN_TEXT_PX / FONT_SIZE;
/**
 * The widest right margin a chart gives labels beside its plot (the progress chart's end
 * labels, the contour's colour-bar title); longer ones are shortened, so the plot keeps its room.
 */
export const MAX_RIGHT_MARGIN = 220;

export interface RootOptions {
  /** Chart kind, e.g. `pareto`: the class `chart-pareto` and `data-chart`. */
  readonly kind: string;
  /** Unique id prefix on the page (title, desc, clip paths, gradients). */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** Short name read by screen readers first. */
  readonly title: string;
  /** What the chart shows, in a sentence or two. */
  readonly desc: string;
  /** `<defs>` content (clip paths, patterns, gradients), raw SVG. */
  readonly defs?: string;
}

/**
 * The `<svg>` root: `role="img"` labelled by its `<title>` and `<desc>`, a viewBox so it scales
 * to its container's width, text in the page's colour (`currentColor`) for light and dark themes.
 * `--chart-min-width` (read by global.css) keeps it from scaling below MIN_SCALE: set here, so it
 * holds without JavaScript and in write-ups too.
 */
export function svgRoot(options: RootOptions, body: string): string {
  const { kind, id, width, height } = options;
  const head =
    el('title', { id: `${id}-title` }, escapeXml(options.title)) +
    el('desc', { id: `${id}-desc` }, escapeXml(options.desc)) +
    (options.defs === undefined || options.defs === '' ? '' : el('defs', {}, options.defs));
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: `chart chart-${kind}`,
      'data-chart': kind,
      id,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      width,
      height,
      style: `max-width:100%;height:auto;--chart-min-width:${Math.ceil(width * MIN_SCALE)}px`,
      'font-family': FONT_FAMILY,
      'font-size': FONT_SIZE,
    },
    head + body,
  );
}
