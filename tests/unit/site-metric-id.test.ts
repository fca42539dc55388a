/** Metric names as readers write them, and the hidden columns a page address names. */
import { describe, expect, it } from 'vitest';
import { columnIds, metricId, namedColumns } from '../../src/lib/site/metric-id.ts';
import type { ShownColumn } from '../../src/lib/site/header-names.ts';
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
/** A table's columns as it shows them: the label, under its language when `grouped`. */
const shown = (indexes: readonly number[], grouped = false): ShownColumn[] =>
  indexes.map((index) => {
    const column = table.columns[index];
    if (column === undefined) throw new Error(`no column ${index}`);
    const group = column.lang === 'th' ? 'Thai' : 'English';
    return grouped ? { index, label: column.label, group } : { index, label: column.label };
  });
const overall = shown([0, 1, 2, 3, 4]);
/** Incl/Excl's boxes: each label under its language's legend. */
const competencies = shown([5, 6, 7], true);

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
    expect(namedColumns(table, competencies, ['Thai', 'th', 'Malay nlu'])).toEqual(new Set());
  });

  it("takes a header as the table shows it, where the page's own names do not reach", () => {
    // Thai's Competency table heads its columns `nlu`, `nlg`: any case.
    const thai = shown([5, 6]);
    expect(namedColumns(table, thai, ['nlu'])).toEqual(new Set([5]));
    expect(namedColumns(table, thai, ['NLG', 'Nonsense'])).toEqual(new Set([6]));
    // Under a language group, as the chooser and the CSV write them.
    expect(namedColumns(table, competencies, ['Thai · nlg', 'english ifeval'])).toEqual(
      new Set([6, 7]),
    );
    // Not a header of this table (the Overall table has no `nlu`).
    expect(namedColumns(table, overall, ['nlu'])).toEqual(new Set());
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
