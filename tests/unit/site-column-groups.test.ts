/** Column grouping per language for the Competency, Task and Delta views. */
import { describe, expect, it } from 'vitest';
import {
  langColumnIndex,
  languageGroupNamed,
  languageGroups,
  levelColumns,
  seaLanguageColumns,
} from '../../src/lib/site/column-groups.ts';
import type { ColumnData } from '../../src/lib/site/site-data.ts';

const col = (
  id: string,
  level: ColumnData['level'],
  lang: string | null,
  label = id,
): ColumnData => ({ id, level, lang, label, competency: null });

const columns: ColumnData[] = [
  col('sea_total', 'lang', null, 'SEA Avg'),
  col('th', 'lang', 'th', 'Thai'),
  col('id', 'lang', 'id', 'Indonesian'),
  col('en', 'lang', 'en', 'English'),
  col('total', 'lang', null, 'Aggregate'),
  col('IFEval', 'competency', 'en'),
  col('th_nlu', 'competency', 'th', 'nlu'),
  col('id_nlu', 'competency', 'id', 'nlu'),
  col('BBH', 'competency', 'en'),
  col('id_nlg', 'competency', 'id', 'nlg'),
  col('xx_nlu', 'competency', 'xx', 'nlu'),
  col('en_bbh_navigate', 'task', 'en', 'bbh_navigate'),
  col('th_qa', 'task', 'th', 'qa'),
];
const languages = [
  { code: 'th', name: 'Thai' },
  { code: 'id', name: 'Indonesian' },
];

describe('levelColumns', () => {
  it('lists the indexes of one level in payload order', () => {
    expect(levelColumns(columns, 'lang')).toEqual([0, 1, 2, 3, 4]);
    expect(levelColumns(columns, 'task')).toEqual([11, 12]);
  });
});

describe('languageGroups', () => {
  it('puts SEA languages in payload order, then other codes, then English', () => {
    const groups = languageGroups({ columns, languages }, 'competency');
    expect(groups.map((g) => [g.code, g.name, g.columns])).toEqual([
      ['th', 'Thai', [6]],
      ['id', 'Indonesian', [7, 9]],
      ['xx', 'XX', [10]],
      ['en', 'English', [5, 8]],
    ]);
  });

  it('drops languages without columns at that level', () => {
    const groups = languageGroups({ columns, languages }, 'task');
    expect(groups.map((g) => g.code)).toEqual(['th', 'en']);
  });
});

describe('lang-level helpers', () => {
  it('finds lang columns by id and lists the SEA language columns', () => {
    expect(langColumnIndex(columns, 'total')).toBe(4);
    expect(langColumnIndex(columns, 'th_nlu')).toBe(-1);
    expect(seaLanguageColumns(columns)).toEqual([1, 2]);
  });
});

describe('languageGroupNamed', () => {
  const groups = languageGroups({ columns, languages }, 'competency');
  const code = (name: string) => languageGroupNamed(groups, name)?.code;

  it('takes a language code as written, or the name a tab shows in any case', () => {
    expect(code('th')).toBe('th');
    expect(code('Thai')).toBe('th');
    expect(code('THAI')).toBe('th');
    expect(code('english')).toBe('en');
    // A code without a known name is shown upper-case: that name is taken too.
    expect(code('XX')).toBe('xx');
    expect(code('xx')).toBe('xx');
  });

  it('takes a code in another case, as readers write codes in capitals', () => {
    expect(code('TH')).toBe('th');
    expect(code('En')).toBe('en');
  });

  it('knows no other language, nor a language without columns', () => {
    expect(code('Malay')).toBeUndefined();
    expect(code('MS')).toBeUndefined();
    expect(code('')).toBeUndefined();
    expect(code('th_nlu')).toBeUndefined();
  });

  it("prefers a code to another language's name", () => {
    const odd = [
      { code: 'ab', name: 'Cd', columns: [] },
      { code: 'cd', name: 'Ab', columns: [] },
    ];
    expect(languageGroupNamed(odd, 'cd')?.code).toBe('cd');
    // A name in any case is what a tab shows: it goes before a code in another case.
    expect(languageGroupNamed(odd, 'CD')?.code).toBe('ab');
  });

  it('takes a code in another case only when it fits one group', () => {
    const both = [
      { code: 'xy', name: 'One', columns: [] },
      { code: 'XY', name: 'Two', columns: [] },
    ];
    expect(languageGroupNamed(both, 'xy')?.code).toBe('xy');
    expect(languageGroupNamed(both, 'XY')?.code).toBe('XY');
    expect(languageGroupNamed(both, 'Xy')).toBeUndefined();
  });
});
