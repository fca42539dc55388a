/**
 * The whole job without writing anything: config -> discover -> parse -> score. The CLI and the
 * Astro integration both call this, then hand the result to the report writers.
 */

import os from 'node:os';
import type { BaselineConfig, LeaderboardConfig, RunConfig } from './config/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { discover, type DiscoveredFile } from './discover/discover.ts';
import { baselineId, sourceLabel, sourcesOf, type Source } from './discover/sources.ts';
import { parseAll } from './parse/parse-all.ts';
import type { ResultFormat } from './parse/detect.ts';
import { defaultSeaLanguages } from './score/languages.ts';
import { assembleModels, type FileOutcome, type Model, type ParsedRecord } from './score/models.ts';
import type { Superseded } from './score/merge-files.ts';
import { rowFacts, type RowFacts } from './score/row-facts.ts';
import { buildTable, type Table, type TableInput } from './score/table.ts';
import { checkUpstreamTotals } from './score/upstream-check.ts';

export type ProgressEvent =
  | { readonly stage: 'discovered'; readonly files: number }
  | { readonly stage: 'parsed'; readonly done: number; readonly total: number }
  | { readonly stage: 'scored'; readonly run: string; readonly models: number };

export interface PipelineOptions {
  /** Parser threads; 1 parses in this thread. Default: the machine's cores. */
  readonly threads?: number;
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
  const discovery = await discover(config, sources);
  options.onProgress?.({ stage: 'discovered', files: discovery.files.length });
  const parsed = await parseDiscovered(discovery.files, config, options);
  const seaLanguages = config.seaLanguages ?? defaultSeaLanguages(languagesFound(parsed.records));
  const seaSet = new Set(seaLanguages);
  const diagnostics = [...discovery.diagnostics, ...parsed.diagnostics];
  for (const record of parsed.records) {
    if (record.content.format === 'seahelm') {
      diagnostics.push(
        ...checkUpstreamTotals(
          record.content,
          record.discovered.display,
          seaSet,
          config.seahelmTaskMetrics,
        ),
      );
    }
  }
  const assembly = assembleModels(parsed.records, sources.length, seaSet);
  const facts = assembly.modelsBySource.map((models) =>
    models.map((model) => rowFacts(model, config.seahelmTaskMetrics)),
  );
  const runs = scoreRuns(sources, facts, seaLanguages, options);
  const baselines = scoreBaselines(sources, facts, seaLanguages);
  const files = fileReports(
    discovery.files,
    parsed.records,
    parsed.skipped,
    assembly.outcomes,
    sources,
  );
  return {
    config,
    seaLanguages,
    runs,
    baselines,
    files,
    superseded: assembly.superseded,
    diagnostics,
    ignoredTasks: assembly.ignoredTasks,
  };
}

interface ParsedFiles {
  readonly records: ParsedRecord[];
  readonly skipped: Map<number, string>;
  readonly diagnostics: Diagnostic[];
}

async function parseDiscovered(
  files: readonly DiscoveredFile[],
  config: LeaderboardConfig,
  options: PipelineOptions,
): Promise<ParsedFiles> {
  const result: ParsedFiles = { records: [], skipped: new Map(), diagnostics: [] };
  const requests = files.map((f) => ({
    absolute: f.absolute,
    file: f.display,
    candidates: f.candidates,
    extraMetrics: config.seahelmTaskMetrics,
  }));
  const total = requests.length;
  await parseAll(requests, {
    threads: options.threads ?? os.availableParallelism(),
    onParsed: (done) => options.onProgress?.({ stage: 'parsed', done, total }),
    onResult: (index, parsed) => {
      const discovered = files[index];
      if (discovered === undefined) return;
      result.diagnostics.push(...parsed.diagnostics);
      if (parsed.ok) {
        result.records.push({ discovered, time: parsed.time, content: parsed.content });
      } else {
        result.skipped.set(index, parsed.diagnostics[0]?.message ?? 'skipped');
      }
    },
  });
  return result;
}

function languagesFound(records: readonly ParsedRecord[]): Set<string> {
  const found = new Set<string>();
  for (const { content } of records) {
    if (content.format === 'seahelm') for (const entry of content.entries) found.add(entry.lang);
  }
  return found;
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
      inputs.push(...(facts[otherIndex] ?? []).map((f) => ({ facts: f, baseline: id })));
    });
    const table = buildTable(inputs, seaLanguages);
    options.onProgress?.({ stage: 'scored', run: run.key, models: table.rows.length });
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
  records: readonly ParsedRecord[],
  skipped: ReadonlyMap<number, string>,
  outcomes: ReadonlyMap<string, FileOutcome>,
  sources: readonly Source[],
): FileReport[] {
  const formats = new Map(records.map((r) => [r.discovered.display, r.content.format]));
  return files.map((f, index) => {
    const source = sources[f.source];
    const label = source === undefined ? '' : sourceLabel(source);
    const skipReason = skipped.get(index);
    if (skipReason !== undefined) {
      return {
        file: f.display,
        source: label,
        format: null,
        model: null,
        status: 'skipped',
        reason: skipReason,
      };
    }
    const outcome = outcomes.get(f.display);
    return {
      file: f.display,
      source: label,
      format: formats.get(f.display) ?? null,
      model: outcome?.model ?? null,
      status: outcome?.status ?? 'skipped',
      reason: outcome?.reason ?? null,
    };
  });
}

export type { Model };
