/**
 * A table's columns named by their headers as that table shows them, for page addresses
 * (`hide=`, `off=`): a label alone (`nlu` in Thai's Competency table, where every column is
 * Thai's), or, where a language group is shown above the labels (Delta's Competency and Task
 * tables, Incl/Excl's boxes), the group and the label as the column chooser (`Thai · nlu`) or the
 * CSV header (`Thai nlu`) writes them. Pure and small: the run and comparison pages import it.
 */

import { caseInsensitiveMatches } from '../loose-match.ts';

/** A column as a table shows it: its payload index, its header and its group, if any. */
export interface ShownColumn {
  readonly index: number;
  readonly label: string;
  /** The language shown above the label, when the table groups its columns. */
  readonly group?: string;
}

/**
 * A column's name in the column chooser and the range filter: its label, after its group where
 * the table groups its columns (`Thai · nlu`). Addresses take it back (`headerColumns`).
 */
export function chooserText(column: Pick<ShownColumn, 'label' | 'group'>): string {
  return column.group === undefined ? column.label : `${column.group} · ${column.label}`;
}

/** Every text the table shows a column as. */
function headerTexts(column: ShownColumn): string[] {
  const { label, group } = column;
  return group === undefined ? [label] : [label, `${group} ${label}`, chooserText(column)];
}

/**
 * The indexes of the columns a header names, exactly, else in any case when the columns found
 * all have one label. A label several columns share (`nlu` under each language of a grouped
 * table) names each of them: the reader sees it over each. Empty when none, or when a header in
 * another case fits two labels (`Foo` and `foo`).
 */
export function headerColumns(shown: readonly ShownColumn[], name: string): number[] {
  const exact = shown.filter((column) => headerTexts(column).includes(name));
  if (exact.length > 0) return exact.map((column) => column.index);
  const loose = caseInsensitiveMatches(shown, name, headerTexts, (column) => column.label);
  return loose.map((column) => column.index);
}
