/**
 * The unit of work: one model (checkpoint) and its files. A model's files are known from their
 * paths (one source, stem and step make one model, scoring.md section 5), so each model is read,
 * merged and scored on its own, in whichever thread is free, and only its facts are kept.
 */

import type { Diagnostic } from '../diagnostics.ts';
import type { DiscoveredFile } from '../discover/discover.ts';
import type { ResultFormat } from '../parse/detect.ts';
import { readAndParse } from '../parse/read-file.ts';
import { seaMembership } from '../score/languages.ts';
import type { ParsedRecord } from '../score/models.ts';
import { scoreModel, type ScoreContext, type ScoredModel } from '../score/score-model.ts';

export interface ModelJob {
  /** Unique among the jobs of a run. */
  readonly id: number;
  /** The model's files with their positions in the list the jobs were cut from, in order. */
  readonly files: readonly { readonly index: number; readonly file: DiscoveredFile }[];
}

/** What a job needs from the config, as plain data (it is sent to worker threads). */
export interface JobSettings {
  readonly extraMetrics: Readonly<Record<string, string>>;
  /** The configured SEA languages; null: the default rule. */
  readonly seaLanguages: readonly string[] | null;
}

export interface FileResult {
  /** Position in the list the jobs were cut from (the discovered list, once collected). */
  readonly index: number;
  /** The format read; null when the file is skipped (the first diagnostic says why). */
  readonly format: ResultFormat | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Warnings about the file found once the model's files are read together (score-model.ts). */
  readonly checks: readonly Diagnostic[];
}

export interface ModelResult {
  readonly id: number;
  readonly files: readonly FileResult[];
  /** Null when none of the model's files could be read. */
  readonly model: ScoredModel | null;
}

/**
 * One job per model, in order of each model's first file; `firstIndex` numbers the files (their
 * `index`) and `firstId` the jobs, so that several lists can be cut into jobs one after another.
 */
export function modelJobs(
  files: readonly DiscoveredFile[],
  firstIndex = 0,
  firstId = 0,
): ModelJob[] {
  const byModel = new Map<string, { index: number; file: DiscoveredFile }[]>();
  files.forEach((file, i) => {
    const key = `${file.source}\u0000${file.stem}\u0000${file.step}`;
    const entry = { index: firstIndex + i, file };
    const list = byModel.get(key);
    if (list) list.push(entry);
    else byModel.set(key, [entry]);
  });
  return [...byModel.values()].map((list, i) => ({ id: firstId + i, files: list }));
}

export function scoreContext(settings: JobSettings): ScoreContext {
  return {
    extraMetrics: settings.extraMetrics,
    seaLanguages: seaMembership(settings.seaLanguages),
    shapes: new Map(),
  };
}

/** Reads the model's files and scores the model; the parsed content is dropped on return. */
export function runModelJob(job: ModelJob, context: ScoreContext): ModelResult {
  const read = job.files.map(({ index, file }) => {
    const request = {
      absolute: file.absolute,
      file: file.display,
      candidates: file.candidates,
      extraMetrics: context.extraMetrics,
      seaLanguages: context.seaLanguages,
    };
    return { index, file, parsed: readAndParse(request) };
  });
  const records: ParsedRecord[] = read.flatMap(({ file, parsed }) =>
    parsed.ok ? [{ discovered: file, time: parsed.time, content: parsed.content }] : [],
  );
  const skipped = read.flatMap(({ file, parsed }) =>
    parsed.ok ? [] : [{ file: file.display, candidates: file.candidates }],
  );
  const scored = records.length === 0 ? null : scoreModel(records, context, skipped);
  // The checks follow the records, that is the files read.
  const checks = scored?.checks ?? [];
  let record = 0;
  const files = read.map(({ index, parsed }) => ({
    index,
    format: parsed.ok ? parsed.content.format : null,
    diagnostics: parsed.diagnostics,
    checks: parsed.ok ? (checks[record++] ?? []) : [],
  }));
  return { id: job.id, files, model: scored?.model ?? null };
}
