/** URL state of the run and comparison pages: names are data and survive any character. */
import { describe, expect, it } from 'vitest';
import {
  compareSearch,
  decodeList,
  DEFAULT_RUN_STATE,
  encodeList,
  parseCompareAxes,
  parseCompareSearch,
  compareItemsWithoutRun,
  parseHidden,
  parseRunState,
  rawParam,
  runStateSearch,
} from '../../src/lib/site/url-state.ts';

const NASTY = ['a,b', 'c:d', '<img src=x onerror=alert(1)>', '50% & more', 'plus+sign', 'ü 空'];

describe('lists', () => {
  it('round-trips any item, separators included', () => {
    expect(decodeList(encodeList(NASTY))).toEqual(NASTY);
    expect(encodeList(['id_nlg', 'BBH'])).toBe('id_nlg,BBH');
  });

  it('reads raw parameters without decoding them', () => {
    expect(rawParam('?a=1&off=x%2Cy,z', 'off')).toBe('x%2Cy,z');
    expect(rawParam('?a', 'a')).toBe('');
    expect(rawParam('', 'a')).toBeNull();
  });
});

describe('run page state', () => {
  it('defaults to overall', () => {
    expect(parseRunState('')).toEqual(DEFAULT_RUN_STATE);
    expect(parseRunState('?view=nonsense&level=bogus').view).toBe('overall');
    expect(parseRunState('?view=nonsense&level=bogus').level).toBe('lang');
  });

  it('round-trips the delta reference, level, language and left-out columns', () => {
    const delta = {
      ...DEFAULT_RUN_STATE,
      view: 'delta' as const,
      level: 'task' as const,
      ref: NASTY[2] ?? '',
    };
    expect(runStateSearch(delta)).toBe(
      '?view=delta&level=task&ref=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    );
    expect(parseRunState(runStateSearch(delta))).toEqual(delta);
    const incl = { ...DEFAULT_RUN_STATE, view: 'inclexcl' as const, off: ['id_nlg', 'BBH', 'a,b'] };
    expect(runStateSearch(incl)).toBe('?view=inclexcl&off=id_nlg,BBH,a%2Cb');
    expect(parseRunState(runStateSearch(incl))).toEqual(incl);
    const comp = { ...DEFAULT_RUN_STATE, view: 'competency' as const, lang: 'th' };
    expect(parseRunState(runStateSearch(comp))).toEqual(comp);
  });

  it('writes only the parameters of the current view', () => {
    const state = {
      view: 'overall' as const,
      ref: 'm',
      level: 'task' as const,
      lang: 'th',
      off: ['x'],
      hide: [],
      model: 'm2',
      paretoX: 'sea_total',
      paretoY: 'en',
      paretoStep: 'all' as const,
      contourX: 'LR',
      contourY: 'GBS',
      metric: 'total',
      logX: true,
      logY: true,
      step: 100,
    };
    expect(runStateSearch(state)).toBe('?view=overall');
  });

  it('keeps the hidden columns of the table views, each name encoded, and of no other view', () => {
    const hide = ['ms', 'a,b&c'];
    for (const view of ['overall', 'delta', 'competency', 'task'] as const) {
      const state = { ...DEFAULT_RUN_STATE, view, hide };
      expect(runStateSearch(state)).toContain('hide=ms,a%2Cb%26c');
      expect(parseRunState(runStateSearch(state))).toEqual(state);
    }
    for (const view of ['pareto', 'contour', 'inclexcl'] as const) {
      expect(runStateSearch({ ...DEFAULT_RUN_STATE, view, hide })).not.toContain('hide=');
    }
    expect(parseRunState('?view=overall&hide=')).toMatchObject({ hide: [] });
  });

  it('round-trips the Pareto axes, the contour choices and the heatmap model', () => {
    const pareto = {
      ...DEFAULT_RUN_STATE,
      view: 'pareto' as const,
      paretoX: 'id_nlu',
      paretoY: 'a,b&c',
    };
    expect(runStateSearch(pareto)).toBe('?view=pareto&x=id_nlu&y=a%2Cb%26c');
    expect(parseRunState(runStateSearch(pareto))).toEqual(pareto);
    for (const paretoStep of ['all', 'latest', 3000] as const) {
      const atStep = { ...pareto, paretoStep };
      expect(runStateSearch(atStep)).toBe(`?view=pareto&x=id_nlu&y=a%2Cb%26c&step=${paretoStep}`);
      expect(parseRunState(runStateSearch(atStep))).toEqual(atStep);
    }
    const contour = {
      ...DEFAULT_RUN_STATE,
      view: 'contour' as const,
      contourX: 'en_ratio',
      contourY: 'cc_ratio',
      metric: 'Indonesian nlu',
      logX: true,
      step: 2000,
    };
    expect(runStateSearch(contour)).toBe(
      '?view=contour&x=en_ratio&y=cc_ratio&metric=Indonesian%20nlu&logx=1&step=2000',
    );
    expect(parseRunState(runStateSearch(contour))).toEqual(contour);
    const delta = { ...DEFAULT_RUN_STATE, view: 'delta' as const, ref: 'r', model: NASTY[2] ?? '' };
    expect(parseRunState(runStateSearch(delta))).toEqual(delta);
  });

  it('reads x and y for the view they belong to and ignores a malformed step', () => {
    expect(parseRunState('?view=pareto&x=a&y=b')).toMatchObject({ paretoX: 'a', contourX: null });
    expect(parseRunState('?view=contour&x=a&y=b')).toMatchObject({ paretoX: null, contourY: 'b' });
    expect(parseRunState('?view=contour&step=-1').step).toBeNull();
    expect(parseRunState('?view=contour&step=latest').step).toBeNull();
    expect(parseRunState('?view=contour&step=all').step).toBeNull();
    expect(parseRunState('?view=pareto&step=-1').paretoStep).toBeNull();
    // Each view's checkpoint is its own: a Pareto link leaves the contour's as its default.
    expect(parseRunState('?view=pareto&step=200')).toMatchObject({ paretoStep: 200, step: null });
    expect(parseRunState('?view=contour&step=200')).toMatchObject({ paretoStep: null, step: 200 });
    expect(parseRunState('?view=contour&logx=yes').logX).toBe(false);
  });

  it('accepts form-encoded spaces and keeps malformed escapes literally', () => {
    expect(parseRunState('?view=delta&ref=a+b').ref).toBe('a b');
    expect(parseRunState('?view=delta&ref=100%').ref).toBe('100%');
  });
});

describe('comparison selection', () => {
  it('round-trips run:model pairs whatever they contain', () => {
    const keys = NASTY.map((name, i) => ({
      run: NASTY[(i + 1) % NASTY.length] ?? '',
      model: name,
    }));
    expect(parseCompareSearch(compareSearch(keys))).toEqual(keys);
  });

  it('is empty without models and ignores malformed items', () => {
    expect(compareSearch([])).toBe('');
    expect(parseCompareSearch('?models=nocolon,:m,r:m')).toEqual([{ run: 'r', model: 'm' }]);
    // Those it cannot read are kept, so the page can say so.
    expect(compareItemsWithoutRun('?models=nocolon,:m,r:m,,a%20b')).toEqual([
      'nocolon',
      ':m',
      'a b',
    ]);
  });

  it('keeps the scatter axes beside the selection', () => {
    const search = compareSearch([{ run: 'r', model: 'm' }], { x: 'en', y: null });
    expect(search).toBe('?models=r:m&x=en');
    expect(parseCompareAxes(search)).toEqual({ x: 'en', y: null });
    expect(compareSearch([], { x: null, y: 'id' })).toBe('?y=id');
    expect(parseCompareSearch('?y=id')).toEqual([]);
  });
});

describe('comparison hidden columns', () => {
  const keys = [{ run: 'r', model: 'm' }];

  it('writes hide= after the models and before the axes, each id encoded, as run pages do', () => {
    expect(compareSearch(keys, { x: 'en', y: null }, ['th', 'en'])).toBe(
      '?models=r:m&hide=th,en&x=en',
    );
    expect(compareSearch(keys, undefined, ['ms', 'a,b&c'])).toBe('?models=r:m&hide=ms,a%2Cb%26c');
    // The same list a run page writes for the same ids.
    const run = runStateSearch({ ...DEFAULT_RUN_STATE, hide: ['ms', 'a,b&c'] });
    expect(run).toBe('?view=overall&hide=ms,a%2Cb%26c');
    // Nothing hidden, nothing written; hidden columns alone are still kept.
    expect(compareSearch(keys, undefined, [])).toBe('?models=r:m');
    expect(compareSearch([], undefined, ['th'])).toBe('?hide=th');
  });

  it('reads hide= back whatever the names hold, beside the models and axes', () => {
    const search = compareSearch(keys, { x: null, y: 'id' }, NASTY);
    expect(parseHidden(search)).toEqual(NASTY);
    expect(parseCompareSearch(search)).toEqual(keys);
    expect(parseCompareAxes(search)).toEqual({ x: null, y: 'id' });
    // Shown names and form-encoded spaces are read as the run page reads them.
    expect(parseHidden('?models=r:m&hide=SEA+Avg,Thai')).toEqual(['SEA Avg', 'Thai']);
    expect(parseHidden('?models=r:m&hide=')).toEqual([]);
    expect(parseHidden('?models=r:m')).toEqual([]);
    expect(parseHidden('?hide=th,,en')).toEqual(['th', 'en']);
  });
});
