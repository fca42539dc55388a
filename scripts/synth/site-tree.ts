/**
 * Synthetic result trees for the site benchmark: `runs` experiments of `checkpoints` models
 * each, with one SEA-HELM file and one compact lm-eval CLI file per checkpoint.
 */

import { join } from 'node:path';
import { lmEvalPath, seahelmPath, writeLmEvalFile, writeSeahelmFile, writeText } from './files.ts';
import { HARNESS_0_4_9, buildLmEvalResults } from './lmeval.ts';
import { Rng } from './prng.ts';
import { buildSeahelmResults } from './seahelm.ts';
import { addSeconds, instant } from './time.ts';

const CHECKPOINTS_PER_CONFIG = 10;

export interface SiteTreeOptions {
  readonly runs: number;
  readonly checkpoints: number;
}

/** Writes the tree and its config under `folder`; returns the config file. */
export function writeSiteTree(folder: string, options: SiteTreeOptions): string {
  const origin = instant('2025-03-01T00:00:00Z');
  const lines = ['experiments:'];
  for (let run = 0; run < options.runs; run++) {
    const key = `exp${String(run).padStart(3, '0')}`;
    lines.push(`  ${key}:`, `    path: results/${key}`);
    const rng = new Rng(`seahelm-leaderboard-site-bench-${key}`);
    for (let i = 0; i < options.checkpoints; i++) {
      const index = Math.floor(i / CHECKPOINTS_PER_CONFIG);
      const config = `cfg${String(index).padStart(3, '0')}-en_ratio0.${(index % 9) + 1}-cc_ratio0.${(Math.floor(index / 9) % 9) + 1}`;
      const step = ((i % CHECKPOINTS_PER_CONFIG) + 1) * 1000;
      const dir = join(folder, 'results', key, config, `ba${step}`);
      const model = `${config}-ba${step}`;
      const r = rng.fork(`${i}`);
      const skill = 0.3 + 0.5 * r.next();
      const at = addSeconds(origin, i * 900, r.int(1, 999999));
      const sea = buildSeahelmResults({ layout: 'v1', skill, rng: r.fork('sea') });
      writeSeahelmFile(seahelmPath(dir, model, 'v1', at), sea);
      const pretrained = `/exports/${key}/${model}`;
      const lmEval = buildLmEvalResults({
        rng: r.fork('lm-eval'),
        skill,
        modelArgs: { pretrained, dtype: 'bfloat16' },
        modelParameters: 1498482688,
        request: 'leaderboard',
        harness: HARNESS_0_4_9,
        limit: null,
        savedAt: addSeconds(at, 3600, 0),
        durationSeconds: 3600,
        configDetail: 'compact',
        shape: 'cli',
        prettyEnvInfo: '',
      });
      writeLmEvalFile(lmEvalPath(dir, pretrained, addSeconds(at, 3600, 0)), lmEval);
    }
  }
  lines.push('output:', '  base_dir: reports', '');
  const configFile = join(folder, 'leaderboard.config.yaml');
  writeText(configFile, lines.join('\n'));
  return configFile;
}
