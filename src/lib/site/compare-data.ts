/**
 * The comparison page's data: every model of every run (baselines included), with the
 * lang-level scores on one shared set of columns: SEA Avg, the union of the runs' SEA languages
 * (in order of first appearance), English, Aggregate. A language a run lacks is missing.
 */

import type { ScatterRun } from '../charts/scatter.ts';
import type { ColumnData, RunData } from './site-data.ts';

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
  /** Run -> the labels of the SEA languages its SEA Avg averages, in column order. */
  readonly seaLanguages: Readonly<Record<string, readonly string[]>>;
}

const FIRST = 'sea_total';
const LAST = ['en', 'total'];

export function compareData(
  runs: readonly Pick<RunData, 'key' | 'columns' | 'rows'>[],
): CompareData {
  const labels = new Map<string, string>();
  for (const run of runs) {
    for (const column of run.columns) {
      if (column.level === 'lang' && !labels.has(column.id)) labels.set(column.id, column.label);
    }
  }
  const middle = [...labels.keys()].filter((id) => id !== FIRST && !LAST.includes(id));
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
  const seaLanguages = Object.fromEntries(
    runs.map((run) => [
      run.key,
      run.columns
        .filter((c) => c.level === 'lang' && c.id !== FIRST && !LAST.includes(c.id))
        .map((c) => c.label),
    ]),
  );
  return { columns, rows, seaLanguages };
}

/**
 * Said when the chosen rows come from runs whose SEA Avg averages different languages: each
 * run's SEA Avg (and Aggregate) is over its own languages, so such values do not compare as
 * like for like. Null when the runs agree.
 */
export function seaLanguagesNote(data: CompareData, runs: readonly string[]): string | null {
  const distinct = [...new Set(runs)];
  const sets = distinct.map((run) => data.seaLanguages[run] ?? []);
  const key = (labels: readonly string[]) => JSON.stringify([...labels].sort());
  if (new Set(sets.map(key)).size <= 1) return null;
  const each = distinct.map((run, i) => {
    const labels = sets[i] ?? [];
    return `${run}: ${labels.length} (${labels.join(', ')})`;
  });
  return `SEA Avg and Aggregate average each run's own SEA languages, and these runs have different ones; compare single languages for like with like. ${each.join('; ')}.`;
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
