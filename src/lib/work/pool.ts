/**
 * Runs model jobs on this thread and on worker threads at once. This thread works too, taking a
 * job whenever it is free, so nothing waits for the workers to start: a worker gets jobs only
 * once it says it is ready, and on a small tree this thread may well do every job. Results come
 * back in any order; the caller puts them in order.
 */

import type { Worker } from 'node:worker_threads';
import {
  runModelJob,
  scoreContext,
  type JobSettings,
  type ModelJob,
  type ModelResult,
} from './model-job.ts';
import { fromWire, type WireResult } from './wire.ts';
import type { WorkerPool } from './workers.ts';

/** Jobs sent ahead to each worker, so it never waits for this thread between two jobs. */
const WINDOW_PER_WORKER = 4;

export function runJobs(
  jobs: readonly ModelJob[],
  settings: JobSettings,
  pool: WorkerPool,
  onResult: (result: ModelResult) => void,
): Promise<void> {
  const context = scoreContext(settings);
  const [failure] = pool.failures;
  if (failure !== undefined) return Promise.reject(failure);
  if (pool.workers.length === 0) {
    for (const job of jobs) onResult(runModelJob(job, context));
    return Promise.resolve();
  }
  const detach: (() => void)[] = [];
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let remaining = jobs.length;
    const take = () => (next < jobs.length ? jobs[next++] : undefined);
    const finish = (result: ModelResult) => {
      onResult(result);
      remaining--;
      if (remaining === 0) resolve();
    };
    const feed = (worker: Worker, count = 1) => {
      for (let i = 0; i < count; i++) {
        const job = take();
        if (job !== undefined) worker.postMessage(job);
      }
    };
    for (const worker of pool.workers) {
      worker.postMessage({ settings });
      const onMessage = (message: WireResult | 'ready') => {
        if (message === 'ready') return feed(worker, WINDOW_PER_WORKER);
        finish(fromWire(message, context.shapes));
        feed(worker);
      };
      const onExit = (code: number) => {
        if (remaining > 0) reject(new Error(`a worker thread stopped early (exit code ${code})`));
      };
      worker.on('message', onMessage).on('error', reject).on('exit', onExit);
      detach.push(() => worker.off('message', onMessage).off('error', reject).off('exit', onExit));
      if (pool.ready.has(worker)) feed(worker, WINDOW_PER_WORKER);
    }
    if (remaining === 0) resolve();
    // One job per turn of the event loop, so that workers' results and requests are served.
    const workHere = () => {
      const job = take();
      if (job === undefined) return;
      try {
        finish(runModelJob(job, context));
      } catch (error) {
        reject(error);
        return;
      }
      setImmediate(workHere);
    };
    setImmediate(workHere);
  }).finally(() => {
    for (const off of detach) off();
  });
}
