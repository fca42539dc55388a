/**
 * What a page remembers in its URL (`history.replaceState`), so a link shows the same view.
 * Names (models, runs, columns) are data and may hold any character: list items are each
 * percent-encoded and joined with `,` (and `:` inside a compare key), so the separators can
 * never be confused with the text.
 */

import { RUN_VIEWS, type RunViewId } from './views.ts';

export type DeltaLevel = 'lang' | 'competency' | 'task';

export interface RunViewState {
  readonly view: RunViewId;
  /** Delta: the reference model (null = the default). */
  readonly ref: string | null;
  /** Delta: the sub-tab. */
  readonly level: DeltaLevel;
  /** Competency and Task: the language sub-tab (null = the first). */
  readonly lang: string | null;
  /** Incl/Excl: the column ids left out. */
  readonly off: readonly string[];
}

export const DEFAULT_RUN_STATE: RunViewState = {
  view: 'overall',
  ref: null,
  level: 'lang',
  lang: null,
  off: [],
};

const DELTA_LEVELS: readonly DeltaLevel[] = ['lang', 'competency', 'task'];

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

export function parseRunState(search: string): RunViewState {
  const view = param(search, 'view');
  const level = param(search, 'level');
  const ref = param(search, 'ref');
  const lang = param(search, 'lang');
  const off = rawParam(search, 'off');
  return {
    view: RUN_VIEWS.find((v) => v.id === view)?.id ?? DEFAULT_RUN_STATE.view,
    ref: ref === null || ref === '' ? null : ref,
    level: DELTA_LEVELS.find((l) => l === level) ?? DEFAULT_RUN_STATE.level,
    lang: lang === null || lang === '' ? null : lang,
    off: off === null ? [] : decodeList(off),
  };
}

/** The query string of a state: only the parameters the current view uses. */
export function runStateSearch(state: RunViewState): string {
  const parts = [`view=${state.view}`];
  if (state.view === 'delta') {
    if (state.level !== 'lang') parts.push(`level=${state.level}`);
    if (state.ref !== null) parts.push(`ref=${encodeURIComponent(state.ref)}`);
  }
  if ((state.view === 'competency' || state.view === 'task') && state.lang !== null) {
    parts.push(`lang=${encodeURIComponent(state.lang)}`);
  }
  if (state.view === 'inclexcl' && state.off.length > 0) parts.push(`off=${encodeList(state.off)}`);
  return `?${parts.join('&')}`;
}

export interface ModelKey {
  readonly run: string;
  readonly model: string;
}

/** `?models=run:model,…` with run and model each percent-encoded. */
export function compareSearch(keys: readonly ModelKey[]): string {
  if (keys.length === 0) return '';
  const items = keys.map((k) => `${encodeURIComponent(k.run)}:${encodeURIComponent(k.model)}`);
  return `?models=${items.join(',')}`;
}

export function parseCompareSearch(search: string): ModelKey[] {
  const raw = rawParam(search, 'models');
  if (raw === null) return [];
  return raw.split(',').flatMap((item) => {
    const at = item.indexOf(':');
    if (at <= 0) return [];
    return [{ run: decode(item.slice(0, at)), model: decode(item.slice(at + 1)) }];
  });
}
