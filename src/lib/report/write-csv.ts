/** Writes sets of CSV reports (in this thread, or in a worker thread: the sets are plain data). */

import path from 'node:path';
import {
  mergedReports,
  REPORT_FILES,
  runReports,
  type ReportName,
  type RunTable,
} from './csv-reports.ts';
import { writeText } from './write-text.ts';

/**
 * A folder of four CSV reports: one run's, or all runs merged. Plain data, so that a worker
 * thread can write them while this one writes results.json (the two take about as long).
 */
export interface CsvSet {
  readonly folder: string;
  readonly tables: readonly RunTable[];
  /** The merged reports (a `run` column, the runs' columns united). */
  readonly merged: boolean;
  readonly seaLanguages: readonly string[];
}

/** Writes the sets' reports (in this thread or a worker's). */
export function writeCsvSets(outDir: string, sets: readonly CsvSet[]): void {
  for (const set of sets) {
    const [first] = set.tables;
    if (first === undefined) continue;
    const reports = set.merged
      ? mergedReports(set.tables, set.seaLanguages)
      : runReports(first.table);
    // The folders are made and checked by writeReports, before any report is written.
    for (const name of reportNames()) {
      writeText(path.join(outDir, reportPath(set.folder, name)), reports[name]);
    }
  }
}

export function reportNames(): ReportName[] {
  return Object.keys(REPORT_FILES) as ReportName[];
}

export function reportPath(folder: string, name: ReportName): string {
  return path.join(folder, REPORT_FILES[name]);
}
