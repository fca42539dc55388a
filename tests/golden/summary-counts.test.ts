/**
 * The summary's count of partial aggregates (README, "What you get"): over the runs' own models,
 * baselines aside, it is the number of `partial` rows in the runs' `missing_report.csv` (one row
 * per partial cell). Failed and invalid values are not compared so: the summary counts each
 * failed input, and one row of the report lists all of a cell's failed inputs (an
 * `id_pragmatics` whose two tasks failed is one row and two failed values).
 */

import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runPipeline, type PipelineResult } from '../../src/lib/pipeline.ts';
import { runReports } from '../../src/lib/report/csv-reports.ts';
import { summarize } from '../../src/lib/report/summary.ts';

const TREES = path.resolve(import.meta.dirname, '../fixtures/trees');
const CONFIGS = {
  sample: path.resolve('leaderboard.config.yaml'),
  'value-rules': path.join(TREES, 'value-rules/leaderboard.config.yaml'),
  'steps-and-merging': path.join(TREES, 'steps-and-merging/leaderboard.config.yaml'),
  'sea-languages': path.join(TREES, 'sea-languages/leaderboard.config.yaml'),
};

/** The `partial` rows of each run's missing report, over the runs' own models only. */
function partialRows(result: PipelineResult): number {
  let count = 0;
  for (const { run, table } of result.runs) {
    const own = new Set(table.rows.filter((r) => r.baseline === null).map((r) => r.model));
    const baselines = table.rows.filter((r) => r.baseline !== null).map((r) => r.model);
    // A baseline named like one of the run's own models would make the rows ambiguous.
    expect(
      baselines.filter((name) => own.has(name)),
      run.key,
    ).toEqual([]);
    const csv = runReports(table).missing;
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    for (const row of rows.data) {
      if (row['reason'] === 'partial' && own.has(row['model'] ?? '')) count++;
    }
  }
  return count;
}

describe("the summary's partial aggregates", () => {
  it.each(Object.entries(CONFIGS))(
    "%s: are the partial rows of the runs' missing reports, baselines aside",
    async (_name, configFile) => {
      const result = await runPipeline(await loadConfig(configFile), { threads: 1 });
      const rows = partialRows(result);
      // Every tree here has partial cells, so a count of 0 would not pass unseen.
      expect(rows).toBeGreaterThan(0);
      expect(summarize(result).partial_aggregates).toBe(rows);
    },
  );
});
