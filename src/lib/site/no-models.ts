/**
 * What a run page says for a run without any row, in place of its tables and charts: that the
 * run has no models (and why, where the build knows), not that filters hid them.
 */

import type { RunData } from './site-data.ts';

/** The message of a run without rows; null when it has rows. */
export function noModelsText(run: Pick<RunData, 'rows' | 'noModels'>): string | null {
  if (run.rows.length > 0) return null;
  return run.noModels === undefined
    ? 'This run has no models.'
    : `This run has no models (${run.noModels}).`;
}
