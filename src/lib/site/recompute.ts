/**
 * Scores recomputed in the browser with the build's own averaging rules (score/aggregate.ts):
 * Overall (and Delta's Language table) without the languages a reader hid, and Incl/Excl with only the competencies a
 * reader kept. Parts are labelled with the column ids, exactly as the scorer labels its nodes,
 * so with nothing hidden or left out the numbers are bit-identical to the build's.
 */

import { isAbsentHarnessDetail } from '../score/absent-detail.ts';
import { meanAggregate, totalAggregate, type Aggregate, type Part } from '../score/aggregate.ts';
import { listed } from '../words.ts';
import { langColumnIndex, languageGroups, seaLanguageColumns } from './column-groups.ts';
import type { ColumnData, RowData, RunData } from './site-data.ts';

/** How a recomputed cell is marked: partial (asterisk) and the coverage text for its tooltip. */
export interface CellMark {
  readonly partial: boolean;
  readonly note: string;
}

/** One row's recomputed lang-level values (indexed like the payload) and their marks. */
export interface RecomputedRow {
  readonly values: (number | null)[];
  readonly marks: Record<number, CellMark>;
}

type Run = Pick<RunData, 'columns' | 'languages' | 'rows'>;

/** What the averaging reads of a row: its values, their status and their notes. */
type Cells = Pick<RowData, 'values' | 'status' | 'notes'>;

/**
 * What Overall's recompute reads: the columns and each row's cells. The comparison page hands
 * it one run's rows at a time, on that run's own columns.
 */
export type CellTable = Pick<RunData, 'columns'> & { readonly rows: readonly Cells[] };

/** `5/6 missing: vi_nlr; partial: vi_nlg`, the wording of the build's coverage details. */
export function coverageNote(aggregate: Aggregate, nothing = 'nothing selected'): string {
  const [present, expected] = aggregate.coverage;
  if (expected === 0) return `0/0: ${nothing}`;
  let text = `${present}/${expected}`;
  if (aggregate.missing.length > 0) text += ` missing: ${aggregate.missing.join(', ')}`;
  if (aggregate.partialChildren.length > 0) {
    text += `${aggregate.missing.length > 0 ? ';' : ''} partial: ${aggregate.partialChildren.join(', ')}`;
  }
  return text;
}

function markOf(aggregate: Aggregate, nothing?: string): CellMark {
  const partial = aggregate.value !== null && aggregate.partial;
  const note = aggregate.value === null || partial ? coverageNote(aggregate, nothing) : '';
  return { partial, note };
}

/**
 * The mark of a recomputed cell of `row` at `index`. A cell left with no part at all keeps the
 * build's reason when that is the model having no results of the harness (no selection changes
 * that), so the views say what the reports say: also with no part expected, as in a run without
 * any SEA language, where Incl/Excl has no SEA competency to select.
 */
function cellMark(
  row: Pick<RowData, 'notes'>,
  index: number,
  aggregate: Aggregate,
  nothing?: string,
): CellMark {
  const [present] = aggregate.coverage;
  const built = row.notes[index];
  if (aggregate.value === null && present === 0 && isAbsentHarnessDetail(built)) {
    return { partial: false, note: built };
  }
  return markOf(aggregate, nothing);
}

/** The payload's mark of a cell: its partial flag and note (coverage, or why it is empty). */
export function payloadMark(row: RowData | undefined, index: number): CellMark {
  if (row === undefined) return { partial: false, note: '' };
  return { partial: row.status[index] === 'p', note: row.notes[index] ?? '' };
}

/** A payload cell as an averaging part; `index` -1 (no such column) is a missing part. */
function payloadPart(row: Cells, index: number, label: string): Part {
  return {
    label,
    value: index < 0 ? null : (row.values[index] ?? null),
    partial: index >= 0 && row.status[index] === 'p',
  };
}

function asPart(label: string, aggregate: Aggregate): Part {
  return { label, value: aggregate.value, partial: aggregate.partial };
}

/** The payload's lang-level values of a row (a sparse copy: only those indexes are set). */
function langValues(row: Cells, indexes: readonly number[]): (number | null)[] {
  const values: (number | null)[] = [];
  for (const i of indexes) values[i] = row.values[i] ?? null;
  return values;
}

function langIndexes(run: Pick<RunData, 'columns'>): number[] {
  return run.columns.flatMap((c, i) => (c.level === 'lang' ? [i] : []));
}

/** The SEA languages and English a reader hid among the lang-level columns. */
export interface HiddenLanguages {
  /** Their column ids (`en` for English), as overallWithHidden takes them; empty = none. */
  readonly ids: ReadonlySet<string>;
  /** The note over the table: what SEA Avg and Aggregate now cover; null when nothing is hidden. */
  readonly note: string | null;
}

/**
 * What of the hidden column indexes changes SEA Avg or Aggregate, and the note saying how.
 * `emptyRuns`: on the comparison page, the runs shown that have no SEA language left while the
 * columns still show some (compare-data.ts runsWithoutSeaLanguages); the note names them, and
 * says their `rows` (the table's) or `points` (the scatter's) are empty.
 */
export function hiddenLanguages(
  columns: readonly ColumnData[],
  hidden: ReadonlySet<number>,
  emptyRuns: readonly string[] = [],
  shownAs: 'rows' | 'points' = 'rows',
): HiddenLanguages {
  const sea = seaLanguageColumns(columns);
  const hiddenSea = sea.filter((i) => hidden.has(i));
  const en = langColumnIndex(columns, 'en');
  const englishHidden = en >= 0 && hidden.has(en);
  const ids = new Set(hiddenSea.map((i) => columns[i]?.id ?? ''));
  if (englishHidden) ids.add('en');
  const names = hiddenSea.map((i) => columns[i]?.label ?? '');
  const noSeaLeft = sea.length > 0 && hiddenSea.length === sea.length;
  return { ids, note: hiddenNote(names, noSeaLeft ? null : emptyRuns, englishHidden, shownAs) };
}

/**
 * Aggregate is (SEA Avg + English) / 2 and, as in the build, missing when either is: hiding
 * English empties it rather than turning it into SEA Avg under another name, just as hiding
 * every SEA language does rather than turning it into English. `emptyRuns` null: no SEA
 * language is left at all; else the runs (comparison page) left without one.
 */
function hiddenNote(
  hiddenSea: readonly string[],
  emptyRuns: readonly string[] | null,
  englishHidden: boolean,
  shownAs: 'rows' | 'points',
): string | null {
  const sentences: string[] = [];
  if (hiddenSea.length > 0) {
    const which = englishHidden ? 'SEA Avg excludes' : 'SEA Avg and Aggregate exclude';
    const empty = englishHidden ? 'it is empty' : 'both are empty';
    let left = '';
    if (emptyRuns === null) left = `; none is left, so ${empty}`;
    else if (emptyRuns.length > 0) {
      const whose = emptyRuns.length === 1 ? 'its' : 'their';
      left = `; none is left for ${listed(emptyRuns)}, so ${empty} in ${whose} ${shownAs}`;
    }
    sentences.push(`${which} hidden languages: ${hiddenSea.join(', ')}${left}.`);
  }
  if (englishHidden) {
    sentences.push(
      'Aggregate is empty while English is hidden: it is (SEA Avg + English) / 2, never SEA Avg alone.',
    );
  }
  return sentences.length === 0 ? null : sentences.join(' ');
}

/** Why Aggregate is empty because of what is hidden; null when hiding is not the reason. */
function hiddenTotalNote(noSea: boolean, noEnglish: boolean): string | null {
  if (noSea && noEnglish) return 'English and every SEA language are hidden';
  if (noEnglish) return 'English is hidden';
  return noSea ? 'every SEA language is hidden' : null;
}

/**
 * Overall with some languages hidden (ids as hiddenLanguages gives them): SEA Avg = mean of the
 * visible SEA languages, Aggregate = (SEA Avg + English) / 2, missing when English or every SEA
 * language is hidden; every other cell keeps the payload's value.
 */
export function overallWithHidden(run: CellTable, hidden: ReadonlySet<string>): RecomputedRow[] {
  const sea = langColumnIndex(run.columns, 'sea_total');
  const en = langColumnIndex(run.columns, 'en');
  const total = langColumnIndex(run.columns, 'total');
  const seaColumns = seaLanguageColumns(run.columns);
  const visible = seaColumns
    .filter((i) => !hidden.has(run.columns[i]?.id ?? ''))
    .sort((a, b) => byCodePoint(run.columns[a]?.id ?? '', run.columns[b]?.id ?? ''));
  const englishHidden = hidden.has('en');
  const totalNote = hiddenTotalNote(seaColumns.length > 0 && visible.length === 0, englishHidden);
  const shown = langIndexes(run);
  return run.rows.map((row) => {
    const seaAggregate = meanAggregate(
      visible.map((i) => payloadPart(row, i, run.columns[i]?.id ?? '')),
    );
    const totalAggregate_ = totalAggregate(
      asPart('sea_total', seaAggregate),
      payloadPart(row, englishHidden ? -1 : en, 'en'),
    );
    const values = langValues(row, shown);
    const marks: Record<number, CellMark> = {};
    if (sea >= 0) {
      values[sea] = seaAggregate.value;
      marks[sea] = cellMark(row, sea, seaAggregate, 'every SEA language is hidden');
    }
    if (total >= 0) {
      values[total] = totalAggregate_.value;
      marks[total] =
        totalNote === null ? markOf(totalAggregate_) : { partial: false, note: totalNote };
    }
    return { values, marks };
  });
}

/**
 * The payload's rows with their recomputed cells in place (value, status and note), as the
 * charts read rows: the hero-run chart and the comparison scatter draw what the table shows.
 */
export function rowsWithRecomputed<R extends Cells>(
  rows: readonly R[],
  recomputed: readonly RecomputedRow[],
): R[] {
  return rows.map((row, r) => {
    const again = recomputed[r];
    if (again === undefined) return row;
    const values = [...row.values];
    const status = [...row.status];
    const marked = new Set(Object.keys(again.marks).map(Number));
    const notes: Record<number, string> = {};
    for (const [key, note] of Object.entries(row.notes)) {
      if (!marked.has(Number(key))) notes[Number(key)] = note;
    }
    for (const index of marked) {
      const mark = again.marks[index] ?? { partial: false, note: '' };
      const value = again.values[index] ?? null;
      values[index] = value;
      status[index] = mark.partial ? 'p' : value === null ? 'm' : 'o';
      if (mark.note !== '') notes[index] = mark.note;
    }
    return { ...row, values, status: status.join(''), notes };
  });
}

/** One language of Incl/Excl: its lang-level column and its selected competency columns. */
interface Selection {
  readonly code: string;
  readonly target: number;
  /** Kept columns, in label order (the order meanAggregate sums in, so it need not sort). */
  readonly kept: readonly { readonly index: number; readonly id: string }[];
}

/**
 * The SEA languages Incl/Excl cannot recompute: some of their competencies have no column (two
 * column names met), so their values are not in the payload. They keep the build's values.
 */
export function languagesAsBuilt(columns: readonly ColumnData[]): number[] {
  return seaLanguageColumns(columns).filter(
    (i) => (columns[i]?.competenciesWithoutColumn ?? 0) > 0,
  );
}

/** Incl/Excl's note on the languages it keeps as built; null when there is none. */
export function asBuiltNote(columns: readonly ColumnData[]): string | null {
  const names = languagesAsBuilt(columns).map((i) => columns[i]?.label ?? '');
  if (names.length === 0) return null;
  const [it, its] = names.length === 1 ? ['it', 'its'] : ['them', 'their'];
  return (
    `${listed(names)}: shown as the build scored ${it} whatever is ticked, and counted so in ` +
    `SEA Avg. Some of ${its} competencies have no column of their own (two column names met: ` +
    `see the build's column-clash warning), so the boxes cannot recompute ${it}.`
  );
}

function selections(run: Run, off: ReadonlySet<string>): Selection[] {
  const asBuilt = new Set(languagesAsBuilt(run.columns));
  return languageGroups(run, 'competency').flatMap((group) => {
    const target = langColumnIndex(run.columns, group.code);
    if (target < 0 || asBuilt.has(target)) return [];
    const kept = group.columns
      .map((index) => ({ index, id: run.columns[index]?.id ?? '' }))
      .filter((c) => !off.has(c.id))
      .sort((a, b) => byCodePoint(a.id, b.id));
    return [{ code: group.code, target, kept }];
  });
}

interface Scored {
  readonly aggregate: Aggregate;
  readonly mark: CellMark;
}

/**
 * Incl/Excl: each language = mean of its kept competencies (English: of its kept benchmarks),
 * SEA Avg = mean of the SEA languages with at least one kept competency, Aggregate =
 * (SEA Avg + English) / 2, all with the build's rules for missing and partial values.
 *
 * A toggle changes one language: the calculator keeps each language's last scores and only
 * recomputes the languages whose selection changed (then SEA Avg and Aggregate).
 */
export class InclExclCalculator {
  private readonly run: Run;
  private readonly cache = new Map<string, { readonly key: string; readonly scores: Scored[] }>();

  constructor(run: Run) {
    this.run = run;
  }

  compute(off: ReadonlySet<string>): RecomputedRow[] {
    const { run } = this;
    const chosen = selections(run, off).sort((a, b) => byCodePoint(a.code, b.code));
    const scored = chosen.map((s) => ({ selection: s, scores: this.languageScores(s) }));
    const asBuilt = languagesAsBuilt(run.columns).map((index) => ({
      index,
      code: run.columns[index]?.id ?? '',
    }));
    const sea = langColumnIndex(run.columns, 'sea_total');
    const total = langColumnIndex(run.columns, 'total');
    const shown = langIndexes(run);
    return run.rows.map((row, r) => {
      const values = langValues(row, shown);
      const marks: Record<number, CellMark> = {};
      const seaParts: Part[] = [];
      let enAggregate = NOTHING;
      for (const { selection, scores } of scored) {
        const score = scores[r];
        values[selection.target] = score?.aggregate.value ?? null;
        if (score !== undefined) marks[selection.target] = score.mark;
        // A language with nothing kept is left out of SEA Avg (English: Aggregate is missing).
        if (selection.kept.length === 0 || score === undefined) continue;
        if (selection.code === 'en') enAggregate = score.aggregate;
        else seaParts.push(asPart(selection.code, score.aggregate));
      }
      // meanAggregate sums the languages in label order, as the build does, whichever came first.
      for (const { index, code } of asBuilt) seaParts.push(payloadPart(row, index, code));
      const seaAggregate = meanAggregate(seaParts);
      const totalAggregate_ = totalAggregate(
        asPart('sea_total', seaAggregate),
        asPart('en', enAggregate),
      );
      if (sea >= 0) {
        values[sea] = seaAggregate.value;
        marks[sea] = cellMark(row, sea, seaAggregate, 'no SEA competency selected');
      }
      if (total >= 0) {
        values[total] = totalAggregate_.value;
        marks[total] = markOf(totalAggregate_);
      }
      return { values, marks };
    });
  }

  private languageScores(selection: Selection): Scored[] {
    const key = selection.kept.map((c) => c.id).join('\u0000');
    const cached = this.cache.get(selection.code);
    if (cached !== undefined && cached.key === key) return cached.scores;
    const what = selection.code === 'en' ? 'benchmark' : 'competency';
    const empty: Scored = {
      aggregate: NOTHING,
      mark: { partial: false, note: `no ${what} selected` },
    };
    const scores = this.run.rows.map((row): Scored => {
      if (selection.kept.length === 0) return empty;
      const aggregate = meanAggregate(selection.kept.map((c) => payloadPart(row, c.index, c.id)));
      return { aggregate, mark: cellMark(row, selection.target, aggregate) };
    });
    this.cache.set(selection.code, { key, scores });
    return scores;
  }
}

const NOTHING: Aggregate = meanAggregate([]);

/** One-off Incl/Excl (see InclExclCalculator). */
export function inclExcl(run: Run, off: ReadonlySet<string>): RecomputedRow[] {
  return new InclExclCalculator(run).compute(off);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
