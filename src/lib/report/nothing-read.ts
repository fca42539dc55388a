/**
 * A run that read no result file, because none was found or none could be read: its reports
 * would all be empty. Written over the last good ones (a results share not mounted, a path
 * mistyped), they would wipe them; the CLI and the site build both leave them as they are.
 */

import type { PipelineResult } from '../pipeline.ts';

export type NothingRead = 'none-found' | 'none-readable';

/** Why the result holds no score worth writing reports for; null when some file was read. */
export function nothingRead(result: Pick<PipelineResult, 'files'>): NothingRead | null {
  if (result.files.length === 0) return 'none-found';
  if (result.files.every((f) => f.status === 'skipped')) return 'none-readable';
  return null;
}
