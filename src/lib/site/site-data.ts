/**
 * What the site's pages are built from: plain, JSON-ready data derived from the pipeline result.
 * Pure; pages only lay it out.
 */

import { englishSubtaskAbout, seaTaskAbout } from './column-about.ts';
import type { HyperparameterPattern } from '../config/types.ts';
import { sourceLabel } from '../discover/sources.ts';
import type { PipelineResult, RunResult } from '../pipeline.ts';
import { problemsByReason, type Cell, type CellStatus } from '../score/cell.ts';
import { ENGLISH_COLUMNS } from '../score/english-benchmarks.ts';
import type { Table } from '../score/table.ts';
import { langColumnName, languageName } from './names.ts';
import { runSlugs } from './slug.ts';

export type Level = 'lang' | 'competency' | 'task';

export interface ColumnData {
  /** The report column, e.g. `id_nlu`. */
  readonly id: string;
  readonly level: Level;
  /** Language code, `en` for English columns, null for SEA Avg / Aggregate. */
  readonly lang: string | null;
  /** Name within its language, e.g. `nlu`, `BBH`, `Indonesian` for lang columns. */
  readonly label: string;
  /** Competency of a task column (for grouping), else null. */
  readonly competency: string | null;
  /** Task columns: what the value is read from (column-about.ts), for the header's tooltip. */
  readonly about?: string;
  /**
   * SEA language columns: how many of the language's competencies have no column of their own
   * (their name is another column's, scoring.md section 8), when some do. Their values are not
   * in the payload, so the language cannot be recomputed from its columns (Incl/Excl).
   */
  readonly competenciesWithoutColumn?: number;
}

/** Cell status codes in the payload: ok, partial, missing, failed, invalid. */
export const STATUS_CODES: Readonly<Record<CellStatus, string>> = {
  ok: 'o',
  partial: 'p',
  missing: 'm',
  failed: 'f',
  invalid: 'i',
};

export interface RowData {
  readonly model: string;
  /** Baseline id for merged baseline rows. */
  readonly baseline: string | null;
  readonly step: number;
  readonly limited: boolean;
  /** Values aligned with `columns`; null = missing. */
  readonly values: readonly (number | null)[];
  /** One status code per column (see STATUS_CODES). */
  readonly status: string;
  /** Column index -> why the cell is empty or partial. */
  readonly notes: Readonly<Record<number, string>>;
}

export interface RunData {
  readonly key: string;
  readonly slug: string;
  readonly section: 'experiments' | 'hero_runs';
  readonly isHeroRun: boolean;
  readonly languages: readonly { readonly code: string; readonly name: string }[];
  readonly columns: readonly ColumnData[];
  readonly rows: readonly RowData[];
  readonly baselines: readonly string[];
  /** The config's hyperparameter patterns, read from configuration names by the charts. */
  readonly hyperparameters: readonly HyperparameterPattern[];
  /**
   * Set only when the run has no model of its own and the build knows why (its path does not
   * exist, its folder holds no result file, every file was skipped), in the build summary's
   * words. The run page says so when the run has no row at all; the index whenever it is set,
   * as its model count leaves baselines aside.
   */
  readonly noModels?: string;
}

export interface RunSummary {
  readonly key: string;
  readonly slug: string;
  readonly section: 'experiments' | 'hero_runs';
  /** The run's own models (baselines aside). */
  readonly models: number;
  /** Why the run has no model of its own (RunData.noModels); null when it has some or unknown. */
  readonly noModels: string | null;
  readonly partialRows: number;
  readonly best: {
    readonly model: string;
    /**
     * The column the best model is chosen by: Aggregate, or, in a run none of whose own rows
     * has one (scored on SEA-HELM or lm-eval files alone), SEA Avg, else English.
     */
    readonly by: HeadlineColumn;
    readonly limited: boolean;
    readonly seaTotal: number | null;
    readonly en: number | null;
    readonly total: number | null;
    /** Why each value is partial (its coverage note), or null when it is complete. */
    readonly partial: {
      readonly seaTotal: string | null;
      readonly en: string | null;
      readonly total: string | null;
    };
  } | null;
}

export type HeadlineColumn = 'total' | 'sea_total' | 'en';

export function runData(result: PipelineResult): RunData[] {
  const slugs = runSlugs(result.runs.map(({ run }) => run.key));
  return result.runs.map(({ run, table, baselines }) => {
    const slug = slugs.get(run.key) ?? run.key;
    const own = table.rows.some((r) => r.baseline === null);
    const why = own ? null : noModelsReason(result, run);
    return {
      key: run.key,
      slug,
      section: run.section,
      isHeroRun: run.isHeroRun,
      languages: table.columns.lang
        .filter((c) => c !== 'sea_total' && c !== 'en' && c !== 'total')
        .map((code) => ({ code, name: languageName(code) })),
      columns: columnData(table, result.config.seahelmTaskMetrics),
      rows: rowData(table),
      baselines: baselines.map((b) => b.key),
      hyperparameters: result.config.hyperparameters,
      ...(why === null ? {} : { noModels: why }),
    };
  });
}

/**
 * Why a run has no model: what discovery said of its folder (the message after the run's label),
 * else that each of its files was skipped; null when neither is known.
 */
function noModelsReason(result: PipelineResult, run: RunResult['run']): string | null {
  const label = sourceLabel({ kind: 'run', config: run });
  const said = result.diagnostics.find(
    (d) =>
      (d.kind === 'path-missing' || d.kind === 'empty-source') &&
      d.message.startsWith(`${label}: `),
  );
  if (said !== undefined) return said.message.slice(label.length + 2);
  const files = result.files.filter((f) => f.source === label).length;
  if (files === 0) return null;
  return files === 1
    ? 'its one result file was skipped; results.json says why'
    : `all ${files} of its result files were skipped; results.json says why`;
}

function columnData(table: Table, extraMetrics: Readonly<Record<string, string>>): ColumnData[] {
  const { lang, competency, task, origin } = table.columns;
  const english = new Set(ENGLISH_COLUMNS);
  return [
    ...lang.map((id): ColumnData => {
      const base: ColumnData = {
        id,
        level: 'lang',
        lang: id === 'sea_total' || id === 'total' ? null : id,
        label: langColumnName(id),
        competency: null,
      };
      const sea = base.lang !== null && id !== 'en';
      const without = sea ? competenciesWithoutColumn(table, id) : 0;
      return without === 0 ? base : { ...base, competenciesWithoutColumn: without };
    }),
    ...competency.map((id): ColumnData => {
      const o = origin.get(id);
      if (english.has(id) || o === undefined) {
        return { id, level: 'competency', lang: 'en', label: id, competency: null };
      }
      return { id, level: 'competency', lang: o.lang, label: o.competency, competency: null };
    }),
    ...task.map((id): ColumnData => {
      const o = origin.get(id);
      if (o === undefined) {
        const label = id.replace(/^en_/, '');
        const about = englishSubtaskAbout(id);
        const base = { id, level: 'task' as const, lang: 'en', label, competency: null };
        return about === null ? base : { ...base, about };
      }
      const label = id.slice(o.lang.length + 1);
      const about = seaTaskAbout(label, o.competency, extraMetrics);
      return { id, level: 'task', lang: o.lang, label, competency: o.competency, about };
    }),
  ];
}

/**
 * How many competencies of a SEA language have no column: its cells expect one child per
 * competency of the table (coverage), and only the competencies that kept their name have one.
 */
function competenciesWithoutColumn(table: Table, lang: string): number {
  let expected = 0;
  for (const row of table.rows) {
    expected = Math.max(expected, row.cells.get(lang)?.coverage?.[1] ?? 0);
  }
  const { competency, origin } = table.columns;
  const shown = competency.filter((id) => origin.get(id)?.lang === lang).length;
  return Math.max(expected - shown, 0);
}

function rowData(table: Table): RowData[] {
  const ids = [...table.columns.lang, ...table.columns.competency, ...table.columns.task];
  return table.rows.map((row) => {
    const cells = ids.map((id) => row.cells.get(id));
    const notes: Record<number, string> = {};
    cells.forEach((cell, i) => {
      const note = cell === undefined ? '' : cellNote(cell);
      if (note !== '') notes[i] = note;
    });
    return {
      model: row.model,
      baseline: row.baseline,
      step: row.step,
      limited: row.limited,
      values: cells.map((cell) => cell?.value ?? null),
      status: cells.map((cell) => STATUS_CODES[statusOf(cell)]).join(''),
      notes,
    };
  });
}

/**
 * Why a cell is empty or partial, as the missing report says it: the cell's own detail, then
 * the problems of inputs that have no column of their own (a failed `pragmatic-single` under
 * `pragmatics`, a missing group under its competency), each reason named where it is not the
 * cell's own. The detail alone said `1/2 missing` of a task that was in fact invalid or failed.
 */
export function cellNote(cell: Pick<Cell, 'status' | 'detail' | 'inner'>): string {
  const own = cell.detail === '' ? null : ([cell.status, cell.detail] as const);
  return [...problemsByReason(own, cell.inner)]
    .map(([reason, details]) =>
      reason === cell.status ? details.join('; ') : `${reason}: ${details.join('; ')}`,
    )
    .join('; ');
}

function statusOf(cell: Cell | undefined): CellStatus {
  return cell?.status ?? 'missing';
}

/** The index's line for each run: its best model by Aggregate, and counts. */
export function runSummaries(runs: readonly RunData[]): RunSummary[] {
  return runs.map((run) => {
    const at = (name: string) => run.columns.findIndex((c) => c.id === name);
    const [sea, en, total] = [at('sea_total'), at('en'), at('total')];
    const own = run.rows.filter((r) => r.baseline === null);
    const headline = { total, sea_total: sea, en };
    const by = rankingColumn(own, headline);
    const best = bestByColumn(own, headline[by]);
    return {
      key: run.key,
      slug: run.slug,
      section: run.section,
      models: own.length,
      noModels: own.length === 0 ? (run.noModels ?? null) : null,
      // Incomplete: a partial or missing headline value, or a --limit run.
      partialRows: own.filter((r) => r.limited || [sea, en, total].some((i) => r.status[i] !== 'o'))
        .length,
      best:
        best === undefined
          ? null
          : {
              model: best.model,
              by,
              limited: best.limited,
              seaTotal: best.values[sea] ?? null,
              en: best.values[en] ?? null,
              total: best.values[total] ?? null,
              partial: {
                seaTotal: partialNote(best, sea),
                en: partialNote(best, en),
                total: partialNote(best, total),
              },
            },
    };
  });
}

/**
 * Aggregate, unless no row has one: a run scored on one side only (SEA-HELM or lm-eval files
 * alone) has none, and would show no best model at all; its SEA Avg, else English, ranks it.
 */
function rankingColumn(
  rows: readonly RowData[],
  at: Readonly<Record<HeadlineColumn, number>>,
): HeadlineColumn {
  const hasValue = (column: number) => rows.some((r) => (r.values[column] ?? null) !== null);
  if (hasValue(at.total)) return 'total';
  return hasValue(at.sea_total) || !hasValue(at.en) ? 'sea_total' : 'en';
}

/**
 * The best row by a column (Aggregate, `total`, as a rule). Fully scored rows come first: a
 * complete value and not an lm-eval --limit run. A partial Aggregate leaves out languages or
 * benchmarks (often the weakest ones) and a limited run's English scores are not comparable, so
 * either could outrank a fully scored checkpoint for no good reason. Only when no row is fully
 * scored is the best of the others taken, its partial values marked. Equal values keep the
 * rows' order.
 */
export function bestByColumn(rows: readonly RowData[], column: number): RowData | undefined {
  const ranked = rows
    .filter((r) => r.values[column] !== null && r.values[column] !== undefined)
    .sort((a, b) => (b.values[column] ?? 0) - (a.values[column] ?? 0));
  const fullyScored = (r: RowData) => !r.limited && r.status[column] === STATUS_CODES.ok;
  return ranked.find(fullyScored) ?? ranked[0];
}

/** The coverage note of a partial value (`5/7 missing: ms, my`), else null. */
function partialNote(row: RowData, column: number): string | null {
  return row.status[column] === STATUS_CODES.partial ? (row.notes[column] ?? 'partial') : null;
}
