/**
 * The bundled sample and the fixture trees whose results between them hold every kind of cell
 * detail (partial, missing, failed and invalid cells, reasons, stderr, inner problems), every file
 * outcome and many warnings: what checks of results.json as a whole run on.
 */
import path from 'node:path';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runPipeline, type PipelineResult } from '../../src/lib/pipeline.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

export const DETAILED_TREE_CONFIGS = [
  'leaderboard.config.yaml',
  'tests/fixtures/trees/steps-and-merging/leaderboard.config.yaml',
  'tests/fixtures/trees/sea-languages/leaderboard.config.yaml',
  'tests/fixtures/trees/value-rules/leaderboard.config.yaml',
  'tests/fixtures/trees/real-files/leaderboard.config.yaml',
];

/** The pipeline's result for a config, its path relative to the project, on one thread. */
export async function runConfig(config: string): Promise<PipelineResult> {
  return runPipeline(await loadConfig(path.join(projectRoot, config)), { threads: 1 });
}
