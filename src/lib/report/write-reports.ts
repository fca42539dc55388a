/**
 * The I/O edge of reporting: writes the CSVs and results.json under `base_dir`. It creates
 * folders and overwrites its own files; it deletes nothing but its own temporary files.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { PipelineResult } from '../pipeline.ts';
import { writeCsvElsewhere } from '../work/csv-files.ts';
import type { WorkerPool } from '../work/workers.ts';
import type { ReportTable } from './csv-reports.ts';
import { resultsDocument, resultsJsonChunks } from './results-json.ts';
import { reportNames, reportPath, writeCsvSets, type CsvSet } from './write-csv.ts';
import {
  ReportsRefused,
  checkReportFolder,
  makeFolders,
  reportFolder,
  writeTextPieces,
} from './write-text.ts';
import { MERGED_FOLDER, RESULTS_FILE } from '../config/defaults.ts';

export interface WriteOptions {
  /** Write results.json too (default true). */
  readonly json?: boolean;
  /** Override `output.save_individual` / `output.save_merged` (the site always has both). */
  readonly individual?: boolean;
  readonly merged?: boolean;
  /** The folder of a run's reports: its key by default (the site names it by the run's slug). */
  readonly folderOf?: (runKey: string) => string;
  /** Worker threads, one of which may write the CSV reports meanwhile (the caller stops them). */
  readonly workers?: WorkerPool;
}

/** Writes every report; returns the files written, relative to `outDir`. */
export async function writeReports(
  result: PipelineResult,
  outDir: string,
  options: WriteOptions = {},
): Promise<string[]> {
  const sets = csvSets(result, options);
  const json = options.json ?? true;
  if (json) refuseToOverwriteInput(result, outDir);
  // Every folder is found right before any is made, and made before any report is written.
  try {
    for (const { folder } of sets) checkReportFolder(outDir, folder);
    makeFolders(outDir);
    for (const { folder } of sets) reportFolder(outDir, folder);
  } catch (error) {
    if (error instanceof ReportsRefused) throw error;
    // No report is written yet: say so, rather than that some may be out of date.
    throw new ReportsRefused(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const elsewhere = writeCsvElsewhere(outDir, sets, options.workers);
  if (elsewhere === null) writeCsvSets(outDir, sets);
  let jsonError: unknown = null;
  try {
    if (json) writeResultsJson(result, outDir);
  } catch (error) {
    jsonError = error;
  }
  // The CSV reports come first, as when they were written before results.json.
  const csvError = elsewhere === null ? null : await elsewhere.settled;
  if (csvError !== null) throw csvError;
  if (jsonError !== null) throw jsonError;
  const files = sets.flatMap(({ folder }) => reportNames().map((n) => reportPath(folder, n)));
  return json ? [...files, RESULTS_FILE] : files;
}

/**
 * A results.json that the run read as a result file (one the tool did not write: its own is
 * never read) stays as it is: the reports go elsewhere.
 */
function refuseToOverwriteInput(result: PipelineResult, outDir: string): void {
  const target = entryOf(outDir, RESULTS_FILE);
  if (target === null) return; // no folder yet: nothing there to keep
  const configDir = path.dirname(result.config.configFile);
  // The same folder entry, whatever links led to the folder (the rename replaces the entry).
  const read = result.files.some(({ file }) => {
    const absolute = path.resolve(configDir, file);
    return (
      path.basename(absolute) === RESULTS_FILE &&
      entryOf(path.dirname(absolute), RESULTS_FILE) === target
    );
  });
  if (read) {
    throw new ReportsRefused(
      `${path.join(outDir, RESULTS_FILE)} is one of the result files read, not overwritten; write the reports to another folder`,
    );
  }
}

/** `name` in the real path of `folder`; null when the folder is not there. */
function entryOf(folder: string, name: string): string | null {
  try {
    return path.join(fs.realpathSync.native(folder), name);
  } catch {
    return null;
  }
}

function writeResultsJson(result: PipelineResult, outDir: string): void {
  writeTextPieces(path.join(outDir, RESULTS_FILE), resultsJsonChunks(resultsDocument(result)));
}

function csvSets(result: PipelineResult, options: WriteOptions): CsvSet[] {
  const { seaLanguages } = result;
  // One plain table per run, shared by its own reports and the merged ones (its values are
  // formatted once).
  const tables = result.runs.map(({ run, table }) => ({ run: run.key, table: plain(table) }));
  const sets: CsvSet[] = [];
  if (options.individual ?? result.config.output.saveIndividual) {
    for (const table of tables) {
      const folder = options.folderOf?.(table.run) ?? table.run;
      sets.push({ folder, tables: [table], merged: false, seaLanguages });
    }
  }
  if (options.merged ?? result.config.output.saveMerged) {
    sets.push({ folder: MERGED_FOLDER, tables, merged: true, seaLanguages });
  }
  return sets;
}

/** The table without its rows' cell maps (the grid holds the cells), as a worker takes it. */
function plain(table: ReportTable): ReportTable {
  return {
    columns: table.columns,
    rows: table.rows.map(({ model }) => ({ model })),
    grid: table.grid,
  };
}
