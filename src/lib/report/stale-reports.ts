/**
 * Report folders under `base_dir` that a run did not write: left by an earlier run (of a run
 * since removed from the config, or written before `save_individual` or `save_merged` was
 * turned off). The tool deletes nothing, so they stay, and would read as current; the summary
 * names them.
 */

import fs from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../compare.ts';
import { REPORT_FILES } from './csv-reports.ts';

const REPORT_FILE_NAMES: ReadonlySet<string> = new Set(Object.values(REPORT_FILES));

/**
 * The folders directly under `outDir` that hold one of the CSV reports' file names and none of
 * the files written (paths relative to `outDir`), in code-point order; none when `outDir`
 * cannot be listed.
 */
export function staleReportFolders(outDir: string, written: readonly string[]): string[] {
  const writtenFolders = new Set(written.map((file) => path.dirname(file)));
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(outDir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && !writtenFolders.has(entry.name))
    .map((entry) => entry.name)
    .filter((folder) => holdsReports(path.join(outDir, folder)))
    .sort(compareCodePoints);
}

function holdsReports(folder: string): boolean {
  try {
    return fs.readdirSync(folder).some((name) => REPORT_FILE_NAMES.has(name));
  } catch {
    return false;
  }
}
