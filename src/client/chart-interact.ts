/**
 * Interactivity on top of the chart builders' SVG, for charts rendered at build time and charts
 * re-rendered in the browser alike:
 *
 * - a tooltip for every mark (`.mark` with `data-*`: model, step, values, hyperparameters), its
 *   lines built as text nodes, never HTML;
 * - legend entries (`g.legend-item[data-series]`) that hide and show the elements whose
 *   `data-series` (or `data-shape`) matches: click, or Enter / Space once focused;
 * - the marks from the keyboard: a chart's marks are one Tab stop, the arrow keys (and Home /
 *   End) step from mark to mark in the SVG's order, skipping hidden series, and the focused mark
 *   shows its tooltip and carries the same text as its accessible name (Escape hides the
 *   tooltip).
 *
 * The host is an `<lb-chart>` element: `<div class="chart-canvas">` holds the SVG (or a message),
 * `<ul class="chart-notes">` the chart's notes. Listeners sit on the host, so replacing the SVG
 * (`showChart`) keeps them.
 */

import { PARTIAL_SEPARATOR } from '../lib/charts/columns.ts';
import { NOTES_ATTRIBUTE, notesOf, type ChartResult } from '../lib/charts/result.ts';
import { setReady } from './ready-flag.ts';
import { h } from './dom.ts';
import { formatDelta, formatScore } from '../lib/site/format.ts';

const HIDDEN = 'series-hidden';

function svgOf(host: HTMLElement): SVGSVGElement | null {
  return host.querySelector<SVGSVGElement>('svg.chart');
}

function axisTitle(svg: SVGSVGElement, axis: 'x' | 'y'): string {
  return svg.querySelector(`.axis-${axis} .axis-title`)?.textContent ?? axis;
}

/** A score with 2 decimals, rounded as the tables round it; a value that is not a number is shown as given. */
function score(text: string | undefined): string {
  if (text === undefined || text === '') return '–';
  const value = Number(text);
  return Number.isFinite(value) ? formatScore(value) : text;
}

/** `LR=1e-4;GBS=64` -> `LR = 1e-4`, `GBS = 64`. */
function hyperparameterLines(text: string | undefined): string[] {
  if (text === undefined || text === '') return ['No hyperparameters detected'];
  return text.split(';').map((pair) => pair.replace('=', ' = '));
}

/** The chart's note on partial values of a mark (one per line), as tooltip lines. */
function partialLines(text: string | undefined): string[] {
  return text === undefined || text === '' ? [] : text.split(PARTIAL_SEPARATOR);
}

/** Tooltip lines of a mark: the first is the heading. */
export function tooltipLines(svg: SVGSVGElement, mark: Element): string[] {
  const data = (mark as SVGElement).dataset;
  const kind = svg.dataset['chart'] ?? '';
  const model = data['model'] ?? '';
  switch (kind) {
    case 'progress': {
      const series = mark.closest<SVGElement>('g.series')?.dataset['label'] ?? data['series'] ?? '';
      return [
        model,
        `Step ${data['x'] ?? ''}`,
        `${series}: ${score(data['y'])}`,
        ...partialLines(data['partial']),
      ];
    }
    case 'pareto':
      return [
        model,
        ...(data['baseline'] !== undefined ? ['Baseline'] : [`Step ${data['step'] ?? ''}`]),
        `${axisTitle(svg, 'x')}: ${score(data['x'])}`,
        `${axisTitle(svg, 'y')}: ${score(data['y'])}`,
        ...partialLines(data['partial']),
        ...(data['front'] === '1' ? ['On the Pareto front'] : []),
        ...(data['baseline'] !== undefined ? [] : hyperparameterLines(data['hp'])),
      ];
    case 'contour': {
      const metric = svg.querySelector('.legend-color text')?.textContent ?? 'Value';
      return [
        model,
        `Configuration: ${data['configuration'] ?? ''}`,
        `Step ${data['step'] ?? ''}`,
        ...hyperparameterLines(data['hp']),
        `${metric}: ${score(data['value'])}`,
        ...partialLines(data['partial']),
      ];
    }
    case 'scatter':
      return [
        model,
        data['baseline'] !== undefined
          ? `Baseline in ${data['run'] ?? ''}`
          : `Run: ${data['run'] ?? ''}`,
        ...(data['baseline'] !== undefined ? [] : [`Step ${data['step'] ?? ''}`]),
        `${axisTitle(svg, 'x')}: ${score(data['x'])}`,
        `${axisTitle(svg, 'y')}: ${score(data['y'])}`,
        ...partialLines(data['partial']),
      ];
    case 'delta-heatmap': {
      const delta = data['delta'];
      const signed = delta === undefined ? '–' : formatDelta(Number(delta), 2);
      return [
        `${data['y'] ?? ''} · ${data['x'] ?? ''}`,
        `Difference: ${signed}`,
        `Model: ${score(data['value'])}`,
        `Reference: ${score(data['reference'])}`,
        ...partialLines(data['partial']),
      ];
    }
    default:
      return [model];
  }
}

/** Elements of the chart a legend series stands for (legend entries themselves excluded). */
function seriesElements(svg: SVGSVGElement): SVGElement[] {
  return [...svg.querySelectorAll<SVGElement>('[data-series], [data-shape]')].filter(
    (el) => !el.classList.contains('legend-item'),
  );
}

/** The marks the keyboard steps through: all but those of hidden series, in the SVG's order. */
function visibleMarks(svg: SVGSVGElement): SVGElement[] {
  return [...svg.querySelectorAll<SVGElement>('.mark')].filter(
    (mark) => mark.closest(`.${HIDDEN}`) === null,
  );
}

/**
 * Keeps the chart one Tab stop: the first visible mark, unless a visible one already is (the
 * last one focused). A hidden mark cannot take focus, so hiding its series passes the stop on.
 */
function placeTabStop(svg: SVGSVGElement): void {
  const marks = visibleMarks(svg);
  const current = marks.find((mark) => mark.getAttribute('tabindex') === '0');
  for (const mark of svg.querySelectorAll<SVGElement>('.mark[tabindex="0"]')) {
    if (mark !== current) mark.setAttribute('tabindex', '-1');
  }
  if (current === undefined) marks[0]?.setAttribute('tabindex', '0');
}

/**
 * The mark the key leads to from `mark` (itself at either end), or null for a key that does not
 * move. Marks go in the SVG's order; in the delta heatmap, a grid written row by row, Up and
 * Down go to the same column of the row above or below.
 */
function markAfterKey(svg: SVGSVGElement, mark: SVGElement, key: string): SVGElement | null {
  const marks = visibleMarks(svg);
  const at = marks.indexOf(mark);
  const vertical = key === 'ArrowUp' || key === 'ArrowDown';
  if (vertical && svg.dataset['chart'] === 'delta-heatmap') {
    const step = key === 'ArrowDown' ? 1 : -1;
    const sameColumn = (other: SVGElement) =>
      other.dataset['x'] === mark.dataset['x'] && other.dataset['y'] !== mark.dataset['y'];
    for (let i = at + step; i >= 0 && i < marks.length; i += step) {
      const other = marks[i];
      if (other !== undefined && sameColumn(other)) return other;
    }
    return mark;
  }
  const last = marks.length - 1;
  const target =
    key === 'ArrowRight' || key === 'ArrowDown'
      ? Math.min(at + 1, last)
      : key === 'ArrowLeft' || key === 'ArrowUp'
        ? Math.max(at - 1, 0)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : null;
  return target === null ? null : (marks[target] ?? null);
}

/** Applies the host's hidden series to its SVG. */
function applyHidden(host: ChartHost, svg: SVGSVGElement): void {
  for (const el of seriesElements(svg)) {
    const { series, shape } = el.dataset;
    const off =
      (series !== undefined && host.hiddenSeries.has(series)) ||
      (shape !== undefined && host.hiddenSeries.has(shape));
    el.classList.toggle(HIDDEN, off);
  }
  for (const item of svg.querySelectorAll<SVGElement>('g.legend-item[data-series]')) {
    const off = host.hiddenSeries.has(item.dataset['series'] ?? '');
    item.classList.toggle('legend-off', off);
    item.setAttribute('aria-pressed', String(!off));
  }
  placeTabStop(svg);
}

/**
 * Makes legend entries focusable buttons, named with the heading they are listed under, if any
 * (`data-group`: a Pareto legend has `0.1` under two hyperparameters).
 */
function prepareLegend(svg: SVGSVGElement): void {
  for (const item of svg.querySelectorAll<SVGElement>('g.legend-item[data-series]')) {
    const label = item.textContent ?? '';
    const group = item.dataset['group'];
    item.setAttribute('tabindex', '0');
    item.setAttribute('role', 'button');
    item.setAttribute('aria-pressed', 'true');
    const name = group === undefined ? label : `${group} ${label}`;
    item.setAttribute('aria-label', `Show or hide ${name}`);
  }
}

/**
 * A chart the keyboard can enter (points, legend entries) is a group, no longer one image: the
 * contents of an image are hidden from assistive technology. Its title still names it.
 */
function markInteractive(svg: SVGSVGElement): void {
  if (svg.querySelector('.mark, g.legend-item[data-series]') !== null) {
    svg.setAttribute('role', 'group');
  }
}

class ChartHost extends HTMLElement {
  /** Series ids hidden through the legend (reset when a new chart is shown). */
  readonly hiddenSeries = new Set<string>();
  private tip: HTMLElement | null = null;
  private wired = false;

  connectedCallback(): void {
    if (this.wired) return;
    this.wired = true;
    this.addEventListener('pointerover', (event) => this.hover(event));
    this.addEventListener('pointermove', (event) => this.hover(event));
    this.addEventListener('pointerleave', () => this.hideTip());
    this.addEventListener('click', (event) => {
      const item = this.legendItem(event.target);
      if (item !== null) this.toggle(item);
    });
    this.addEventListener('keydown', (event) => {
      const mark = this.markOf(event.target);
      if (mark !== null) {
        this.stepFrom(mark, event);
        return;
      }
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const item = this.legendItem(event.target);
      if (item === null) return;
      event.preventDefault();
      this.toggle(item);
    });
    this.addEventListener('focusin', (event) => {
      const mark = this.markOf(event.target);
      if (mark !== null) this.showFocused(mark);
    });
    this.addEventListener('focusout', () => this.hideTip());
    this.refresh();
  }

  /** Prepares a newly inserted SVG. */
  refresh(): void {
    this.hiddenSeries.clear();
    this.hideTip();
    const svg = svgOf(this);
    if (svg !== null) {
      markInteractive(svg);
      prepareLegend(svg);
      placeTabStop(svg);
    }
    this.dataset['ready'] = 'true';
  }

  private markOf(target: EventTarget | null): SVGElement | null {
    const svg = svgOf(this);
    const mark = target instanceof Element ? target.closest<SVGElement>('.mark') : null;
    return svg !== null && mark !== null && svg.contains(mark) ? mark : null;
  }

  /** Arrow keys, Home and End move the focus (and the Tab stop) to another mark. */
  private stepFrom(mark: SVGElement, event: KeyboardEvent): void {
    const svg = svgOf(this);
    // Browser shortcuts (Alt+Left goes back) stay the browser's.
    if (svg === null || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      this.hideTip();
      return;
    }
    const next = markAfterKey(svg, mark, event.key);
    if (next === null) return;
    event.preventDefault();
    if (next === mark) return;
    mark.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    // Scrolled into view first, so that the tooltip is placed where the point ends up.
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    next.focus({ preventScroll: true });
  }

  /** A focused mark: its tooltip beside it, and the same lines as its accessible name. */
  private showFocused(mark: SVGElement): void {
    const svg = svgOf(this);
    if (svg === null) return;
    const lines = tooltipLines(svg, mark);
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', lines.join('; '));
    const box = mark.getBoundingClientRect();
    this.showTip(svg, mark, box.left + box.width / 2, box.top + box.height / 2);
  }

  private legendItem(target: EventTarget | null): SVGElement | null {
    return target instanceof Element
      ? target.closest<SVGElement>('g.legend-item[data-series]')
      : null;
  }

  private toggle(item: SVGElement): void {
    const series = item.dataset['series'];
    const svg = svgOf(this);
    if (series === undefined || svg === null) return;
    if (this.hiddenSeries.has(series)) this.hiddenSeries.delete(series);
    else this.hiddenSeries.add(series);
    applyHidden(this, svg);
  }

  private hover(event: PointerEvent): void {
    const svg = svgOf(this);
    const mark = this.markOf(event.target);
    if (svg === null || mark === null) {
      this.hideTip();
      return;
    }
    this.showTip(svg, mark, event.clientX, event.clientY);
  }

  /** The mark's tooltip, next to the point (clientX, clientY) of the window. */
  private showTip(svg: SVGSVGElement, mark: Element, clientX: number, clientY: number): void {
    const canvas = svg.parentElement;
    if (canvas === null) return;
    if (this.tip === null || this.tip.parentElement !== canvas) {
      this.tip = h('div', { class: 'chart-tip', role: 'tooltip' });
      canvas.append(this.tip);
    }
    const [heading = '', ...rest] = tooltipLines(svg, mark);
    this.tip.replaceChildren(h('strong', {}, heading), ...rest.map((line) => h('div', {}, line)));
    this.tip.hidden = false;
    // Canvas coordinates (the canvas scrolls sideways on narrow screens); the tip goes right of
    // the pointer, or left of it when it would overflow.
    const box = canvas.getBoundingClientRect();
    const x = clientX - box.left + canvas.scrollLeft;
    const y = clientY - box.top + canvas.scrollTop;
    const width = this.tip.offsetWidth;
    const right = x + 14 + width <= canvas.scrollLeft + canvas.clientWidth;
    this.tip.style.left = `${Math.round(right ? x + 14 : Math.max(0, x - 14 - width))}px`;
    // Kept within the canvas's height too: below it, it would scroll the canvas (overflow-x).
    const bottom = canvas.clientHeight - this.tip.offsetHeight;
    this.tip.style.top = `${Math.round(Math.max(0, Math.min(y - 10, bottom)))}px`;
  }

  private hideTip(): void {
    if (this.tip !== null) this.tip.hidden = true;
  }
}

if (customElements.get('lb-chart') === undefined) customElements.define('lb-chart', ChartHost);

/**
 * Shows a builder's result in a host: the SVG (the builders escape every text, so it is the one
 * place markup from data-derived strings is inserted), or the message as text; notes as text.
 */
export function showChart(host: HTMLElement, result: ChartResult): void {
  const canvas = host.querySelector<HTMLElement>('.chart-canvas');
  if (canvas === null) return;
  if (result.kind === 'chart') {
    canvas.innerHTML = result.svg;
  } else {
    canvas.replaceChildren(h('p', { class: 'chart-message' }, result.message));
  }
  showNotes(host, result.kind === 'chart' ? result.notes : []);
  if (host instanceof ChartHost) host.refresh();
}

/** A chart's notes, as text, in the list under it (hidden when there are none). */
function showNotes(host: HTMLElement, list: readonly string[]): void {
  const notes = host.querySelector<HTMLElement>('.chart-notes');
  if (notes === null) return;
  notes.replaceChildren(...list.map((note) => h('li', {}, note)));
  notes.hidden = list.length === 0;
}

/**
 * Fills a host whose chart was rendered at build time into a static file (`data-src`): fetched
 * once, when it is first shown. The file is the builder's escaped SVG (or its message as plain
 * text), written next to the page.
 */
export async function loadChart(host: HTMLElement): Promise<void> {
  const src = host.dataset['src'];
  const canvas = host.querySelector<HTMLElement>('.chart-canvas');
  if (src === undefined || canvas === null || canvas.childElementCount > 0) return;
  host.dataset['ready'] = 'false';
  const response = await fetch(src);
  const body = response.ok ? await response.text() : '';
  if (canvas.childElementCount > 0) return; // loaded meanwhile
  if (body.startsWith('<svg')) {
    canvas.innerHTML = body;
    // The file carries the notes the page lists under the chart (`chartFileText`).
    const svg = canvas.querySelector('svg');
    showNotes(host, notesOf(svg?.getAttribute(NOTES_ATTRIBUTE) ?? null));
  } else {
    // Not a chart: the builder's message (plain text), or a failed request.
    const message = response.ok && body !== '' ? body : 'This chart could not be loaded.';
    canvas.replaceChildren(h('p', { class: 'chart-message' }, message));
  }
  if (host instanceof ChartHost) host.refresh();
}

/** A new, empty host (for charts only the browser draws). */
export function createChartHost(): HTMLElement {
  const host = document.createElement('lb-chart');
  const notes = h('ul', { class: 'chart-notes muted' });
  notes.hidden = true;
  host.append(h('div', { class: 'chart-canvas' }), notes);
  return host;
}

/**
 * Redraws a chart for a choice of settings: the build's own chart when the settings are the
 * ones it was drawn with (inline, or fetched from its static file), otherwise `draw()` in the
 * browser. Only the latest request is shown when choices come faster than drawing. `panel`'s
 * `data-ready` flag follows the drawings: a view's panel, or the chart host itself.
 */
export function chartRedrawer(
  panel: HTMLElement,
): (host: HTMLElement, key: string, draw: () => Promise<ChartResult>) => Promise<void> {
  let pending = 0;
  return async (host, key, draw) => {
    // Counted before the check: a drawing still loading its builder gives way to this choice
    // even when the chart shown already is what it asks for (an axis changed and changed back).
    const ticket = ++pending;
    if (host.dataset['settings'] === key) {
      await loadChart(host);
      if (ticket === pending) setReady(panel, true);
      return;
    }
    setReady(panel, false);
    const result = await draw();
    if (ticket !== pending) return; // a newer choice is being drawn
    showChart(host, result);
    host.dataset['settings'] = key;
    setReady(panel, true);
  };
}
