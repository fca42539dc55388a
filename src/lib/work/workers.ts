/**
 * Worker threads for the model jobs, started before they are needed: a worker takes a while to
 * load its code, and it does that while this thread loads its own and finds the files. This
 * module is small on purpose, so that starting workers does not wait for anything else.
 */

import os from 'node:os';
import { Worker } from 'node:worker_threads';

/** The worker's code: beside this file in the sources, beside this chunk in the built CLI. */
const WORKER_FILE = new URL(import.meta.url).pathname.endsWith('.ts')
  ? './worker.ts'
  : './worker.js';

export interface WorkerPool {
  readonly workers: readonly Worker[];
  /** Workers whose code is loaded (and that have not stopped). */
  readonly ready: Set<Worker>;
  /** Errors of workers between jobs (while loading their code, say): the run fails on them. */
  readonly failures: Error[];
}

/** Workers to start for `threads` threads in all, this one included (default: every core). */
export function workerCount(threads = os.availableParallelism()): number {
  return Math.max(0, threads - 1);
}

export function startWorkers(count: number): WorkerPool {
  const pool = { workers: [] as Worker[], ready: new Set<Worker>(), failures: [] as Error[] };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(new URL(WORKER_FILE, import.meta.url));
    // A worker still starting must not keep the process alive once the work is done.
    worker.unref();
    worker.once('message', () => pool.ready.add(worker));
    worker.on('error', (error) => pool.failures.push(error));
    worker.on('exit', () => pool.ready.delete(worker));
    pool.workers.push(worker);
  }
  return pool;
}

export function stopWorkers(pool: WorkerPool): void {
  for (const worker of pool.workers) void worker.terminate();
}
