/**
 * Models read while discovery goes on: an experiment's configuration folder gives its models as
 * soon as it is walked whole, each file once, never part of a model; and the output is the same
 * as reading everything after discovery, with worker threads or without.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/lib/config/load.ts';
import { discover, type DiscoveredFile } from '../../src/lib/discover/discover.ts';
import { sourcesOf } from '../../src/lib/discover/sources.ts';
import { runPipeline, type ProgressEvent } from '../../src/lib/pipeline.ts';
import { resultsJson } from '../../src/lib/report/results-json.ts';
import {
  runModelJob,
  scoreContext,
  type JobSettings,
  type ModelJob,
} from '../../src/lib/work/model-job.ts';
import { toWire } from '../../src/lib/work/wire.ts';
import { startWorkers, stopWorkers, type WorkerPool } from '../../src/lib/work/workers.ts';
import { makeTree, realFile, type TreeSpec } from '../helpers/tree.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const SEA = realFile('seahelm', 'gpt-4.1-nano');
const LM = realFile('lm-eval', '10_');

/**
 * Configuration folders `cfg-b` and `cfg` (which sort the other way as paths: `cfg-b/` before
 * `cfg/`), a folder named like the run (`exp`) whose model is also that of a file in the run's
 * root, and a hero run, whose models span its top-level folders.
 */
function spec(): TreeSpec {
  return {
    'runs/exp/cfg/ba100/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': SEA,
    'runs/exp/cfg/ba100/lm_eval/results_2025-01-02T00-00-00.json': LM,
    'runs/exp/cfg/ba200/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': SEA,
    'runs/exp/cfg-b/ba100/lm_eval/results_2025-01-02T00-00-00.json': LM,
    'runs/exp/exp/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': SEA,
    'runs/exp/results_2025-01-02T00-00-00.json': LM,
    'runs/hero/seahelm/ba100/h_seahelm_results_2025-01-01T00:00:00.json': SEA,
    'runs/hero/lm_eval/ba100/results_2025-01-02T00-00-00.json': LM,
  };
}

const YAML = [
  'experiments:',
  '  exp:',
  '    path: runs/exp',
  'hero_runs:',
  '  hero:',
  '    path: runs/hero',
  'output:',
  '  base_dir: reports',
  '',
].join('\n');

function setUp() {
  const root = makeTree(spec());
  roots.push(root);
  const configFile = path.join(root, 'leaderboard.config.yaml');
  fs.writeFileSync(configFile, YAML);
  return parseConfigText(YAML, configFile);
}

describe('discover: models given early', () => {
  it('gives whole configuration folders, each file once, and nothing of the rest', async () => {
    const config = setUp();
    const batches: (readonly DiscoveredFile[])[] = [];
    const { files } = await discover(config, sourcesOf(config), {
      onModels: (batch) => batches.push(batch),
    });
    const shown = (batch: readonly DiscoveredFile[]) => batch.map((f) => f.display);
    expect(batches.map(shown)).toEqual(
      [
        [
          'runs/exp/cfg/ba100/lm_eval/results_2025-01-02T00-00-00.json',
          'runs/exp/cfg/ba100/seahelm/m_seahelm_results_2025-01-01T00:00:00.json',
          'runs/exp/cfg/ba200/seahelm/m_seahelm_results_2025-01-01T00:00:00.json',
        ].sort(),
        ['runs/exp/cfg-b/ba100/lm_eval/results_2025-01-02T00-00-00.json'],
      ].map((list) => expect.arrayContaining(list)),
    );
    expect(batches.flat()).toHaveLength(4);
    // The files given early are the discovered ones themselves, in the discovered list.
    for (const file of batches.flat()) expect(files).toContain(file);
    // Still in code-point order of their paths.
    expect(files.map((f) => f.display)).toEqual(files.map((f) => f.display).sort());
  });

  it('reads the same whether models are read early, in workers or not', async () => {
    const config = setUp();
    const single = await runPipeline(config, { threads: 1 });
    const pool = startWorkers(1);
    while (pool.ready.size < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    try {
      const threaded = await runPipeline(config, { workers: pool });
      expect(resultsJson(threaded)).toBe(resultsJson(single));
    } finally {
      stopWorkers(pool);
    }
    const rows = single.runs.find((r) => r.run.key === 'exp')?.table.rows ?? [];
    // The run-named folder's file and the root file make one model.
    const exp = rows.find((r) => r.model === 'exp_000');
    expect(exp?.cells.get('sea_total')?.value).not.toBeNull();
    expect(exp?.cells.get('en')?.value).not.toBeNull();
    expect(rows.map((r) => r.model)).toEqual(['cfg_100', 'cfg_200', 'cfg-b_100', 'exp_000']);
    const hero = single.runs.find((r) => r.run.key === 'hero')?.table.rows ?? [];
    expect(hero.map((r) => r.model)).toEqual(['hero_100']);
    expect(hero[0]?.cells.get('total')?.value).not.toBeNull();
  });
});

/**
 * A pool of one worker that lives on this thread and answers each job as soon as this thread
 * is free (a microtask), as worker.ts would: so the jobs queued while discovery goes on are
 * done before it ends, whatever the machine's speed.
 */
function poolOnThisThread(): WorkerPool {
  const worker = new EventEmitter();
  const shapesSent = new Set<string>();
  let context: ReturnType<typeof scoreContext> | null = null;
  const postMessage = (message: { readonly settings: JobSettings } | ModelJob) => {
    if ('settings' in message) context = scoreContext(message.settings);
    else if (context !== null) {
      const result = toWire(runModelJob(message, context), shapesSent);
      queueMicrotask(() => worker.emit('message', result));
    }
  };
  const fake = Object.assign(worker, { postMessage }) as unknown as Worker;
  return { workers: [fake], ready: new Set([fake]), failures: [] };
}

describe('progress while models are read early', () => {
  it('counts files read before discovery ended once it has, never against an unknown total', async () => {
    const config = setUp();
    const events: ProgressEvent[] = [];
    const result = await runPipeline(config, {
      workers: poolOnThisThread(),
      onProgress: (event) => {
        if (event.stage !== 'scored') events.push(event);
      },
    });
    const total = Object.keys(spec()).length;
    expect(result.files).toHaveLength(total);
    expect(events[0]).toEqual({ stage: 'discovered', files: total });
    // The 4 files of `cfg` and `cfg-b`, given early, were read before discovery ended.
    expect(events[1]).toEqual({ stage: 'parsed', done: 4, total });
    const done = events.slice(1).map((event) => (event.stage === 'parsed' ? event.done : NaN));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(total);
    expect(
      events.slice(1).every((event) => event.stage === 'parsed' && event.total === total),
    ).toBe(true);
  });
});
