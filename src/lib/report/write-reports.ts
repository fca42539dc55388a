/**
 * The I/O edge of reporting: writes the CSVs and results.json under `base_dir`. It creates
 * folders and overwrites its own files; it never deletes anything.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { PipelineResult } from '../pipeline.ts';
import { mergedReports, REPORT_FILES, runReports, type ReportName } from './csv-reports.ts';
import { resultsJson } from './results-json.ts';
import { MERGED_FOLDER, RESULTS_FILE } from '../config/defaults.ts';

export interface WriteOptions {
  /** Write results.json too (default true). */
  readonly json?: boolean;
  /** Override `output.save_individual` / `output.save_merged` (the site always has both). */
  readonly individual?: boolean;
  readonly merged?: boolean;
}

/** Writes every report; returns the files written, relative to `outDir`. */
export async function writeReports(
  result: PipelineResult,
  outDir: string,
  options: WriteOptions = {},
): Promise<string[]> {
  const saveIndividual = options.individual ?? result.config.output.saveIndividual;
  const saveMerged = options.merged ?? result.config.output.saveMerged;
  const written: string[] = [];
  const write = async (relative: string, text: string) => {
    const target = path.join(outDir, relative);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, text);
    written.push(relative);
  };
  const writeSet = async (folder: string, reports: Record<ReportName, string>) => {
    for (const name of Object.keys(REPORT_FILES) as ReportName[]) {
      await write(path.join(folder, REPORT_FILES[name]), reports[name]);
    }
  };
  if (saveIndividual) {
    for (const { run, table } of result.runs) await writeSet(run.key, runReports(table));
  }
  if (saveMerged) {
    const tables = result.runs.map(({ run, table }) => ({ run: run.key, table }));
    await writeSet(MERGED_FOLDER, mergedReports(tables, result.seaLanguages));
  }
  if (options.json ?? true) await write(RESULTS_FILE, resultsJson(result));
  return written;
}
