/**
 * What a run page says for a run without any row, in place of its tables and charts: that the
 * run has no models (and why, where the build knows), not that filters hid them; and what the
 * index says of a run without a model of its own.
 */

import type { RunData, RunSummary } from './site-data.ts';

/** The message of a run without rows; null when it has rows. */
export function noModelsText(run: Pick<RunData, 'rows' | 'noModels'>): string | null {
  if (run.rows.length > 0) return null;
  return run.noModels === undefined
    ? 'This run has no models.'
    : `This run has no models (${run.noModels}).`;
}

/** The index's text for a run without a model of its own (null when it has some). */
export function indexNoModelsText(run: Pick<RunSummary, 'models' | 'noModels'>): string | null {
  if (run.models > 0) return null;
  return run.noModels === null ? 'No models' : `No models (${run.noModels})`;
}
