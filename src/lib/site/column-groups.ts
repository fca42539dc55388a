/**
 * Which payload columns each view shows, grouped per language: the SEA languages in payload
 * order, then any other language code the data has, then English. Columns are referred to by
 * their index in `RunData.columns`, the same index as in each row's `values`.
 */

import type { ColumnData, Level, RunData } from './site-data.ts';
import { languageName } from './names.ts';
import { caseInsensitiveMatches } from '../loose-match.ts';

export interface LanguageGroup {
  /** Language code, e.g. `id`, `en`. */
  readonly code: string;
  /** Display name, e.g. `Indonesian`. */
  readonly name: string;
  /** Column indexes in payload order. */
  readonly columns: readonly number[];
}

/** Indexes of the columns of one level, in payload order. */
export function levelColumns(columns: readonly ColumnData[], level: Level): number[] {
  const indexes: number[] = [];
  columns.forEach((column, index) => {
    if (column.level === level) indexes.push(index);
  });
  return indexes;
}

/** The language groups of a level: SEA languages first (payload order), English last. */
export function languageGroups(
  run: Pick<RunData, 'columns' | 'languages'>,
  level: Level,
): LanguageGroup[] {
  const byLang = new Map<string, number[]>();
  for (const index of levelColumns(run.columns, level)) {
    const lang = run.columns[index]?.lang ?? null;
    if (lang === null) continue;
    const list = byLang.get(lang);
    if (list === undefined) byLang.set(lang, [index]);
    else list.push(index);
  }
  const known = run.languages.map((l) => l.code);
  const others = [...byLang.keys()].filter((code) => code !== 'en' && !known.includes(code));
  const order = [...known, ...others, 'en'];
  const names = new Map(run.languages.map((l) => [l.code, l.name]));
  return order.flatMap((code) => {
    const columns = byLang.get(code);
    if (columns === undefined) return [];
    return [{ code, name: names.get(code) ?? languageName(code), columns }];
  });
}

/**
 * The group a reader names: by its language code (`th`), else by its name as tabs show it
 * (`Thai`, any case), else by its code in another case (`TH`) when that fits one group (SEA-HELM
 * writes codes in lower case, readers often in capitals). Write-up props (`lang=`) and page
 * addresses (`lang=`) both take them.
 */
export function languageGroupNamed(
  groups: readonly LanguageGroup[],
  name: string,
): LanguageGroup | undefined {
  const byCode = groups.find((g) => g.code === name);
  if (byCode !== undefined) return byCode;
  const byName = groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (byName !== undefined) return byName;
  // One code per group: the matches, when they are one code, are one group.
  const [loose] = caseInsensitiveMatches(
    groups,
    name,
    (g) => [g.code],
    (g) => g.code,
  );
  return loose;
}

/** Index of a lang-level column by id (`sea_total`, `en`, `total`, a SEA language), or -1. */
export function langColumnIndex(columns: readonly ColumnData[], id: string): number {
  return columns.findIndex((c) => c.level === 'lang' && c.id === id);
}

/** The SEA language columns of the lang level (not SEA Avg, English or Aggregate). */
export function seaLanguageColumns(columns: readonly ColumnData[]): number[] {
  return levelColumns(columns, 'lang').filter((i) => {
    const lang = columns[i]?.lang ?? null;
    return lang !== null && lang !== 'en';
  });
}
