/**
 * Puts the model jobs' results back together, in the order a single pass over the files in
 * discovery order would give: rows named and sorted per source, diagnostics in file order, and
 * each file's fate. Whatever the threads' timing, the same files give the same output.
 */

import type { Diagnostic } from '../diagnostics.ts';
import type { DiscoveredFile } from '../discover/discover.ts';
import { paddingWidth } from '../discover/steps.ts';
import type { ResultFormat } from '../parse/detect.ts';
import type { Superseded } from '../score/merge-files.ts';
import { byStemThenStep, modelName, type FileOutcome } from '../score/models.ts';
import type { RowFacts } from '../score/row-facts.ts';
import { nameRow } from '../score/score-model.ts';
import type { FileResult, ModelResult } from './model-job.ts';

export interface Collected {
  /** Per source, its rows in row order (config name, then step). */
  readonly rowsBySource: RowFacts[][];
  readonly superseded: Superseded[];
  /** Tasks of languages that are not scored: language -> count. */
  readonly ignoredTasks: Map<string, number>;
  /** Every language of the SEA-HELM entries read. */
  readonly languages: Set<string>;
  /** Codes among them not in lower case -> the files that have them, in file order. */
  readonly unusualCodes: Map<string, Set<string>>;
  /** Parse diagnostics, then the checks of files read together, each in file order. */
  readonly diagnostics: Diagnostic[];
  /** Per discovered file. */
  readonly fates: FileFate[];
}

export interface FileFate {
  readonly format: ResultFormat | null;
  readonly status: FileOutcome['status'];
  readonly model: string | null;
  readonly reason: string | null;
}

type Scored = ModelResult & { readonly model: NonNullable<ModelResult['model']> };

export function collectResults(
  results: readonly ModelResult[],
  files: readonly DiscoveredFile[],
  sourceCount: number,
): Collected {
  const byFile = fileResults(results, files.length);
  const widths = stepWidths(files, results, sourceCount);
  const collected: Collected = {
    rowsBySource: Array.from({ length: sourceCount }, () => []),
    superseded: [],
    ignoredTasks: new Map(),
    languages: new Set(),
    unusualCodes: new Map(),
    diagnostics: [],
    fates: [],
  };
  const outcomes = new Map<string, FileOutcome>();
  // A file read for two sources (a baseline's path inside a run's) says the same twice.
  const once = onceForSharedFiles(files);
  for (const { model } of inFirstFileOrder(results)) {
    const { source, stem, step } = model.facts.model;
    // A model whose files hold no scored task at all (they are skipped) gets no row.
    const name = hasRow(model) ? modelName(stem, step, widths[source]) : null;
    if (name !== null) collected.rowsBySource[source]?.push(nameRow(model.facts, name));
    for (const entry of model.superseded) {
      if (once(entry.file, ['superseded', entry.file, entry.key, entry.by, entry.reason])) {
        collected.superseded.push(entry);
      }
    }
    for (const [file, outcome] of model.outcomes) {
      outcomes.set(outcomeKey(source, file), name === null ? outcome : { ...outcome, model: name });
    }
    for (const [file, counts] of model.ignored) {
      if (!once(file, ['ignored', file])) continue;
      for (const [lang, count] of counts) {
        collected.ignoredTasks.set(lang, (collected.ignoredTasks.get(lang) ?? 0) + count);
      }
    }
    for (const lang of model.languages) collected.languages.add(lang);
    for (const { code, files } of model.unusualCodes) {
      // A set: a file read for two sources is one file.
      const known = collected.unusualCodes.get(code) ?? new Set();
      for (const file of files) known.add(file);
      collected.unusualCodes.set(code, known);
    }
  }
  for (const rows of collected.rowsBySource) rows.sort((a, b) => byStemThenStep(a.model, b.model));
  const diagnosticOnce = (d: Diagnostic) =>
    d.file === undefined || once(d.file, [d.kind, d.file, d.keyPath ?? null, d.message]);
  // Item by item: spreading a list of 100,000+ files into push overflows the stack.
  for (const result of byFile) {
    for (const d of result.diagnostics) if (diagnosticOnce(d)) collected.diagnostics.push(d);
  }
  for (const result of byFile) {
    for (const d of result.checks) if (diagnosticOnce(d)) collected.diagnostics.push(d);
  }
  for (const fate of fates(files, byFile, outcomes)) collected.fates.push(fate);
  return collected;
}

/**
 * `once(file, fields)`: false when the same fields were given before for a file discovered for
 * more than one source; true otherwise. Only such files are remembered: most files are read once.
 */
function onceForSharedFiles(
  files: readonly DiscoveredFile[],
): (file: string, fields: readonly unknown[]) => boolean {
  const seenPaths = new Set<string>();
  const shared = new Set<string>();
  for (const { display } of files) {
    if (seenPaths.has(display)) shared.add(display);
    else seenPaths.add(display);
  }
  const given = new Set<string>();
  return (file, fields) => {
    if (!shared.has(file)) return true;
    const key = JSON.stringify(fields);
    if (given.has(key)) return false;
    given.add(key);
    return true;
  };
}

function fileResults(results: readonly ModelResult[], count: number): FileResult[] {
  const byFile = new Array<FileResult>(count);
  for (const result of results) for (const file of result.files) byFile[file.index] = file;
  return byFile;
}

/** Models in the order of their first readable file, as merging file by file meets them. */
function inFirstFileOrder(results: readonly ModelResult[]): Scored[] {
  const scored = results.filter((r): r is Scored => r.model !== null);
  const first = new Map(scored.map((r) => [r, r.files.find((f) => f.format !== null)?.index ?? 0]));
  return scored.sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0));
}

/** Whether the model has anything to show: a task scored, failed or missing. */
function hasRow(model: Scored['model']): boolean {
  return model.facts.shape.leafIds.length > 0;
}

/** Digits of each source's largest step among its rows (scoring.md section 5). */
function stepWidths(
  files: readonly DiscoveredFile[],
  results: readonly ModelResult[],
  sourceCount: number,
): number[] {
  const steps: number[][] = Array.from({ length: sourceCount }, () => []);
  for (const result of results) {
    if (result.model === null || !hasRow(result.model)) continue;
    for (const { index, format } of result.files) {
      const file = files[index];
      if (format !== null && file !== undefined) steps[file.source]?.push(file.step);
    }
  }
  return steps.map((list) => paddingWidth(list));
}

/**
 * A file read for two sources (a baseline's path inside a run's, say) has a fate in each: the
 * model it belongs to there, and whether that model used it.
 */
function fates(
  files: readonly DiscoveredFile[],
  byFile: readonly FileResult[],
  outcomes: ReadonlyMap<string, FileOutcome>,
): FileFate[] {
  return files.map((file, index) => {
    const result = byFile[index];
    if (result === undefined || result.format === null) {
      const reason = result?.diagnostics[0]?.message ?? 'skipped';
      return { format: null, status: 'skipped', model: null, reason };
    }
    const outcome = outcomes.get(outcomeKey(file.source, file.display));
    return {
      format: result.format,
      model: outcome?.model ?? null,
      status: outcome?.status ?? 'skipped',
      reason: outcome?.reason ?? null,
    };
  });
}

/** A file's outcome within one source (the same file may be read for two). */
function outcomeKey(source: number, display: string): string {
  return `${source}\u0000${display}`;
}
