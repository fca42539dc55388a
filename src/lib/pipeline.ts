/**
 * The whole job without writing anything: config -> discover -> parse -> score. The CLI and the
 * Astro integration both call this, then hand the result to the report writers. Models are
 * read and scored one by one, each in whichever thread is free (work/); their results are put
 * back in file order, so the output does not depend on the threads.
 */

import type { BaselineConfig, LeaderboardConfig, RunConfig } from './config/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { discover, type DiscoveredFile } from './discover/discover.ts';
import { baselineId, sourceLabel, sourcesOf, type Source } from './discover/sources.ts';
import type { ResultFormat } from './parse/detect.ts';
import { defaultSeaLanguages } from './score/languages.ts';
import type { FileOutcome, Model } from './score/models.ts';
import type { Superseded } from './score/merge-files.ts';
import type { RowFacts } from './score/row-facts.ts';
import { buildTable, type Table, type TableInput } from './score/table.ts';
import { collectResults, type FileFate } from './work/collect.ts';
import { modelJobs, type ModelResult } from './work/model-job.ts';
import { jobQueue } from './work/pool.ts';
import {
  columnClashes,
  hiddenCharacterWarnings,
  hyperparameterWarnings,
  languageCaseWarnings,
  sameNameWarnings,
  unusedTaskMetrics,
  unseenLanguages,
} from './run-warnings.ts';
import { startWorkers, stopWorkers, workerCount, type WorkerPool } from './work/workers.ts';

export type ProgressEvent =
  | { readonly stage: 'discovered'; readonly files: number }
  | { readonly stage: 'parsed'; readonly done: number; readonly total: number }
  | {
      readonly stage: 'scored';
      readonly run: string;
      /** The run's own models, as the summary counts them; its baselines' rows apart. */
      readonly models: number;
      readonly baselineModels: number;
    };

export interface PipelineOptions {
  /** Threads that read and score models; 1: this thread only. Default: the machine's cores. */
  readonly threads?: number;
  /**
   * Worker threads started earlier by the caller (`startWorkers`), instead of `threads - 1`
   * started and stopped here; the caller stops them (they may write the CSV reports first).
   */
  readonly workers?: WorkerPool;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface FileReport {
  /** Path relative to the config folder. */
  readonly file: string;
  /** `experiments.exp_a` or `experiments.baselines.gemma`. */
  readonly source: string;
  readonly format: ResultFormat | null;
  readonly model: string | null;
  readonly status: FileOutcome['status'];
  readonly reason: string | null;
}

export interface RunResult {
  readonly run: RunConfig;
  readonly table: Table;
  /** Baselines merged into this run, in YAML order. */
  readonly baselines: readonly BaselineConfig[];
}

export interface BaselineResult {
  readonly baseline: BaselineConfig;
  readonly id: string;
  /** The baseline's rows on their own (coverage within the baseline only). */
  readonly table: Table;
}

export interface PipelineResult {
  readonly config: LeaderboardConfig;
  readonly seaLanguages: readonly string[];
  readonly runs: readonly RunResult[];
  readonly baselines: readonly BaselineResult[];
  readonly files: readonly FileReport[];
  readonly superseded: readonly Superseded[];
  readonly diagnostics: readonly Diagnostic[];
  /** Tasks of languages that are not scored (SEA-HELM's `en`, Chinese): language -> count. */
  readonly ignoredTasks: ReadonlyMap<string, number>;
}

export async function runPipeline(
  config: LeaderboardConfig,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const sources = sourcesOf(config);
  const { discovery, results } = await readModels(config, sources, options);
  const collected = collectResults(results, discovery.files, sources.length);
  const seaLanguages = config.seaLanguages ?? defaultSeaLanguages(collected.languages);
  const facts = collected.rowsBySource;
  const runs = scoreRuns(sources, facts, seaLanguages, options);
  const baselines = scoreBaselines(sources, facts, seaLanguages);
  const runTables = runs.map(({ run, table }) => ({
    label: sourceLabel({ kind: 'run', config: run }),
    table,
  }));
  const baselineTables = baselines.map(({ baseline, table }) => ({
    label: sourceLabel({ kind: 'baseline', config: baseline }),
    table,
  }));
  return {
    config,
    seaLanguages,
    runs,
    baselines,
    files: fileReports(discovery.files, collected.fates, sources),
    superseded: collected.superseded,
    diagnostics: [
      ...discovery.diagnostics,
      ...collected.diagnostics,
      ...unseenLanguages(config, collected.languages),
      ...languageCaseWarnings(collected.languages, seaLanguages, collected.unusualCodes),
      ...columnClashes([...runTables, ...baselineTables]),
      ...hiddenCharacterWarnings(runTables, baselineTables),
      ...sameNameWarnings(runTables),
      ...unusedTaskMetrics(config, [...runTables, ...baselineTables]),
      ...hyperparameterWarnings(config, runTables),
    ],
    ignoredTasks: collected.ignoredTasks,
  };
}

/**
 * Discovers the files and reads and scores every model (the work the threads share). Models
 * whose files are all found are read while discovery goes on (in the workers; this thread
 * walks), the rest once it is done.
 */
async function readModels(
  config: LeaderboardConfig,
  sources: readonly Source[],
  options: PipelineOptions,
) {
  const settings = { extraMetrics: config.seahelmTaskMetrics, seaLanguages: config.seaLanguages };
  // Workers load their code while this thread starts finding the files.
  const pool = options.workers ?? startWorkers(workerCount(options.threads));
  try {
    const results: ModelResult[] = [];
    let total: number | null = null;
    let done = 0;
    const queue = jobQueue(settings, pool, (result) => {
      results.push(result);
      done += result.files.length;
      if (total !== null) options.onProgress?.({ stage: 'parsed', done, total });
    });
    // Every file queued, in queue order: jobs number their files by this position.
    const queued: DiscoveredFile[] = [];
    let jobs = 0;
    const enqueue = (files: readonly DiscoveredFile[]) => {
      const batch = modelJobs(files, queued.length, jobs);
      queue.add(batch);
      for (const file of files) queued.push(file);
      jobs += batch.length;
    };
    const discovery = await discover(config, sources, { onModels: enqueue });
    total = discovery.files.length;
    options.onProgress?.({ stage: 'discovered', files: total });
    // Files read while discovery went on are counted now.
    if (done > 0) options.onProgress?.({ stage: 'parsed', done, total });
    const early = new Set(queued);
    enqueue(discovery.files.filter((file) => !early.has(file)));
    await queue.finish();
    return { discovery, results: inDiscoveryOrder(results, queued, discovery.files) };
  } finally {
    if (options.workers === undefined) stopWorkers(pool);
  }
}

/**
 * The results with their files numbered by position in the discovered list (as collecting
 * them expects) instead of the order they were queued in.
 */
function inDiscoveryOrder(
  results: readonly ModelResult[],
  queued: readonly DiscoveredFile[],
  discovered: readonly DiscoveredFile[],
): ModelResult[] {
  const position = new Map(discovered.map((file, index) => [file, index]));
  const renumber = (queuedIndex: number): number => {
    const file = queued[queuedIndex];
    const index = file === undefined ? undefined : position.get(file);
    if (index === undefined) throw new Error(`a job read a file that was not discovered`);
    return index;
  };
  return results.map((result) => ({
    ...result,
    files: result.files.map((file) => ({ ...file, index: renumber(file.index) })),
  }));
}

function scoreRuns(
  sources: readonly Source[],
  facts: readonly RowFacts[][],
  seaLanguages: readonly string[],
  options: PipelineOptions,
): RunResult[] {
  const runs: RunResult[] = [];
  sources.forEach((source, index) => {
    if (source.kind !== 'run') return;
    const run = source.config;
    const inputs: TableInput[] = (facts[index] ?? []).map((f) => ({ facts: f, baseline: null }));
    const baselines: BaselineConfig[] = [];
    sources.forEach((other, otherIndex) => {
      if (other.kind !== 'baseline' || other.config.section !== run.section) return;
      if (!other.config.targets.includes(run.index)) return;
      baselines.push(other.config);
      const id = baselineId(other.config);
      for (const f of facts[otherIndex] ?? []) inputs.push({ facts: f, baseline: id });
    });
    const table = buildTable(inputs, seaLanguages);
    const baselineModels = table.rows.filter((row) => row.baseline !== null).length;
    options.onProgress?.({
      stage: 'scored',
      run: run.key,
      models: table.rows.length - baselineModels,
      baselineModels,
    });
    runs.push({ run, table, baselines });
  });
  return runs;
}

function scoreBaselines(
  sources: readonly Source[],
  facts: readonly RowFacts[][],
  seaLanguages: readonly string[],
): BaselineResult[] {
  const results: BaselineResult[] = [];
  sources.forEach((source, index) => {
    if (source.kind !== 'baseline') return;
    const id = baselineId(source.config);
    const inputs = (facts[index] ?? []).map((f) => ({ facts: f, baseline: id }));
    results.push({ baseline: source.config, id, table: buildTable(inputs, seaLanguages) });
  });
  return results;
}

function fileReports(
  files: readonly DiscoveredFile[],
  fates: readonly FileFate[],
  sources: readonly Source[],
): FileReport[] {
  return files.map((f, index) => {
    const source = sources[f.source];
    const fate = fates[index];
    return {
      file: f.display,
      source: source === undefined ? '' : sourceLabel(source),
      format: fate?.format ?? null,
      model: fate?.model ?? null,
      status: fate?.status ?? 'skipped',
      reason: fate?.reason ?? null,
    };
  });
}

export type { Model };
