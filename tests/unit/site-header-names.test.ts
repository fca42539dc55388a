/** Columns named by their headers as a table shows them (`hide=nlu`). */
import { describe, expect, it } from 'vitest';
import { headerColumns, type ShownColumn } from '../../src/lib/site/header-names.ts';

/** Delta's Competency table: each label under its language. */
const grouped: ShownColumn[] = [
  { index: 10, label: 'nlu', group: 'Thai' },
  { index: 11, label: 'nlg', group: 'Thai' },
  { index: 20, label: 'nlu', group: 'Tamil' },
  { index: 30, label: 'IFEval', group: 'English' },
];

describe('headerColumns', () => {
  it('takes a label alone, in any case', () => {
    const thai = grouped.slice(0, 2).map(({ index, label }) => ({ index, label }));
    expect(headerColumns(thai, 'nlu')).toEqual([10]);
    expect(headerColumns(thai, 'NLG')).toEqual([11]);
    expect(headerColumns(thai, 'nlr')).toEqual([]);
    expect(headerColumns(thai, '')).toEqual([]);
  });

  it('names each column under a label several languages share', () => {
    expect(headerColumns(grouped, 'nlu')).toEqual([10, 20]);
    expect(headerColumns(grouped, 'Nlu')).toEqual([10, 20]);
  });

  it('takes the group and the label as the chooser and the CSV write them', () => {
    expect(headerColumns(grouped, 'Tamil · nlu')).toEqual([20]);
    expect(headerColumns(grouped, 'Tamil nlu')).toEqual([20]);
    expect(headerColumns(grouped, 'thai NLU')).toEqual([10]);
    // The group alone is a language, not a column of this table.
    expect(headerColumns(grouped, 'Thai')).toEqual([]);
    expect(headerColumns(grouped, 'Tamil nlg')).toEqual([]);
  });

  it('prefers the exact text, and takes another case only when it fits one label', () => {
    const odd: ShownColumn[] = [
      { index: 1, label: 'Foo' },
      { index: 2, label: 'foo' },
    ];
    expect(headerColumns(odd, 'foo')).toEqual([2]);
    expect(headerColumns(odd, 'Foo')).toEqual([1]);
    expect(headerColumns(odd, 'FOO')).toEqual([]);
  });
});
