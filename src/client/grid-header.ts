/**
 * A score table's headers: their content, as text whose labels wrap between words under their
 * group (a language), and their widths, measured in the headers' own fonts.
 */

import { h, setTitle } from './dom.ts';

/** What a value column's header takes besides its text: Tabulator's padding and sort arrow. */
const HEADER_CHROME = 34;
/** Where a header's label may wrap: after a space, a hyphen or an underscore (see breakable). */
const WORD_ENDS = /(?<=[\s_-])/;

/** Text widths in the fonts of a header's label and of its group (language) above it. */
export interface HeaderFonts {
  readonly label: (text: string) => number;
  readonly group: (text: string) => number;
}

/**
 * Measures text in the header's own fonts, read from a hidden copy of a header (global.css and
 * Tabulator's theme style it), on a canvas: no layout is needed, so a table built in a hidden
 * tab is measured too. Letter counts misjudge wide letters: a bold "Sundanese" in DejaVu Sans
 * did not fit the width its nine letters gave it and wrapped as "Sundanes" / "e".
 */
export function headerFonts(parent: HTMLElement): HeaderFonts | null {
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return null;
  const label = h('span', { class: 'col-title' });
  const group = h('span', { class: 'col-group' });
  const probe = h(
    'div',
    { class: 'tabulator', hidden: true },
    h('div', { class: 'tabulator-header' }, group, label),
  );
  parent.append(probe);
  const fontOf = (element: HTMLElement) => {
    const style = getComputedStyle(element);
    return `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  };
  const fonts = { label: fontOf(label), group: fontOf(group) };
  probe.remove();
  const measure = (font: string) => (text: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  return { label: measure(fonts.label), group: measure(fonts.group) };
}

/**
 * Wide enough for short labels on one line (plus the sort arrow); long ones wrap, between
 * words, never inside one: the column is as wide as its longest word and its group need.
 */
export function widthFor(
  label: string,
  group: string | undefined,
  fonts: HeaderFonts | null,
): number {
  const estimate = Math.max(88, Math.min(170, Math.round(label.length * 8.5 + 46)));
  if (fonts === null) return estimate;
  const words = label.split(WORD_ENDS).map((word) => fonts.label(word.trim()));
  const needed = Math.max(...words, group === undefined ? 0 : fonts.group(group));
  return Math.max(estimate, Math.ceil(needed + HEADER_CHROME));
}

/** A label that may wrap after its underscores too (`safeguard_` / `general_prompt`). */
function breakable(label: string): (Node | string)[] {
  return label.split(/(?<=_)/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}

/**
 * Header content as text; sortable headers get a button so the keyboard can sort too (its
 * click bubbles to Tabulator's header handler). A group (language) is shown above the label.
 */
export function headerNode(
  label: string,
  tooltip: string,
  sortable: boolean,
  group?: string,
): HTMLElement {
  const node = sortable
    ? h('button', { type: 'button', class: 'col-title' }, ...breakable(label))
    : h('span', { class: 'col-title' }, ...breakable(label));
  setTitle(node, group === undefined ? tooltip : `${group}: ${tooltip}`);
  if (group === undefined) return node;
  return h('span', { class: 'col-head' }, h('span', { class: 'col-group' }, group), node);
}

/**
 * Fills the header button of the model column of a table that shows runs: "Model", over "run"
 * where the column holds the run too, as its cells show them. It sorts by model and, among rows
 * of one model, by run. `byRun`: the rows are sorted by run, whose own column is hidden while the
 * run is in the model's cell, so this header says so (and shows the arrow: see showRunSort).
 */
export function fillModelHeader(node: HTMLElement, withRun: boolean, byRun = false): void {
  const sub = withRun
    ? [h('span', { class: 'col-sub' }, byRun ? 'run · sorted by run' : 'run')]
    : [];
  node.replaceChildren('Model', ...sub);
  const title = withRun ? 'Model, with its run below' : 'Model';
  setTitle(node, byRun ? `${title}; the rows are sorted by run` : title);
}

/** The `aria-sort` value of a sort direction. */
export function ariaSort(dir: 'asc' | 'desc'): string {
  return dir === 'asc' ? 'ascending' : 'descending';
}
