/**
 * The comparison page's data: every model of every run (baselines included), with the
 * lang-level scores on one shared set of columns: SEA Avg, the union of the runs' SEA languages
 * (in the order of the merged reports: the SEA languages' order, scoring.md section 3), English,
 * Aggregate. A language a run lacks is missing.
 */

import type { ScatterRun } from '../charts/scatter.ts';
import { sortByPreference } from '../score/languages.ts';
import { overallWithHidden, type CellMark, type RecomputedRow } from './recompute.ts';
import type { ColumnData, RowData, RunData } from './site-data.ts';

export interface CompareColumn {
  readonly id: string;
  readonly label: string;
}

export interface CompareRow {
  readonly run: string;
  readonly model: string;
  readonly baseline: boolean;
  /** An lm-eval --limit run: its English scores are not comparable. */
  readonly limited: boolean;
  /** Training step (the comparison scatter's colour). */
  readonly step: number;
  /** Aligned with CompareData.columns; null = missing. */
  readonly values: readonly (number | null)[];
  /** One status code per column (see STATUS_CODES). */
  readonly status: string;
  /** Column index -> why the cell is empty or partial. */
  readonly notes: Readonly<Record<number, string>>;
}

export interface CompareData {
  readonly columns: readonly CompareColumn[];
  readonly rows: readonly CompareRow[];
  /**
   * Run -> the ids of its own lang-level columns, in its order: the SEA languages its SEA Avg
   * averages, and the columns its rows are recomputed on when languages are hidden.
   */
  readonly runColumns: Readonly<Record<string, readonly string[]>>;
}

const FIRST = 'sea_total';
const LAST = ['en', 'total'];

function isSeaLanguage(id: string): boolean {
  return id !== FIRST && !LAST.includes(id);
}

/** `seaLanguages`: the build's SEA languages in their order (the site entry's). */
export function compareData(
  runs: readonly Pick<RunData, 'key' | 'columns' | 'rows'>[],
  seaLanguages: readonly string[],
): CompareData {
  const labels = new Map<string, string>();
  for (const run of runs) {
    for (const column of run.columns) {
      if (column.level === 'lang' && !labels.has(column.id)) labels.set(column.id, column.label);
    }
  }
  const middle = sortByPreference([...labels.keys()].filter(isSeaLanguage), seaLanguages);
  const ids = [FIRST, ...middle, ...LAST].filter((id) => labels.has(id));
  const columns = ids.map((id) => ({ id, label: labels.get(id) ?? id }));
  const rows = runs.flatMap((run) => {
    const at = ids.map((id) => run.columns.findIndex((c) => c.level === 'lang' && c.id === id));
    return run.rows.map((row): CompareRow => {
      const notes: Record<number, string> = {};
      at.forEach((i, k) => {
        const note = i < 0 ? 'not in this run' : row.notes[i];
        if (note !== undefined) notes[k] = note;
      });
      return {
        run: run.key,
        model: row.model,
        baseline: row.baseline !== null,
        limited: row.limited,
        step: row.step,
        values: at.map((i) => (i < 0 ? null : (row.values[i] ?? null))),
        status: at.map((i) => (i < 0 ? 'm' : (row.status[i] ?? 'm'))).join(''),
        notes,
      };
    });
  });
  const runColumns = Object.fromEntries(
    runs.map((run) => [run.key, run.columns.filter((c) => c.level === 'lang').map((c) => c.id)]),
  );
  return { columns, rows, runColumns };
}

/**
 * Said when the chosen rows come from runs whose SEA Avg averages different languages: each
 * run's SEA Avg (and Aggregate) is over its own languages, less those hidden (column ids), so
 * such values do not compare as like for like. Null when the runs agree.
 */
export function seaLanguagesNote(
  data: CompareData,
  runs: readonly string[],
  hidden: ReadonlySet<string> = new Set(),
): string | null {
  const distinct = [...new Set(runs)];
  const labels = new Map(data.columns.map((c) => [c.id, c.label]));
  const sets = distinct.map((run) =>
    (data.runColumns[run] ?? [])
      .filter((id) => isSeaLanguage(id) && !hidden.has(id))
      .map((id) => labels.get(id) ?? id),
  );
  const key = (labels: readonly string[]) => JSON.stringify([...labels].sort());
  if (new Set(sets.map(key)).size <= 1) return null;
  const each = distinct.map((run, i) => {
    const labels = sets[i] ?? [];
    return labels.length === 0 ? `${run}: none` : `${run}: ${labels.length} (${labels.join(', ')})`;
  });
  const also = [...hidden].some(isSeaLanguage) ? ' (less the hidden ones)' : '';
  return `SEA Avg and Aggregate average each run's own SEA languages${also}, and these runs have different ones; compare single languages for like with like. ${each.join('; ')}.`;
}

/**
 * Of the runs shown, those whose SEA languages are all hidden (ids as hiddenLanguages gives
 * them), in the order given: their rows' SEA Avg and Aggregate are empty, while the table may
 * still show other runs' languages. hiddenLanguages names them in its note.
 */
export function runsWithoutSeaLanguages(
  data: Pick<CompareData, 'runColumns'>,
  runs: readonly string[],
  hidden: ReadonlySet<string>,
): string[] {
  return [...new Set(runs)].filter((run) => {
    const sea = (data.runColumns[run] ?? []).filter(isSeaLanguage);
    return sea.length > 0 && sea.every((id) => hidden.has(id));
  });
}

/** The comparison's columns as a run's lang-level columns (a SEA language and `en` carry their code). */
export function compareColumnData(columns: readonly CompareColumn[]): ColumnData[] {
  return columns.map((c) => ({
    id: c.id,
    level: 'lang',
    lang: c.id === FIRST || c.id === 'total' ? null : c.id,
    label: c.label,
    competency: null,
  }));
}

/**
 * SEA Avg and Aggregate of every row with some languages hidden (ids as hiddenLanguages gives
 * them), aligned with `data.rows`. Each run's rows are recomputed by overallWithHidden on that
 * run's own columns, as its run page recomputes them: a row averages its run's languages less
 * the hidden ones, never a language its run lacks. A run none of whose columns is hidden keeps
 * the build's values and marks (no entry in `marks`).
 */
export function compareWithHidden(data: CompareData, hidden: ReadonlySet<string>): RecomputedRow[] {
  const all = compareColumnData(data.columns);
  const byRun = new Map<string, number[]>();
  data.rows.forEach((row, i) => {
    const list = byRun.get(row.run);
    if (list === undefined) byRun.set(row.run, [i]);
    else list.push(i);
  });
  const out: RecomputedRow[] = data.rows.map((row) => ({ values: [...row.values], marks: {} }));
  for (const [run, indexes] of byRun) {
    // The run's columns, as indexes into the comparison's.
    const at = (data.runColumns[run] ?? []).flatMap((id) => {
      const k = data.columns.findIndex((c) => c.id === id);
      return k < 0 ? [] : [k];
    });
    if (!at.some((k) => hidden.has(data.columns[k]?.id ?? ''))) continue;
    const columns = at.flatMap((k) => all[k] ?? []);
    const rows = indexes.flatMap((i) => {
      const row = data.rows[i];
      return row === undefined ? [] : [runCells(row, at)];
    });
    overallWithHidden({ columns, rows }, hidden).forEach((again, r) => {
      const target = out[indexes[r] ?? -1];
      if (target === undefined) return;
      at.forEach((k, j) => {
        const mark: CellMark | undefined = again.marks[j];
        if (mark === undefined) return;
        target.values[k] = again.values[j] ?? null;
        target.marks[k] = mark;
      });
    });
  }
  return out;
}

/** A comparison row's cells on its run's own columns (`at`: their comparison indexes). */
function runCells(
  row: CompareRow,
  at: readonly number[],
): Pick<RowData, 'values' | 'status' | 'notes'> {
  const notes: Record<number, string> = {};
  at.forEach((k, j) => {
    const note = row.notes[k];
    if (note !== undefined) notes[j] = note;
  });
  return {
    values: at.map((k) => row.values[k] ?? null),
    status: at.map((k) => row.status[k] ?? 'm').join(''),
    notes,
  };
}

/**
 * The comparison scatter's input: one entry per run (in the data's order) on the shared columns.
 * Baseline rows are named by their model, so the chart can mark them.
 */
export function scatterRuns(data: CompareData): ScatterRun[] {
  const columns: ColumnData[] = data.columns.map((c) => ({
    id: c.id,
    level: 'lang',
    lang: null,
    label: c.label,
    competency: null,
  }));
  const runs = new Map<string, ScatterRun['rows'][number][]>();
  for (const row of data.rows) {
    const rows = runs.get(row.run) ?? [];
    rows.push({
      model: row.model,
      baseline: row.baseline ? row.model : null,
      step: row.step,
      values: row.values,
      status: row.status,
      notes: row.notes,
    });
    runs.set(row.run, rows);
  }
  return [...runs].map(([key, rows]) => ({ key, columns, rows }));
}

/**
 * The column a scatter metric names, by id or by its name in any case (`SEA Avg`, `english`);
 * null when none. Write-up props and page addresses read metrics this way.
 */
export function compareColumnOf(columns: readonly CompareColumn[], name: string): string | null {
  if (columns.some((c) => c.id === name)) return name;
  const lower = name.toLowerCase();
  return columns.find((c) => c.label.toLowerCase() === lower)?.id ?? null;
}

/** What an address asks for as an axis, as a column id; an unknown name is left to the defaults. */
export function compareColumnId(data: Pick<CompareData, 'columns'>, wanted: string | null) {
  return wanted === null ? null : (compareColumnOf(data.columns, wanted) ?? wanted);
}
