/**
 * A source is where result files come from: a run, or a baseline. Both are discovered, parsed
 * and named the same way; only their model names differ.
 */

import { baselineIdOf } from '../config/baseline-id.ts';
import { formatKeyPath } from '../config/errors.ts';
import type { BaselineConfig, RunConfig } from '../config/types.ts';

export type Source =
  | { readonly kind: 'run'; readonly config: RunConfig }
  | { readonly kind: 'baseline'; readonly config: BaselineConfig };

export function sourcesOf(config: {
  runs: readonly RunConfig[];
  baselines: readonly BaselineConfig[];
}): Source[] {
  return [
    ...config.runs.map((run): Source => ({ kind: 'run', config: run })),
    ...config.baselines.map((baseline): Source => ({ kind: 'baseline', config: baseline })),
  ];
}

/** The id a baseline has in results.json, as in the original app: `BASELINE_<section>_<name>`. */
export function baselineId(baseline: BaselineConfig): string {
  return baselineIdOf(baseline.section, baseline.key);
}

export type SourceKind = 'experiment' | 'hero-run' | 'baseline';

export function sourceKindOf(source: Source): SourceKind {
  if (source.kind === 'baseline') return 'baseline';
  return source.config.isHeroRun ? 'hero-run' : 'experiment';
}

/** Whether a source's model stems are its configuration folders (an experiment's run). */
export function stemIsConfigurationFolder(source: Source): boolean {
  return source.kind === 'run' && !source.config.isHeroRun;
}

/**
 * The model-name stem of a file's checkpoint: the configuration folder for experiments, the
 * run key for hero runs, `BASELINE_<section>_<name>` for baselines.
 */
export function nameStem(source: Source, configFolder: string | null): string {
  if (source.kind === 'baseline') return baselineId(source.config);
  return stemIsConfigurationFolder(source) && configFolder !== null
    ? configFolder
    : source.config.key;
}

/**
 * How a source is named in messages: `experiments.exp_a`, `experiments.baselines.gemma`; a key
 * that would read as more than one step is quoted as config errors quote it, `experiments["v1.2"]`.
 */
export function sourceLabel(source: Source): string {
  const { section, key } = source.config;
  return formatKeyPath(source.kind === 'run' ? [section, key] : [section, 'baselines', key]);
}
