/**
 * A run's table: its models, then the baselines merged into it, scored against the union of
 * their structures (scoring.md sections 2 and 6). Columns follow the section 2-4 order.
 */

import { absentHarnessDetail } from './absent-detail.ts';
import { compareCodePoints } from '../compare.ts';
import type { Cell } from './cell.ts';
import { cellStore, copyCell, type CellStore } from './cell-store.ts';
import { BENCHMARKS } from './english-benchmarks.ts';
import { evaluateRow, planFor, type Expected } from './evaluate.ts';
import { byLanguage, rankIn, sortByPreference, sortCompetencies } from './languages.ts';
import { RowCells } from './row-cells.ts';
import {
  EN,
  SEA_TOTAL,
  TOTAL,
  benchmarkNode,
  competencyNode,
  harnessOf,
  langNode,
  hasDataNamedColumn,
  nodeInfo,
  subtaskNode,
} from './nodes.ts';
import type { RowFacts, RowModel, RowShape } from './row-facts.ts';

export interface TableRow {
  readonly model: string;
  /** The baseline id (`BASELINE_<section>_<name>`) for merged baseline rows, else null. */
  readonly baseline: string | null;
  readonly step: number;
  readonly limited: boolean;
  /** Column -> cell, for every column of the table. */
  readonly cells: ReadonlyMap<string, Cell>;
}

export interface TableColumns {
  readonly lang: readonly string[];
  readonly competency: readonly string[];
  readonly task: readonly string[];
  /** SEA competency and task columns -> their language and competency (orders merged reports). */
  readonly origin: ReadonlyMap<string, ColumnOrigin>;
}

export interface ColumnOrigin {
  readonly lang: string;
  readonly competency: string;
}

export interface Table {
  readonly columns: TableColumns;
  /** Columns two nodes would have shared: the later one has none (reported by the caller). */
  readonly clashes: readonly ColumnClash[];
  readonly rows: readonly TableRow[];
  /** The rows' cells again, all in one store, for readers of whole tables (the reports). */
  readonly grid: CellGrid;
}

/** Two nodes whose columns would have the same name (`nlr` a task and a competency, say). */
export interface ColumnClash {
  readonly column: string;
  /** Node ids: the one that keeps the column, the one left without. */
  readonly kept: string;
  readonly dropped: string;
}

/** A table's cells row after row: row r's cell of a column is at `r * width + position`. */
export interface CellGrid {
  readonly store: CellStore;
  /** Cells per row. */
  readonly width: number;
  /** Column -> position within a row. */
  readonly position: ReadonlyMap<string, number>;
}

export interface TableInput {
  readonly facts: RowFacts;
  readonly baseline: string | null;
}

export function buildTable(inputs: readonly TableInput[], seaLanguages: readonly string[]): Table {
  const facts = inputs.map((i) => i.facts);
  const layout = tableLayout(facts, seaLanguages);
  return assembleTable(layout, inputs, evaluateRows(layout, facts));
}

/** A table's columns and the structure its rows are evaluated against. */
interface TableLayout {
  readonly columns: TableColumns;
  readonly clashes: readonly ColumnClash[];
  readonly expected: Expected;
  /** Node id of each column, in column order (lang, competency, task). */
  readonly nodes: readonly string[];
}

function tableLayout(rows: readonly RowFacts[], seaLanguages: readonly string[]): TableLayout {
  const shapes = distinctShapes(rows);
  const expected = expectedChildren(shapes);
  const nodes = columnNodes(shapes, expected, seaLanguages);
  const columns: TableColumns = {
    lang: nodes.lang.map(columnOf),
    competency: nodes.competency.map(columnOf),
    task: nodes.task.map(columnOf),
    origin: nodes.origin,
  };
  return {
    columns,
    clashes: nodes.clashes,
    expected,
    nodes: [...nodes.lang, ...nodes.competency, ...nodes.task],
  };
}

/** The rows' cells, row after row, one per column. */
function evaluateRows({ expected, nodes }: TableLayout, rows: readonly RowFacts[]): CellStore {
  const plan = planFor(expected, nodes);
  const positions = nodes.map((id) => plan.index.get(id) ?? -1);
  const cells = cellStore(rows.length * nodes.length);
  const scratch = cellStore(plan.ids.length);
  for (let r = 0; r < rows.length; r++) {
    const facts = rows[r] as RowFacts;
    evaluateRow(facts, plan, (id) => absentDetail(facts.model, id), scratch);
    const offset = r * nodes.length;
    for (let i = 0; i < positions.length; i++) {
      copyCell(scratch, positions[i] ?? -1, cells, offset + i);
    }
  }
  return cells;
}

/** The table, from its rows' cells. */
function assembleTable(
  layout: TableLayout,
  inputs: readonly TableInput[],
  cells: CellStore,
): Table {
  const { columns } = layout;
  const width = layout.nodes.length;
  // Column names are unique (columnNodes).
  const index = new Map<string, number>();
  [...columns.lang, ...columns.competency, ...columns.task].forEach((name, i) =>
    index.set(name, i),
  );
  const rows = inputs.map(({ facts, baseline }, r) => {
    const { name, step, limited } = facts.model;
    const byColumn = new RowCells(index, cells, r * width);
    return { model: name, baseline, step, limited, cells: byColumn };
  });
  return { columns, clashes: layout.clashes, rows, grid: { store: cells, width, position: index } };
}

function columnOf(id: string): string {
  const column = nodeInfo(id).column;
  if (column === null) throw new Error(`node ${id} has no column`);
  return column;
}

/** Each shape once, in the order of the first row that has it. */
function distinctShapes(rows: readonly RowFacts[]): RowShape[] {
  return [...new Set(rows.map((r) => r.shape))];
}

/**
 * Union of every row's children, in code-point order so sums never depend on other rows; a node
 * with fixed children (the English ones, the pooled pragmatics columns) expects those.
 */
export function expectedChildren(shapes: readonly RowShape[]): Expected {
  const union = new Map<string, Set<string>>();
  for (const shape of shapes) {
    for (const [parent, children] of shape.children) {
      const set = union.get(parent) ?? new Set<string>();
      for (const child of children) set.add(child);
      union.set(parent, set);
    }
  }
  const expected = new Map<string, string[]>();
  for (const [parent, set] of union) {
    const fixed = nodeInfo(parent).fixedChildren;
    expected.set(parent, fixed === null ? [...set].sort(compareCodePoints) : [...fixed]);
  }
  for (const id of [TOTAL, EN, ...BENCHMARKS.map((b) => benchmarkNode(b.column))]) {
    expected.set(id, [...(nodeInfo(id).fixedChildren ?? [])]);
  }
  return expected;
}

function columnNodes(
  shapes: readonly RowShape[],
  expected: Expected,
  seaLanguages: readonly string[],
) {
  const langs = sortByPreference(
    (expected.get(SEA_TOTAL) ?? []).map((id) => id.slice(2)),
    seaLanguages,
  );
  const competency: string[] = [];
  const task: string[] = [];
  // By node id: two nodes may give one column name, and only the one that keeps it has an origin.
  const originOf = new Map<string, ColumnOrigin>();
  const taskOrigin = new Map<string, ColumnOrigin>();
  for (const shape of shapes) {
    for (const [id, at] of shape.taskOrigin) if (!taskOrigin.has(id)) taskOrigin.set(id, at);
  }
  const tasksOf = byLanguage(taskOrigin, ([, at]) => at.lang);
  for (const lang of langs) {
    const comps = sortCompetencies(
      (expected.get(langNode(lang)) ?? []).map((id) => columnOf(id).slice(lang.length + 1)),
    );
    for (const comp of comps) {
      const id = competencyNode(lang, comp);
      competency.push(id);
      originOf.set(id, { lang, competency: comp });
    }
    const tasks = tasksOf.get(lang) ?? [];
    const place = rankIn(comps);
    const rank = (at: ColumnOrigin) => place(at.competency);
    // By competency, then by column name (ids differ in their prefix: tasks, pooled columns).
    tasks.sort(
      ([a, x], [b, y]) => rank(x) - rank(y) || compareCodePoints(columnOf(a), columnOf(b)),
    );
    for (const [id, at] of tasks) {
      task.push(id);
      originOf.set(id, at);
    }
  }
  competency.push(...BENCHMARKS.map((b) => benchmarkNode(b.column)));
  const presentSubtasks = new Set(shapes.flatMap((shape) => shape.leafIds));
  for (const b of BENCHMARKS) {
    task.push(
      ...b.subtasks.map((s) => subtaskNode(s.column)).filter((id) => presentSubtasks.has(id)),
    );
  }
  const lang = [SEA_TOTAL, ...langs.map(langNode), EN, TOTAL];
  const unique = uniqueColumns({ lang, competency, task: [...new Set(task)] });
  // Only SEA columns of the competency and task reports have an origin.
  const origin = new Map<string, ColumnOrigin>();
  for (const id of [...unique.competency, ...unique.task]) {
    const at = originOf.get(id);
    if (at !== undefined) origin.set(columnOf(id), at);
  }
  return { ...unique, origin };
}

/**
 * One node per column name. SEA names are made by joining codes and names with `_`, so odd ones
 * can meet (a task `nlr` and a competency `nlr`, a language `id_nlu` and id's `nlu`, a language
 * `en_bbh` and the English `en_bbh_navigate`). The columns fixed by scoring.md keep their
 * names; otherwise the first column met (lang, competency, task report) does, and the other
 * node gets no column (its value still counts where it belongs).
 */
function uniqueColumns(nodes: { lang: string[]; competency: string[]; task: string[] }) {
  const fixed = (id: string) => !hasDataNamedColumn(id);
  const owner = new Map<string, string>();
  const all = [...nodes.lang, ...nodes.competency, ...nodes.task];
  for (const id of [...all.filter(fixed), ...all.filter((id) => !fixed(id))]) {
    if (!owner.has(columnOf(id))) owner.set(columnOf(id), id);
  }
  const clashes: ColumnClash[] = [];
  const keep = (id: string) => {
    const kept = owner.get(columnOf(id)) ?? id;
    if (kept !== id) clashes.push({ column: columnOf(id), kept, dropped: id });
    return kept === id;
  };
  return {
    lang: nodes.lang.filter(keep),
    competency: nodes.competency.filter(keep),
    task: nodes.task.filter(keep),
    clashes,
  };
}

function absentDetail(model: RowModel, id: string): string {
  const english = harnessOf(id) === 'lm-eval';
  const harness = english ? 'lm-eval' : 'SEA-HELM';
  const has = english ? model.hasLm : model.hasSea;
  if (has) return `not in the ${harness} results of this model`;
  return absentHarnessDetail(harness, english ? model.skippedLm : model.skippedSea);
}
