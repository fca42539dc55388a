/**
 * The job queue (src/lib/work/pool.ts) when a worker thread fails: the run fails with the
 * worker's error, never waits for results that will not come; and how many workers a run starts
 * (src/lib/work/workers.ts).
 */

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/lib/discover/discover.ts';
import { writeCsvElsewhere } from '../../src/lib/work/csv-files.ts';
import { jobQueue } from '../../src/lib/work/pool.ts';
import {
  startWorkers,
  stopWorkers,
  workerCount,
  type WorkerPool,
} from '../../src/lib/work/workers.ts';

const SETTINGS = { extraMetrics: {}, seaLanguages: null };

/** A job of no file: this thread or a worker does it at once. */
const job = (id: number) => ({ id, files: [] });

const started: Worker[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((worker) => worker.terminate()));
});

/**
 * A pool of one worker that says it is ready, as worker.ts does, and then runs `onJob` (its
 * code) on the first job it is sent; resolves once the worker is ready.
 */
async function poolOfOne(onJob: string): Promise<WorkerPool> {
  const code = [
    "const { parentPort } = require('node:worker_threads');",
    `parentPort.on('message', (message) => { if ('id' in message) { ${onJob} } });`,
    "parentPort.postMessage('ready');",
  ].join('\n');
  const worker = new Worker(code, { eval: true });
  started.push(worker);
  const pool: WorkerPool = { workers: [worker], ready: new Set(), failures: [] };
  await new Promise<void>((resolve) => {
    worker.once('message', () => {
      pool.ready.add(worker);
      resolve();
    });
  });
  return pool;
}

describe('jobQueue', () => {
  it('fails when a worker stops before it sent the results of the jobs it took', async () => {
    const pool = await poolOfOne('process.exit(3);');
    const queue = jobQueue(SETTINGS, pool, () => {});
    queue.add([job(0)]);
    await expect(queue.finish()).rejects.toThrow('a worker thread stopped early (exit code 3)');
  });

  it('fails with the error of a worker that failed before any job (loading its code, say)', async () => {
    const failed = new Error('Cannot find module worker.ts');
    const pool: WorkerPool = { workers: [], ready: new Set(), failures: [failed] };
    const done: number[] = [];
    const queue = jobQueue(SETTINGS, pool, (result) => done.push(result.id));
    queue.add([job(0), job(1)]);
    await expect(queue.finish()).rejects.toBe(failed);
    expect(done).toEqual([]);
  });

  it('fails with the error a worker throws while it runs a job', async () => {
    const pool = await poolOfOne("throw new Error('out of memory');");
    const queue = jobQueue(SETTINGS, pool, () => {});
    queue.add([job(0)]);
    await expect(queue.finish()).rejects.toThrow('out of memory');
  });

  it('fails with the error of a job that throws on this thread', async () => {
    const file: DiscoveredFile = {
      source: 0,
      get absolute(): string {
        throw new Error('no path');
      },
      display: 'runs/exp/cfg/ba1/x.json',
      candidates: ['seahelm'],
      sourceKind: 'experiment',
      stem: 'cfg',
      step: 1,
    };
    const pool: WorkerPool = { workers: [], ready: new Set(), failures: [] };
    const queue = jobQueue(SETTINGS, pool, () => {});
    queue.add([{ id: 0, files: [{ index: 0, file }] }]);
    await expect(queue.finish()).rejects.toThrow('no path');
  });
});

describe('a ready worker', () => {
  it('takes every job queued while this thread has not joined in, not only its first window', async () => {
    const pool = await poolOfOne(
      'parentPort.postMessage({ id: message.id, files: [], model: null });',
    );
    const done: number[] = [];
    let all = () => {};
    const allDone = new Promise<void>((resolve) => (all = resolve));
    const queue = jobQueue(SETTINGS, pool, (result) => {
      done.push(result.id);
      if (done.length === 20) all();
    });
    queue.add(Array.from({ length: 20 }, (_, id) => job(id)));
    // Every result comes from the worker: this thread takes jobs only once told to finish.
    await allDone;
    expect(done).toEqual(Array.from({ length: 20 }, (_, id) => id));
    await queue.finish();
  });
});

describe('workerCount', () => {
  it('starts a worker for each thread but this one: none for --threads 1, every core by default', () => {
    expect(workerCount(1)).toBe(0);
    expect(workerCount(4)).toBe(3);
    expect(workerCount()).toBe(os.availableParallelism() - 1);
  });
});

describe('startWorkers', () => {
  it("keeps a worker's errors for the run to fail on, and a worker that stopped out of the ready ones", async () => {
    const pool = startWorkers(1);
    const [worker] = pool.workers;
    if (worker === undefined) throw new Error('no worker');
    try {
      while (pool.ready.size < 1) await new Promise((resolve) => setTimeout(resolve, 20));
      const failure = new Error('cannot load its code');
      worker.emit('error', failure);
      expect(pool.failures).toEqual([failure]);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await worker.terminate();
      await exited;
      expect(pool.ready.has(worker)).toBe(false);
    } finally {
      stopWorkers(pool);
    }
  });
});

describe('writeCsvElsewhere', () => {
  it('sends the CSV reports to a ready worker only, else leaves them to this thread', async () => {
    const pool = await poolOfOne('');
    const sets = [{ folder: 'exp', tables: [], merged: false, seaLanguages: [] }];
    // A worker that stopped, or has not loaded its code, is not ready: it may never answer.
    pool.ready.clear();
    expect(writeCsvElsewhere('/nowhere', sets, pool)).toBeNull();
    expect(writeCsvElsewhere('/nowhere', sets, undefined)).toBeNull();
  });
});
