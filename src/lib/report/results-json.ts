/**
 * `results.json`: the results dictionary of the original app (per run and per baseline: lang,
 * competency and task tables with `_meta`), at full precision, with stderr and coverage, plus
 * every file's fate and every warning. Deterministic: no clock, no absolute paths.
 */

import { baselineIdOf } from '../config/baseline-id.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FileReport, PipelineResult } from '../pipeline.ts';
import { OK, detailAt, statusAt, valueAt, type CellStore } from '../score/cell-store.ts';
import type { Superseded } from '../score/merge-files.ts';
import type { CellGrid, Table, TableColumns, TableRow } from '../score/table.ts';
import { summarize, type Summary } from './summary.ts';
import { RESULTS_JSON_HEAD } from '../config/defaults.ts';

/** What results.json holds, as plain data: it may be written by a worker thread. */
export interface ResultsDocument {
  readonly seaLanguages: readonly string[];
  readonly summary: Summary;
  /** `results`: runs, then baselines, by key. */
  readonly sections: readonly (readonly [string, Section])[];
  readonly files: readonly FileReport[];
  readonly superseded: readonly Superseded[];
  readonly ignoredTasks: Readonly<Record<string, number>>;
  readonly warnings: readonly Diagnostic[];
}

interface Section {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly table: SectionTable;
}

interface SectionTable {
  readonly columns: Pick<TableColumns, 'lang' | 'competency' | 'task'>;
  readonly rows: readonly Pick<TableRow, 'model' | 'baseline' | 'step' | 'limited'>[];
  readonly grid: CellGrid;
}

export function resultsJson(result: PipelineResult): string {
  return [...resultsJsonChunks(resultsDocument(result))].join('');
}

export function resultsDocument(result: PipelineResult): ResultsDocument {
  return {
    seaLanguages: result.seaLanguages,
    summary: summarize(result),
    sections: Object.entries(resultSections(result)),
    files: result.files,
    superseded: result.superseded,
    ignoredTasks: Object.fromEntries(result.ignoredTasks),
    warnings: result.diagnostics,
  };
}

/**
 * The text of results.json in pieces, for writing one after another: with thousands of models
 * the whole text runs to tens of megabytes. The pieces join to exactly `JSON.stringify` of the
 * document (no spaces), one table row at a time.
 */
export function* resultsJsonChunks(document: ResultsDocument): Generator<string> {
  yield `${RESULTS_JSON_HEAD},"sea_languages":${JSON.stringify(document.seaLanguages)}`;
  yield `,"summary":${JSON.stringify(document.summary)},"results":{`;
  let first = true;
  for (const [key, section] of document.sections) {
    yield `${first ? '' : ','}${JSON.stringify(key)}:{"_meta":${JSON.stringify(section.meta)}`;
    first = false;
    yield* tablesJson(section.table);
    yield '}';
  }
  yield `},"files":${JSON.stringify(document.files)}`;
  yield `,"superseded":${JSON.stringify(document.superseded)}`;
  yield `,"ignored_tasks":${JSON.stringify(document.ignoredTasks)}`;
  yield `,"warnings":${JSON.stringify(document.warnings.map(warningJson))}}\n`;
}

/**
 * A warning as results.json writes it: snake_case like its other keys, every field in a fixed
 * order, `null` where a warning has no file or key path.
 */
function warningJson(d: Diagnostic): Record<string, string | null> {
  return { kind: d.kind, file: d.file ?? null, key_path: d.keyPath ?? null, message: d.message };
}

/**
 * Runs, then baselines, by key, in an object: key order and a repeated key behave exactly as
 * they did when results.json was one `JSON.stringify`d object.
 */
function resultSections(result: PipelineResult): Record<string, Section> {
  const results: Record<string, Section> = {};
  for (const { run, table, baselines } of result.runs) {
    const meta = {
      is_hero_run: run.isHeroRun,
      has_baseline: table.rows.some((r) => r.baseline !== null),
      is_baseline: false,
      baseline_for: [],
      baselines: baselines.map((b) => baselineIdOf(b.section, b.key)),
    };
    results[run.key] = { meta, table: sectionTable(table) };
  }
  for (const { baseline, id, table } of result.baselines) {
    const meta = {
      is_hero_run: false,
      has_baseline: false,
      is_baseline: true,
      baseline_for: baseline.targets,
      section: baseline.section,
    };
    results[id] = { meta, table: sectionTable(table) };
  }
  return results;
}

/** A table as plain data: rows without their cell maps (the grid has the cells). */
function sectionTable(table: Table): SectionTable {
  const { lang, competency, task } = table.columns;
  return {
    columns: { lang, competency, task },
    rows: table.rows.map(({ model, baseline, step, limited }) => ({
      model,
      baseline,
      step,
      limited,
    })),
    grid: table.grid,
  };
}

function* tablesJson(table: SectionTable): Generator<string> {
  const { lang, competency, task } = table.columns;
  for (const [name, columns] of [
    ['lang', lang],
    ['competency', competency],
    ['task', task],
  ] as const) {
    yield `,"${name}":{"columns":${JSON.stringify(columns)},"rows":[`;
    const positions = columns.map((column) => table.grid.position.get(column));
    for (const [r, row] of table.rows.entries()) {
      const cells = { store: table.grid.store, first: r * table.grid.width, positions };
      yield `${r === 0 ? '' : ','}${JSON.stringify(rowJson(row, columns, cells))}`;
    }
    yield ']}';
  }
}

/** One row's cells of the columns written: `positions[i]` is column i's place in the row. */
interface RowCellsAt {
  readonly store: CellStore;
  readonly first: number;
  readonly positions: readonly (number | undefined)[];
}

function rowJson(row: SectionTable['rows'][number], columns: readonly string[], cells: RowCellsAt) {
  return {
    model: row.model,
    baseline: row.baseline,
    step: row.step,
    limited: row.limited,
    // aligned with `columns`; the sparse maps below only name the cells that need it
    values: cells.positions.map((p) =>
      p === undefined ? null : valueAt(cells.store, cells.first + p),
    ),
    ...details(columns, cells),
  };
}

/** Only the cells that have something to say, to keep the file small. */
function details(columns: readonly string[], { store, first, positions }: RowCellsAt) {
  const status: Record<string, string> = {};
  const coverage: Record<string, readonly [number, number]> = {};
  const reason: Record<string, string> = {};
  const stderr: Record<string, number> = {};
  const inner: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const p = positions[i];
    if (p === undefined) return;
    const at = first + p;
    const problems = store.inner.get(at);
    if (problems !== undefined) inner[column] = problems;
    if (store.status[at] !== OK) status[column] = statusAt(store, at);
    const present = store.present[at] ?? -1;
    if (present >= 0) coverage[column] = [present, store.expected[at] ?? 0];
    const detail = detailAt(store, at);
    if (detail !== '') reason[column] = detail;
    const error = store.stderr[at] ?? Number.NaN;
    if (!Number.isNaN(error)) stderr[column] = error;
  });
  return { status, coverage, reason, stderr, inner };
}
