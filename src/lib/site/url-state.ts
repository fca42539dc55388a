/**
 * What a page remembers in its URL (`history.replaceState`), so a link shows the same view.
 * Names (models, runs, columns) are data and may hold any character: list items are each
 * percent-encoded and joined with `,` (and `:` inside a compare key), so the separators can
 * never be confused with the text.
 */

import type { Checkpoints } from '../charts/checkpoints.ts';
import { RUN_VIEWS, type RunViewId } from './views.ts';

export type DeltaLevel = 'lang' | 'competency' | 'task';

export interface RunViewState {
  readonly view: RunViewId;
  /**
   * Delta: the reference model (null = the default), as written: a row's name or a baseline's
   * config key, resolved by the view, which writes the row's name.
   */
  readonly ref: string | null;
  /** Delta: the sub-tab. */
  readonly level: DeltaLevel;
  /** Competency and Task: the language sub-tab (null = the first), a code or a shown name. */
  readonly lang: string | null;
  /**
   * Incl/Excl: the columns left out, as written: ids, shown names or the boxes' labels (`nlu`);
   * the view writes ids.
   */
  readonly off: readonly string[];
  /**
   * Overall, Delta, Competency and Task: the columns hidden in the table shown (`hide=`, as
   * written: ids, shown names or that table's headers, such as `nlu`; pages write ids), since
   * hiding a language changes SEA Avg and Aggregate.
   */
  readonly hide: readonly string[];
  /** Delta: the model of the heatmap (null = the default), named as `ref` is. */
  readonly model: string | null;
  /** Pareto: the column ids on x and y (`?x=&y=`; null = the defaults). */
  readonly paretoX: string | null;
  readonly paretoY: string | null;
  /** Pareto: the checkpoints (`?step=all|latest|<n>`; null = the run's default). */
  readonly paretoStep: Checkpoints | null;
  /** Contour: the hyperparameters on x and y (`?x=&y=`; null = the defaults). */
  readonly contourX: string | null;
  readonly contourY: string | null;
  /** Contour: the metric's column id (null = the default). */
  readonly metric: string | null;
  /** Contour: log axes (`logx=1`, `logy=1`). */
  readonly logX: boolean;
  readonly logY: boolean;
  /** Contour: the checkpoint standing for each configuration (null = its latest). */
  readonly step: number | null;
}

export const DEFAULT_RUN_STATE: RunViewState = {
  view: 'overall',
  ref: null,
  level: 'lang',
  lang: null,
  off: [],
  hide: [],
  model: null,
  paretoX: null,
  paretoY: null,
  paretoStep: null,
  contourX: null,
  contourY: null,
  metric: null,
  logX: false,
  logY: false,
  step: null,
};

const DELTA_LEVELS: readonly DeltaLevel[] = ['lang', 'competency', 'task'];

/** The views whose table has a column chooser, whose hidden columns the address keeps. */
const TABLE_VIEWS: ReadonlySet<RunViewId> = new Set(['overall', 'delta', 'competency', 'task']);

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a malformed escape is taken literally rather than dropped
  }
}

/** The raw (still encoded) value of a query parameter, or null when absent. */
export function rawParam(search: string, name: string): string | null {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decode(at < 0 ? pair : pair.slice(0, at));
    if (key === name) return at < 0 ? '' : pair.slice(at + 1);
  }
  return null;
}

function param(search: string, name: string): string | null {
  const raw = rawParam(search, name);
  return raw === null ? null : decode(raw);
}

/** `a,b` -> each item percent-encoded, then joined with `,`. */
export function encodeList(items: readonly string[]): string {
  return items.map(encodeURIComponent).join(',');
}

/** The inverse of encodeList; empty items are dropped. */
export function decodeList(raw: string): string[] {
  return raw
    .split(',')
    .filter((item) => item !== '')
    .map(decode);
}

/** A text parameter; absent or empty is null. */
function textParam(search: string, name: string): string | null {
  const value = param(search, name);
  return value === null || value === '' ? null : value;
}

/** A step: a non-negative integer, else null (the latest). */
function stepParam(search: string): number | null {
  const value = param(search, 'step');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** The Pareto's checkpoints: `all`, `latest` or a step, else null (the default). */
function checkpointsParam(search: string): Checkpoints | null {
  const value = param(search, 'step');
  return value === 'all' || value === 'latest' ? value : stepParam(search);
}

export function parseRunState(search: string): RunViewState {
  const view = RUN_VIEWS.find((v) => v.id === param(search, 'view'))?.id ?? DEFAULT_RUN_STATE.view;
  const level = param(search, 'level');
  const off = rawParam(search, 'off');
  // `x` and `y` are columns on the Pareto view and hyperparameters on the Contour view; `step`
  // is each one's checkpoint (the Pareto's may also be `all`), so a link to one view leaves the
  // other's as its default.
  const x = textParam(search, 'x');
  const y = textParam(search, 'y');
  return {
    view,
    ref: textParam(search, 'ref'),
    level: DELTA_LEVELS.find((l) => l === level) ?? DEFAULT_RUN_STATE.level,
    lang: textParam(search, 'lang'),
    off: off === null ? [] : decodeList(off),
    hide: parseHidden(search),
    model: textParam(search, 'model'),
    paretoX: view === 'pareto' ? x : null,
    paretoY: view === 'pareto' ? y : null,
    paretoStep: view === 'pareto' ? checkpointsParam(search) : null,
    contourX: view === 'contour' ? x : null,
    contourY: view === 'contour' ? y : null,
    metric: textParam(search, 'metric'),
    logX: param(search, 'logx') === '1',
    logY: param(search, 'logy') === '1',
    step: view === 'contour' ? stepParam(search) : null,
  };
}

/**
 * The columns a table hides (`hide=`): ids, shown names or headers as written, resolved by the
 * page that knows its columns. Run and comparison pages read and write it alike.
 */
export function parseHidden(search: string): string[] {
  const hide = rawParam(search, 'hide');
  return hide === null ? [] : decodeList(hide);
}

function pushText(parts: string[], name: string, value: string | null): void {
  if (value !== null) parts.push(`${name}=${encodeURIComponent(value)}`);
}

/** `hide=a,b`, each id encoded; nothing when no column is hidden. */
function pushHidden(parts: string[], hide: readonly string[]): void {
  if (hide.length > 0) parts.push(`hide=${encodeList(hide)}`);
}

/** The query string of a state: only the parameters the current view uses. */
export function runStateSearch(state: RunViewState): string {
  const parts = [`view=${state.view}`];
  if (state.view === 'delta') {
    if (state.level !== 'lang') parts.push(`level=${state.level}`);
    pushText(parts, 'ref', state.ref);
    pushText(parts, 'model', state.model);
  }
  if ((state.view === 'competency' || state.view === 'task') && state.lang !== null) {
    parts.push(`lang=${encodeURIComponent(state.lang)}`);
  }
  if (TABLE_VIEWS.has(state.view)) pushHidden(parts, state.hide);
  if (state.view === 'inclexcl' && state.off.length > 0) parts.push(`off=${encodeList(state.off)}`);
  if (state.view === 'pareto') {
    pushText(parts, 'x', state.paretoX);
    pushText(parts, 'y', state.paretoY);
    if (state.paretoStep !== null) parts.push(`step=${state.paretoStep}`);
  }
  if (state.view === 'contour') {
    pushText(parts, 'x', state.contourX);
    pushText(parts, 'y', state.contourY);
    pushText(parts, 'metric', state.metric);
    if (state.logX) parts.push('logx=1');
    if (state.logY) parts.push('logy=1');
    if (state.step !== null) parts.push(`step=${state.step}`);
  }
  return `?${parts.join('&')}`;
}

export interface ModelKey {
  readonly run: string;
  readonly model: string;
}

/** The comparison scatter's axes: lang-level column ids (null = the defaults). */
export interface CompareAxes {
  readonly x: string | null;
  readonly y: string | null;
}

/**
 * `?models=run:model,…` with run and model each percent-encoded, then the table's hidden columns
 * (`&hide=`, ids as the run pages write them), then the scatter's axes (`&x=&y=`) when they are
 * not the defaults.
 */
export function compareSearch(
  keys: readonly ModelKey[],
  axes: CompareAxes = { x: null, y: null },
  hide: readonly string[] = [],
): string {
  const parts: string[] = [];
  if (keys.length > 0) {
    const items = keys.map((k) => `${encodeURIComponent(k.run)}:${encodeURIComponent(k.model)}`);
    parts.push(`models=${items.join(',')}`);
  }
  pushHidden(parts, hide);
  pushText(parts, 'x', axes.x);
  pushText(parts, 'y', axes.y);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

export function parseCompareAxes(search: string): CompareAxes {
  return { x: textParam(search, 'x'), y: textParam(search, 'y') };
}

/** The items of `models=`, undecoded: a literal comma separates them, `%2C` is part of one. */
function modelItems(search: string): string[] {
  return rawParam(search, 'models')?.split(',') ?? [];
}

/**
 * The items of `models=` that name no run (`hero_8b_20000` alone, `:m`): the page says it
 * cannot show them rather than drop them without a word.
 */
export function compareItemsWithoutRun(search: string): string[] {
  return modelItems(search).flatMap((item) =>
    item !== '' && item.indexOf(':') <= 0 ? [decode(item)] : [],
  );
}

export function parseCompareSearch(search: string): ModelKey[] {
  return modelItems(search).flatMap((item) => {
    const at = item.indexOf(':');
    if (at <= 0) return [];
    return [{ run: decode(item.slice(0, at)), model: decode(item.slice(at + 1)) }];
  });
}
