/**
 * The score tree. Every report column is a node; node ids carry a prefix that says what the
 * node is, so its kind, column and report follow from the id alone:
 *
 *   total -> sea_total -> L:<lang> -> C:<n>:<lang>_<comp> -> [G:<n>:<m>:<lang>_<comp>_<group> ->]
 *     T:<n>:<lang>_<task>
 *   total -> en -> E:<benchmark> -> S:en_<benchmark>_<subtask>
 *   Q:<n>:<lang>_pragmatics[-logprobs] -> P:<n>:<lang>_pragmatic-<single|pair>[-logprobs]
 *
 * `<n>` is the length of the language code and `<m>` that of the competency: names are joined
 * with `_`, so without them id's competency `x_y` and id_x's competency `y` would be one node
 * (`id_x_y`), their tasks averaged together; with them they are two nodes that would share a
 * column (scoring.md section 8, "Column names that meet"). The pooled pragmatics columns have a
 * prefix of their own, so that a task merely named `..._pragmatics` stays a task.
 */

import { BENCHMARKS, type Combine } from './english-benchmarks.ts';

export type NodeKind = 'leaf' | Combine | 'pragmatics' | 'pragmatics-logprobs' | 'total';
export type Report = 'lang' | 'competency' | 'task';

export interface NodeInfo {
  readonly kind: NodeKind;
  /** The report column, or null for internal nodes (groups, pragmatic raw tasks). */
  readonly column: string | null;
  /** How the node is named in missing-report details. */
  readonly label: string;
  readonly report: Report | null;
  /** Children every row expects whatever the data (the English benchmarks, `total`). */
  readonly fixedChildren: readonly string[] | null;
}

export const SEA_TOTAL = 'sea_total';
export const EN = 'en';
export const TOTAL = 'total';

export const langNode = (lang: string) => `L:${lang}`;
export const competencyNode = (lang: string, competency: string) =>
  `C:${lang.length}:${lang}_${competency}`;
export const groupNode = (lang: string, competency: string, group: string) =>
  `G:${lang.length}:${competency.length}:${lang}_${competency}_${group}`;
export const taskNode = (lang: string, task: string) => `T:${lang.length}:${lang}_${task}`;
export const pragmaticNode = (lang: string, task: string) => `P:${lang.length}:${lang}_${task}`;
export const pooledNode = (lang: string, kind: 'pragmatics' | 'pragmatics-logprobs') =>
  `Q:${lang.length}:${lang}_${kind}`;

/** The lengths a node id carries before its name: two for a group, none for a language. */
const LENGTH_FIELDS: Readonly<Record<string, number>> = {
  'C:': 1,
  'T:': 1,
  'P:': 1,
  'Q:': 1,
  'G:': 2,
};

/** A node's name (its column, or its label for internal nodes): the id without prefix and lengths. */
function nameOf(id: string): string {
  let at = 2;
  for (let i = 0; i < (LENGTH_FIELDS[id.slice(0, 2)] ?? 0); i++) at = id.indexOf(':', at) + 1;
  return id.slice(at);
}

export const benchmarkNode = (column: string) => `E:${column}`;
export const subtaskNode = (column: string) => `S:${column}`;

/** A SEA-HELM task column (a task, or a pooled pragmatics column): the row says where it counts. */
export function isSeaTaskNode(id: string): boolean {
  return id.startsWith('T:') || id.startsWith('Q:');
}

/**
 * Whether a node's column name comes from SEA-HELM data (a language, a competency, a task): such
 * names may meet; the others are fixed by scoring.md.
 */
export function hasDataNamedColumn(id: string): boolean {
  return /^[LCTQ]:/.test(id);
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  'L:': 'language',
  'C:': 'competency',
  'T:': 'task',
  'Q:': 'pooled pragmatics column',
  'E:': 'English benchmark',
  'S:': 'English subtask',
};

/** What a node is, in words: `task`, `competency`, ... */
export function nodeKindName(id: string): string {
  return KIND_NAMES[id.slice(0, 2)] ?? `'${id}' column`;
}

/** The harness a node's value comes from; null for `total`, which needs both. */
export function harnessOf(id: string): 'seahelm' | 'lm-eval' | null {
  if (id === TOTAL) return null;
  return id === EN || id.startsWith('E:') || id.startsWith('S:') ? 'lm-eval' : 'seahelm';
}

const BENCHMARK_BY_COLUMN = new Map(BENCHMARKS.map((b) => [b.column, b]));

const cache = new Map<string, NodeInfo>();

export function nodeInfo(id: string): NodeInfo {
  let info = cache.get(id);
  if (info === undefined) {
    info = describeNode(id);
    cache.set(id, info);
  }
  return info;
}

function describeNode(id: string): NodeInfo {
  const name = nameOf(id);
  const plain = (kind: NodeKind, report: Report | null, fixed: string[] | null = null) => ({
    kind,
    column: report === null ? null : name,
    label: name,
    report,
    fixedChildren: fixed,
  });
  if (id === SEA_TOTAL) return { ...plain('mean', 'lang'), column: id, label: id };
  if (id === EN) {
    const fixed = BENCHMARKS.map((b) => benchmarkNode(b.column));
    return { ...plain('mean', 'lang', fixed), column: id, label: id };
  }
  if (id === TOTAL) return { ...plain('total', 'lang', [SEA_TOTAL, EN]), column: id, label: id };
  switch (id.slice(0, 2)) {
    case 'L:':
      return plain('mean', 'lang');
    case 'C:':
      return plain('mean', 'competency');
    case 'G:':
      return plain('mean', null);
    case 'T:':
      return plain('leaf', 'task');
    case 'Q:': {
      const logprobs = name.endsWith('-logprobs');
      return plain(logprobs ? 'pragmatics-logprobs' : 'pragmatics', 'task', pooledTasks(name));
    }
    case 'P:':
      return plain('leaf', null);
    case 'E:': {
      const benchmark = BENCHMARK_BY_COLUMN.get(name);
      if (benchmark === undefined) throw new Error(`unknown benchmark node ${id}`);
      const fixed = benchmark.subtasks.map((s) => subtaskNode(s.column));
      return plain(benchmark.combine, 'competency', fixed);
    }
    case 'S:':
      return plain('leaf', 'task');
    default:
      throw new Error(`unknown node id ${id}`);
  }
}

/**
 * A pooled pragmatics column always expects both of its tasks, whatever the other rows hold:
 * computed from one, it is partial (1/2), as scoring.md section 3 says.
 */
function pooledTasks(name: string): string[] {
  const suffix = name.endsWith('-logprobs') ? '-logprobs' : '';
  const lang = name.slice(0, name.length - `_pragmatics${suffix}`.length);
  return [`pragmatic-pair${suffix}`, `pragmatic-single${suffix}`].map((task) =>
    pragmaticNode(lang, task),
  );
}
