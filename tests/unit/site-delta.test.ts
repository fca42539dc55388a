/** Delta view: reference choice, deltas, the PiYG scale and the 1-decimal formats. */
import { describe, expect, it } from 'vitest';
import {
  defaultReference,
  deltaCell,
  deltaMark,
  deltaSides,
  deltaOf,
  deltaStyle,
  maxAbsDelta,
  piyg,
  referenceChoices,
} from '../../src/lib/site/delta.ts';
import { formatDelta, formatOneDecimal } from '../../src/lib/site/format.ts';
import { overallWithHidden } from '../../src/lib/site/recompute.ts';
import type { ColumnData, RowData } from '../../src/lib/site/site-data.ts';
import { contrastRatio } from '../helpers/contrast.ts';

describe('reference model', () => {
  const rows = [
    { model: 'b_2', baseline: null },
    { model: 'a_1', baseline: null },
    { model: 'BASELINE_x', baseline: 'x' },
    { model: 'BASELINE_y', baseline: 'y' },
  ];

  it('defaults to the first baseline row, else the first row', () => {
    expect(defaultReference(rows)).toBe('BASELINE_x');
    expect(defaultReference(rows.slice(0, 2))).toBe('b_2');
    expect(defaultReference([])).toBeNull();
  });

  it('offers every row, sorted by code point', () => {
    expect(referenceChoices(rows)).toEqual(['BASELINE_x', 'BASELINE_y', 'a_1', 'b_2']);
    // Not UTF-16 order, which puts an emoji (a surrogate pair) before a full-width letter.
    expect(referenceChoices([{ model: '😀_1' }, { model: 'ｚ_1' }])).toEqual(['ｚ_1', '😀_1']);
  });
});

describe('deltas', () => {
  it('is missing when either side is missing', () => {
    expect(deltaOf(5, 3)).toBe(2);
    expect(deltaOf(null, 3)).toBeNull();
    expect(deltaOf(5, undefined)).toBeNull();
  });

  it('scales each column by its largest |delta|', () => {
    expect(maxAbsDelta([1, -4, null, 2])).toBe(4);
    expect(maxAbsDelta([0, 0, null])).toBe(0);
  });
});

describe('delta marks', () => {
  const complete = { partial: false, note: '' };
  const reference = (value: number | null, partial: boolean, note?: string) => ({
    model: 'BASE',
    value,
    partial,
    note,
  });

  it('marks a delta partial when the reference is partial, saying why', () => {
    expect(deltaMark(complete, 40, reference(30, true, '5/7 missing: ms, my'))).toEqual({
      partial: true,
      note: 'the reference (BASE) is partial: 5/7 missing: ms, my',
    });
  });

  it("keeps the row's own partial note first", () => {
    const own = { partial: true, note: '6/7 missing: ms' };
    expect(deltaMark(own, 40, reference(30, true, '5/7 missing: ms, my'))).toEqual({
      partial: true,
      note: '6/7 missing: ms; the reference (BASE) is partial: 5/7 missing: ms, my',
    });
  });

  it("leaves an empty delta the row's own mark, the reference partial or not", () => {
    const empty = { partial: false, note: 'no SEA-HELM results for this model' };
    expect(deltaMark(empty, null, reference(30, true, '5/7 missing: ms, my'))).toEqual(empty);
  });

  it('leaves a delta of two complete values as it is', () => {
    expect(deltaMark(complete, 40, reference(30, false))).toEqual(complete);
  });

  it('says the reference has no value when only the row has one', () => {
    expect(deltaMark(complete, 40, reference(null, false, 'no SEA-HELM results'))).toEqual({
      partial: false,
      note: 'the reference has no value: no SEA-HELM results',
    });
  });
});

describe('Language deltas with hidden languages', () => {
  const lang = (id: string, code: string | null): ColumnData => ({
    id,
    level: 'lang',
    lang: code,
    label: id,
    competency: null,
  });
  // sea_total th id en total
  const columns = [
    lang('sea_total', null),
    lang('th', 'th'),
    lang('id', 'id'),
    lang('en', 'en'),
    lang('total', null),
  ];
  const row = (model: string, values: (number | null)[], status: string): RowData => ({
    model,
    baseline: null,
    step: 0,
    limited: false,
    values,
    status,
    notes: {},
  });
  const rows = [
    row('BASE', [50, 60, 40, 30, 40], 'ooooo'),
    row('m', [45, 70, 20, 40, 42.5], 'ooooo'),
    row('gap', [20, 20, null, 40, 30], 'pomop'),
  ];
  const run = { columns, languages: [], rows };
  const reference = { row: 0, model: 'BASE' };
  const cell = (sides: ReturnType<typeof deltaSides>, r: number, index: number) =>
    deltaCell(sides, r, reference, index);

  it("are the differences of the recomputed SEA Avg and Aggregate, the reference's too", () => {
    const built = deltaSides(rows);
    expect(cell(built, 1, 0).delta).toBe(-5);
    expect(cell(built, 1, 4).delta).toBe(2.5);
    // Thai hidden: SEA Avg = Indonesian, BASE 40 and m 20; Aggregate BASE 35, m 30.
    const sides = deltaSides(rows, overallWithHidden(run, new Set(['th'])));
    expect(cell(sides, 1, 0)).toEqual({ delta: -20, mark: { partial: false, note: '' } });
    expect(cell(sides, 1, 4).delta).toBe(-5);
    expect(cell(sides, 1, 1).delta).toBe(10); // a language column keeps the payload's delta
    expect(sides.value(0, 0)).toBe(40); // what the reference row shows
  });

  it('marks them as Overall does: empty SEA Avg without any SEA language, no Aggregate without English', () => {
    const noThai = deltaSides(rows, overallWithHidden(run, new Set(['th'])));
    // The row without Indonesian has no SEA Avg left: its delta is empty, saying why.
    expect(cell(noThai, 2, 0)).toEqual({
      delta: null,
      mark: { partial: false, note: '0/1 missing: id' },
    });
    const noEnglish = deltaSides(rows, overallWithHidden(run, new Set(['en'])));
    expect(cell(noEnglish, 1, 4)).toEqual({
      delta: null,
      mark: { partial: false, note: 'English is hidden' },
    });
    expect(cell(noEnglish, 1, 0).delta).toBe(-5);
  });

  it('carries a recomputed partial reference into the delta mark', () => {
    const gapReference = { row: 2, model: 'gap' };
    const sides = deltaSides(rows, overallWithHidden(run, new Set(['id'])));
    // Indonesian hidden: gap's SEA Avg (Thai only) is complete, so is the delta.
    expect(deltaCell(sides, 1, gapReference, 0)).toEqual({
      delta: 50,
      mark: { partial: false, note: '' },
    });
    const built = deltaSides(rows);
    expect(deltaCell(built, 1, gapReference, 0).mark.partial).toBe(true);
  });
});

describe('PiYG colours', () => {
  it('runs pink -> white -> green, clamped', () => {
    expect(piyg(-1)).toEqual([142, 1, 82]);
    expect(piyg(0)).toEqual([247, 247, 247]);
    expect(piyg(1)).toEqual([39, 100, 25]);
    expect(piyg(5)).toEqual([39, 100, 25]);
    expect(piyg(Number.NaN)).toEqual([247, 247, 247]);
  });

  it('colours negative pink and positive green, symmetric around zero', () => {
    const worse = deltaStyle(-2, 4);
    const better = deltaStyle(2, 4);
    expect(worse?.background).toBe(`rgb(${piyg(-0.5).join(', ')})`);
    expect(better?.background).toBe(`rgb(${piyg(0.5).join(', ')})`);
    const [r, g] = piyg(-0.5);
    const [r2, g2] = piyg(0.5);
    expect(r).toBeGreaterThan(g); // pink
    expect(g2).toBeGreaterThan(r2); // green
  });

  it('leaves missing deltas and all-zero columns uncoloured', () => {
    expect(deltaStyle(null, 4)).toBeNull();
    expect(deltaStyle(0, 0)).toBeNull();
  });

  it('uses white text on the dark ends only', () => {
    expect(deltaStyle(-4, 4)?.color).toBe('#ffffff');
    expect(deltaStyle(4, 4)?.color).toBe('#ffffff');
    expect(deltaStyle(0.5, 4)?.color).toBe('#000000');
  });

  it('keeps the text at 4.5:1 contrast or more on every colour of the scale (WCAG AA)', () => {
    let worst = Infinity;
    for (let i = -1000; i <= 1000; i++) {
      const style = deltaStyle(i, 1000);
      if (style === null) continue;
      worst = Math.min(worst, contrastRatio(style.background, style.color));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });
});

describe('delta formats', () => {
  it('writes deltas with a sign and 1 decimal, the reference without a sign', () => {
    expect(formatDelta(1.25)).toBe('+1.3');
    expect(formatDelta(-0.3)).toBe('-0.3');
    expect(formatDelta(-0.04)).toBe('0.0');
    expect(formatDelta(null)).toBe('–');
    // Tooltips: 2 decimals, a rounded 0 without a sign (was -0.00).
    expect(formatDelta(-0.001, 2)).toBe('0.00');
    expect(formatDelta(-3.539999999999999, 2)).toBe('-3.54');
    expect(formatDelta(0.125, 2)).toBe('+0.13');
    expect(formatOneDecimal(49.01)).toBe('49.0');
    expect(formatOneDecimal(-0.04)).toBe('0.0');
    expect(formatOneDecimal(undefined)).toBe('–');
  });
});
