/**
 * A run's table: its models, then the baselines merged into it, scored against the union of
 * their structures (scoring.md sections 2 and 6). Columns follow the section 2-4 order.
 */

import { compareCodePoints } from '../compare.ts';
import type { Cell } from './cell.ts';
import { BENCHMARKS } from './english-benchmarks.ts';
import { evaluateRow, type Expected } from './evaluate.ts';
import { sortByPreference, sortCompetencies } from './languages.ts';
import type { Model } from './models.ts';
import {
  EN,
  SEA_TOTAL,
  TOTAL,
  benchmarkNode,
  competencyNode,
  langNode,
  nodeInfo,
  subtaskNode,
} from './nodes.ts';
import type { RowFacts } from './row-facts.ts';

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
  /** Node id of each column, in report order: lang, competency, task. */
  readonly rows: readonly TableRow[];
}

export interface TableInput {
  readonly facts: RowFacts;
  readonly baseline: string | null;
}

export function buildTable(inputs: readonly TableInput[], seaLanguages: readonly string[]): Table {
  const expected = expectedChildren(inputs.map((i) => i.facts));
  const nodes = columnNodes(
    inputs.map((i) => i.facts),
    expected,
    seaLanguages,
  );
  const columns: TableColumns = {
    lang: nodes.lang.map(columnOf),
    competency: nodes.competency.map(columnOf),
    task: nodes.task.map(columnOf),
    origin: nodes.origin,
  };
  const all = [...nodes.lang, ...nodes.competency, ...nodes.task];
  const rows = inputs.map(({ facts, baseline }) => {
    const cellOf = evaluateRow(facts, expected, (id) => absentDetail(facts.model, id));
    const cells = new Map(all.map((id) => [columnOf(id), cellOf(id)]));
    const { name, step, limited } = facts.model;
    return { model: name, baseline, step, limited, cells };
  });
  return { columns, rows };
}

function columnOf(id: string): string {
  const column = nodeInfo(id).column;
  if (column === null) throw new Error(`node ${id} has no column`);
  return column;
}

/** Union of every row's children, in code-point order so sums never depend on other rows. */
export function expectedChildren(rows: readonly RowFacts[]): Expected {
  const union = new Map<string, Set<string>>();
  for (const facts of rows) {
    for (const [parent, children] of facts.children) {
      const set = union.get(parent) ?? new Set<string>();
      for (const child of children) set.add(child);
      union.set(parent, set);
    }
  }
  const expected = new Map<string, string[]>();
  for (const [parent, set] of union) expected.set(parent, [...set].sort(compareCodePoints));
  for (const id of [TOTAL, EN, ...BENCHMARKS.map((b) => benchmarkNode(b.column))]) {
    expected.set(id, [...(nodeInfo(id).fixedChildren ?? [])]);
  }
  return expected;
}

function columnNodes(
  rows: readonly RowFacts[],
  expected: Expected,
  seaLanguages: readonly string[],
) {
  const langs = sortByPreference(
    (expected.get(SEA_TOTAL) ?? []).map((id) => id.slice(2)),
    seaLanguages,
  );
  const competency: string[] = [];
  const task: string[] = [];
  const origin = new Map<string, ColumnOrigin>();
  const taskCompetency = new Map<string, string>();
  for (const facts of rows) {
    for (const [id, comp] of facts.taskCompetency)
      if (!taskCompetency.has(id)) taskCompetency.set(id, comp);
  }
  for (const lang of langs) {
    const comps = sortCompetencies(
      (expected.get(langNode(lang)) ?? []).map((id) => id.slice(3 + lang.length)),
    );
    for (const comp of comps) {
      competency.push(competencyNode(lang, comp));
      origin.set(`${lang}_${comp}`, { lang, competency: comp });
    }
    const prefix = `T:${lang}_`;
    const tasks = [...taskCompetency.keys()].filter((id) => id.startsWith(prefix));
    const rank = (id: string) => comps.indexOf(taskCompetency.get(id) ?? '');
    tasks.sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b));
    for (const id of tasks) {
      if (origin.has(id.slice(2))) continue; // a task named like a competency keeps one column
      task.push(id);
      origin.set(id.slice(2), { lang, competency: taskCompetency.get(id) ?? '' });
    }
  }
  competency.push(...BENCHMARKS.map((b) => benchmarkNode(b.column)));
  const presentSubtasks = new Set(rows.flatMap((f) => [...f.leaves.keys()]));
  for (const b of BENCHMARKS) {
    task.push(
      ...b.subtasks.map((s) => subtaskNode(s.column)).filter((id) => presentSubtasks.has(id)),
    );
  }
  const lang = [SEA_TOTAL, ...langs.map(langNode), EN, TOTAL];
  return { lang, competency, task: [...new Set(task)], origin };
}

function absentDetail(model: Model, id: string): string {
  const english = id.startsWith('S:');
  const harness = english ? 'lm-eval' : 'SEA-HELM';
  const has = english ? model.lm !== null : model.sea !== null;
  return has
    ? `not in the ${harness} results of this model`
    : `no ${harness} results for this model`;
}
