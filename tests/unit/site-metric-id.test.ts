/** Metric names as readers write them, and the hidden columns a page address names. */
import { describe, expect, it } from 'vitest';
import { columnIds, metricId, namedColumns } from '../../src/lib/site/metric-id.ts';
import type { ColumnData } from '../../src/lib/site/site-data.ts';

const lang = (id: string, label: string): ColumnData => ({
  id,
  level: 'lang',
  lang: id === 'sea_total' || id === 'total' ? null : id,
  label,
  competency: null,
});
const table = {
  columns: [
    lang('sea_total', 'SEA Avg'),
    lang('th', 'Thai'),
    lang('ta', 'Tamil'),
    lang('en', 'English'),
    lang('total', 'Aggregate'),
    { id: 'th_nlu', level: 'competency' as const, lang: 'th', label: 'nlu', competency: null },
    { id: 'th_nlg', level: 'competency' as const, lang: 'th', label: 'nlg', competency: null },
    { id: 'IFEval', level: 'competency' as const, lang: 'en', label: 'IFEval', competency: null },
  ],
};
const overall = [0, 1, 2, 3, 4];
const competencies = [5, 6, 7];

describe('metricId', () => {
  it('takes an id, a shown name, or either in any case when it names one column', () => {
    expect(metricId(table, 'th')).toBe('th');
    expect(metricId(table, 'Thai nlu')).toBe('th_nlu');
    expect(metricId(table, 'sea avg')).toBe('sea_total');
    expect(metricId(table, 'Malay')).toBeNull();
  });
});

describe('namedColumns and columnIds', () => {
  it('resolves ids and shown names among the columns of one table, dropping the others', () => {
    expect(namedColumns(table, overall, ['Tamil', 'en', 'Malay', 'th_nlu'])).toEqual(
      new Set([2, 3]),
    );
    expect(namedColumns(table, overall, ['THAI'])).toEqual(new Set([1]));
    expect(namedColumns(table, overall, [])).toEqual(new Set());
  });

  it('resolves the competencies Incl/Excl leaves out (`off=`) as it resolves hidden columns', () => {
    expect(
      columnIds(table, namedColumns(table, competencies, ['IFEval', 'Thai nlu', 'THAI NLG'])),
    ).toEqual(['th_nlu', 'th_nlg', 'IFEval']);
    // A language is no competency: Thai is dropped, as is a name no column has.
    expect(namedColumns(table, competencies, ['Thai', 'th', 'nlu', 'Malay nlu'])).toEqual(
      new Set(),
    );
  });

  it('names hidden columns by id in column order, whatever order they were hidden in', () => {
    expect(columnIds(table, new Set([3, 1]))).toEqual(['th', 'en']);
    expect(columnIds(table, [9])).toEqual([]);
    // An address read back and written again is the same list: one link per state.
    expect(columnIds(table, namedColumns(table, overall, ['English', 'Thai']))).toEqual([
      'th',
      'en',
    ]);
  });
});
