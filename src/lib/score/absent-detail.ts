/**
 * The detail of a cell whose model has no results of the cell's harness at all. The pages
 * recompute some cells in the browser and keep this reason, which no selection can change.
 */

export type HarnessName = 'SEA-HELM' | 'lm-eval';

/** `no lm-eval results for this model`, naming skipped files when there were some. */
export function absentHarnessDetail(harness: HarnessName, skipped: readonly string[]): string {
  const detail = `no ${harness} results for this model`;
  if (skipped.length === 0) return detail;
  const which =
    skipped.length === 1
      ? `its file ${skipped[0] ?? ''} was`
      : `its files ${skipped.join(', ')} were`;
  return `${detail}: ${which} skipped (see results.json)`;
}

/** Whether a cell's detail is one of `absentHarnessDetail`'s. */
export function isAbsentHarnessDetail(detail: string | undefined): detail is string {
  return detail !== undefined && /^no (SEA-HELM|lm-eval) results for this model(:|$)/.test(detail);
}
