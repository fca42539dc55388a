/** Column grouping per language for the Competency, Task and Delta views. */
import { describe, expect, it } from 'vitest';
import {
  langColumnIndex,
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
