/**
 * A run that read no result file, because none was found or none could be read: its reports
 * would all be empty. Written over the last good ones (a results share not mounted, a path
 * mistyped), they would wipe them; the CLI and the site build both leave them as they are.
 */

import type { Diagnostic } from '../diagnostics.ts';
import type { PipelineResult } from '../pipeline.ts';

export type NothingRead = 'none-found' | 'none-readable';

/** Why the result holds no score worth writing reports for; null when some file was read. */
export function nothingRead(result: Pick<PipelineResult, 'files'>): NothingRead | null {
  if (result.files.length === 0) return 'none-found';
  if (result.files.every((f) => f.status === 'skipped')) return 'none-readable';
  return null;
}

/**
 * What the skipped files' own reasons leave unsaid, when none could be used: a run path that
 * does not exist, a `sea_languages` code that no file has (the likely cause when every file
 * holds no scored task), a folder that cannot be listed. A file's own warnings repeat its reason.
 */
export function warningsBesideFiles(
  result: Pick<PipelineResult, 'files' | 'diagnostics'>,
): Diagnostic[] {
  const files = new Set(result.files.map((f) => f.file));
  return result.diagnostics.filter((d) => d.file === undefined || !files.has(d.file));
}
