/**
 * Warnings about the scored runs as a whole, found once every model is read: configured SEA
 * languages no file has, report columns two nodes would share, hyperparameter patterns that
 * read no number from the configuration names they match, names with hidden characters, and
 * rows of one table that share a name, and task metrics set for no task read.
 */

import path from 'node:path';
import {
  capturedNumber,
  configurationName,
  hyperparameterMisses,
} from './config/hyperparameters.ts';
import type { LeaderboardConfig } from './config/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { hasHiddenCharacters, printable } from './printable.ts';
import { listed } from './words.ts';
import { compareCodePoints } from './compare.ts';
import { closestKey } from './config/suggest.ts';
import { nodeKindName } from './score/nodes.ts';
import { PRAGMATIC_LOGPROB_TASKS, PRAGMATIC_TASKS } from './score/seahelm-tasks.ts';
import type { Table, TableRow } from './score/table.ts';

const POOLED_TASKS = new Set([...PRAGMATIC_TASKS, ...PRAGMATIC_LOGPROB_TASKS]);

/** A scored table and what it is, `experiments.exp_a` or `experiments.baselines.gemma`. */
export interface LabelledTable {
  readonly label: string;
  readonly table: Table;
}

/** Language codes are compared as written: `ID` is not `id`. */
function sameButCase(lang: string, seen: ReadonlySet<string>): string {
  const other = [...seen].find((code) => code.toLowerCase() === lang.toLowerCase());
  return other === undefined ? '' : ` (did you mean '${printable(other)}'?)`;
}

/** Configured SEA languages that no SEA-HELM file has (a typo, say): they get no column. */
export function unseenLanguages(
  config: LeaderboardConfig,
  seen: ReadonlySet<string>,
): Diagnostic[] {
  const file = path.basename(config.configFile);
  return (config.seaLanguages ?? [])
    .filter((lang) => !seen.has(lang))
    .map((lang) => ({
      kind: 'unseen-language',
      file,
      keyPath: 'sea_languages',
      message: `'${printable(lang)}' is in no SEA-HELM file read; it has no column${sameButCase(lang, seen)}`,
    }));
}

/**
 * Language codes of the SEA-HELM files that differ only in case (`ID` beside `id`): SEA-HELM
 * writes them in lower case, so one of them was most likely edited by hand. They stay two
 * languages, as the files say; said once for each such set with a scored code in it, at the
 * first file that spells a code otherwise (`unusual`: such codes -> their files, in file order).
 */
export function languageCaseWarnings(
  seen: ReadonlySet<string>,
  scored: readonly string[],
  unusual: ReadonlyMap<string, ReadonlySet<string>>,
): Diagnostic[] {
  const byFolded = new Map<string, string[]>();
  for (const code of [...seen].sort(compareCodePoints)) {
    const folded = code.toLowerCase();
    byFolded.set(folded, [...(byFolded.get(folded) ?? []), code]);
  }
  const isScored = new Set(scored);
  return [...byFolded.values()]
    .filter((codes) => codes.length > 1 && codes.some((code) => isScored.has(code)))
    .map((codes) => {
      const quoted = (list: readonly string[]) => listed(list.map((c) => `'${printable(c)}'`));
      const kept = codes.filter((code) => isScored.has(code));
      const ignored = codes.filter((code) => !isScored.has(code));
      const outcome =
        ignored.length === 0
          ? 'each is scored as a language of its own, with its own columns'
          : `only ${quoted(kept)} ${kept.length === 1 ? 'is' : 'are'} scored; the tasks under ${quoted(ignored)} are ignored`;
      const spelled = codes.flatMap((code) => {
        const files = [...(unusual.get(code) ?? [])];
        const [file] = files;
        return file === undefined ? [] : [{ code, file, files }];
      });
      const message = `the language codes ${quoted(codes)} differ only in case; ${outcome} (SEA-HELM writes codes in lower case: fix the files that spell one otherwise${spelled.map((code, i) => `; ${whereSpelled(code, i)}`).join('')})`;
      const first = spelled[0];
      return first === undefined
        ? { kind: 'language-case' as const, message }
        : { kind: 'language-case' as const, file: first.file, keyPath: first.code, message };
    });
}

/** `'ID' is in this file and 2 others`: the first such code is in the warning's own file. */
function whereSpelled(
  {
    code,
    file,
    files,
  }: { readonly code: string; readonly file: string; readonly files: readonly string[] },
  index: number,
): string {
  const place = index === 0 ? 'this file' : printable(file);
  const others = files.length - 1;
  const more = others === 0 ? '' : ` and ${others} other${others === 1 ? '' : 's'}`;
  return `'${printable(code)}' is in ${place}${more}`;
}

/**
 * Two nodes that would have shared a report column: one of them has none. A clash met in several
 * tables (a baseline's own, and each run it is merged into) is one warning naming them all.
 */
export function columnClashes(tables: readonly LabelledTable[]): Diagnostic[] {
  const clashes = new Map<string, { text: string; where: string[] }>();
  for (const { label, table } of tables) {
    for (const { column, kept, dropped } of table.clashes) {
      const key = JSON.stringify([column, kept, dropped]);
      const text = `the ${nodeKindName(dropped)} and the ${nodeKindName(kept)} would share the column '${column}'; the ${nodeKindName(kept)} keeps it, the ${nodeKindName(dropped)} has no column of its own (its value still counts in the scores above it)`;
      const known = clashes.get(key) ?? { text, where: [] };
      known.where.push(label);
      clashes.set(key, known);
    }
  }
  return [...clashes.values()].map(({ text, where }) => ({
    kind: 'column-clash',
    message: `${listed(where)}: ${text}`,
  }));
}

/** What a capture group held that is no value: nothing, text, or a number past the largest. */
function heldText(captured: string | undefined): string {
  if (captured === undefined) return 'nothing';
  const why = Number.isNaN(capturedNumber(captured)) ? 'not a number' : 'a number too large to use';
  return `'${printable(captured)}', ${why}`;
}

/**
 * Hyperparameter patterns that match configuration names of the runs' own rows (baselines have
 * none) but capture no number from some: those configurations have no value in the charts.
 */
export function hyperparameterWarnings(
  config: LeaderboardConfig,
  runs: readonly LabelledTable[],
): Diagnostic[] {
  const names = new Set<string>();
  for (const { table } of runs) {
    for (const row of table.rows)
      if (row.baseline === null) names.add(configurationName(row.model));
  }
  const file = path.basename(config.configFile);
  return hyperparameterMisses([...names], config.hyperparameters).map((miss) => {
    const { name, pattern } = config.hyperparameters[miss.index] ?? { name: '', pattern: '' };
    const shown = printable(name);
    const count =
      miss.missed === miss.matched
        ? miss.matched === 1
          ? `the 1 name it matches has no ${shown} value in the charts`
          : `none of the ${miss.matched} names it matches has a ${shown} value in the charts`
        : `${miss.missed} of the ${miss.matched} names it matches ${miss.missed === 1 ? 'has' : 'have'} no ${shown} value in the charts`;
    return {
      kind: 'no-hyperparameter-number',
      file,
      keyPath: `hyperparameters[${miss.index}].pattern`,
      message: `hyperparameter pattern '${printable(pattern)}' matches configuration names such as '${printable(miss.example)}', but its first capture group holds ${heldText(miss.captured)}: ${count}`,
    };
  });
}

/**
 * Model names (from folder names on disk) holding control or direction characters: a run's own
 * rows, and each baseline's. The pages show names as written, and a right-to-left override
 * reorders what follows it, the step included; messages show such characters escaped.
 */
export function hiddenCharacterWarnings(
  runs: readonly LabelledTable[],
  baselines: readonly LabelledTable[],
): Diagnostic[] {
  const own = [
    ...runs.map(({ label, table }) => ({
      label,
      names: table.rows.filter((row) => row.baseline === null).map((row) => row.model),
    })),
    ...baselines.map(({ label, table }) => ({ label, names: table.rows.map((row) => row.model) })),
  ];
  return own.flatMap(({ label, names }) => {
    const hidden = names.filter(hasHiddenCharacters);
    if (hidden.length === 0) return [];
    const count = hidden.length === 1 ? '1 model name holds' : `${hidden.length} model names hold`;
    return [
      {
        kind: 'hidden-characters' as const,
        message: `${printable(label)}: ${count} control or text-direction characters, such as '${printable(hidden[0] ?? '')}'; the pages show names as written, where such characters can reorder or hide what is shown (the CSV reports keep them as they are)`,
      },
    ];
  });
}

/**
 * Rows of one run's table that share a model name: a configuration folder named like a baseline
 * row (`BASELINE_experiments_gemma_00000`), or two configuration folders whose names differ in
 * Unicode form only (`café` with `é`, and with `e` and a combining accent, as macOS writes
 * names), which look alike and are one folder on macOS. Each keeps its own row, but the reports
 * and pages name them alike, so nothing tells them apart.
 */
export function sameNameWarnings(runs: readonly LabelledTable[]): Diagnostic[] {
  return runs.flatMap(({ label, table }) => {
    const byName = new Map<string, Pick<TableRow, 'model' | 'baseline'>[]>();
    for (const row of table.rows) {
      const seen = row.model.normalize('NFC');
      const rows = byName.get(seen);
      if (rows === undefined) byName.set(seen, [row]);
      else rows.push(row);
    }
    return [...byName.values()]
      .filter((rows) => rows.length > 1)
      .map((rows) => {
        const name = rows[0]?.model ?? '';
        const count = new Set(rows.map((row) => row.model)).size;
        const forms = count > 1 ? `, written in ${count} Unicode forms, one name to macOS` : '';
        return {
          kind: 'same-model-name' as const,
          message: `${printable(label)}: ${rows.length} rows are named '${printable(name)}' (${rowsText(rows)})${forms}; the reports and pages cannot tell them apart: rename the configuration folder`,
        };
      });
  });
}

/** `a model of the run and the baseline B`; `2 models of the run`. */
function rowsText(rows: readonly Pick<TableRow, 'baseline'>[]): string {
  const own = rows.filter((row) => row.baseline === null).length;
  const models = own === 0 ? [] : [own === 1 ? 'a model of the run' : `${own} models of the run`];
  const baselines = rows.flatMap((row) => (row.baseline === null ? [] : [row.baseline]));
  return listed([...models, ...baselines.map((baseline) => `the baseline ${baseline}`)]);
}

/**
 * `seahelm_task_metrics` entries for a task no table has (a typo, say): they set nothing. The
 * pragmatic tasks are read from their counts, never a metric, and have no column of their own.
 */
export function unusedTaskMetrics(
  config: LeaderboardConfig,
  tables: readonly LabelledTable[],
): Diagnostic[] {
  const seen = new Set<string>();
  for (const { table } of tables) {
    for (const column of table.columns.task) {
      const origin = table.columns.origin.get(column);
      if (origin !== undefined) seen.add(column.slice(origin.lang.length + 1));
    }
  }
  const file = path.basename(config.configFile);
  const known = [...seen];
  return Object.keys(config.seahelmTaskMetrics)
    .filter((task) => !seen.has(task) && !POOLED_TASKS.has(task))
    .map((task) => {
      const near = closestKey(task, known);
      const hint = near === undefined ? '' : ` (did you mean '${printable(near)}'?)`;
      return {
        kind: 'unused-task-metric' as const,
        file,
        keyPath: `seahelm_task_metrics.${task}`,
        message: `'${printable(task)}' is no task of the SEA-HELM files read; its metric is not used${hint}`,
      };
    });
}
