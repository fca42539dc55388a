/**
 * One CSV report as text, straight from a pipeline result: what `writeReports` writes to
 * `<folder>/<file>`. The dev server answers the site's report links with it, so they follow
 * the live data instead of whatever an earlier build left on disk.
 */

import { MERGED_FOLDER } from '../config/defaults.ts';
import type { PipelineResult } from '../pipeline.ts';
import { mergedReports, REPORT_FILES, runReports, type ReportName } from './csv-reports.ts';

/** The report `file` (`lang_report.csv`) of `folder` (a run key, or `merged`); null if none. */
export function reportText(result: PipelineResult, folder: string, file: string): string | null {
  const name = (Object.keys(REPORT_FILES) as ReportName[]).find((n) => REPORT_FILES[n] === file);
  if (name === undefined) return null;
  if (folder === MERGED_FOLDER) {
    const tables = result.runs.map(({ run, table }) => ({ run: run.key, table }));
    return mergedReports(tables, result.seaLanguages)[name];
  }
  const run = result.runs.find(({ run }) => run.key === folder);
  return run === undefined ? null : runReports(run.table)[name];
}
