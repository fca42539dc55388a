/**
 * Runs model jobs on this thread and on worker threads at once. Jobs may be queued while this
 * thread still finds files: workers start on them at once, and this thread joins in once told
 * to finish, taking a job whenever it is free. A worker gets jobs only once it says it is ready,
 * and on a small tree this thread may well do every job. Results come back in any order; the
 * caller puts them in order.
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

export interface JobQueue {
  /** Queues jobs; workers take them at once, this thread only after `finish`. */
  add(jobs: readonly ModelJob[]): void;
  /** Works through every job queued, here and in the workers; settles when all are done. */
  finish(): Promise<void>;
}

export function jobQueue(
  settings: JobSettings,
  pool: WorkerPool,
  onResult: (result: ModelResult) => void,
): JobQueue {
  const context = scoreContext(settings);
  const queued: ModelJob[] = [];
  let next = 0;
  let remaining = 0;
  let finishing = false;
  let failure: unknown = pool.failures[0] ?? null;
  let settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  const inFlight = new Map<Worker, number>();
  const detach: (() => void)[] = [];

  const take = () => (next < queued.length ? queued[next++] : undefined);
  const fail = (error: unknown) => {
    failure ??= error;
    settle?.reject(failure);
  };
  const done = (result: ModelResult) => {
    onResult(result);
    remaining--;
    if (finishing && remaining === 0) settle?.resolve();
  };
  /** Tops the worker up to its window, once it is ready. */
  const feed = (worker: Worker) => {
    if (!pool.ready.has(worker)) return;
    let sent = inFlight.get(worker) ?? 0;
    for (; sent < WINDOW_PER_WORKER; sent++) {
      const job = take();
      if (job === undefined) break;
      worker.postMessage(job);
    }
    inFlight.set(worker, sent);
  };

  for (const worker of pool.workers) {
    worker.postMessage({ settings });
    const onMessage = (message: WireResult | 'ready') => {
      if (message !== 'ready') {
        inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
        done(fromWire(message, context.shapes));
      }
      feed(worker);
    };
    const onExit = (code: number) => {
      if (remaining > 0) fail(new Error(`a worker thread stopped early (exit code ${code})`));
    };
    worker.on('message', onMessage).on('error', fail).on('exit', onExit);
    detach.push(() => worker.off('message', onMessage).off('error', fail).off('exit', onExit));
  }

  /**
   * This thread's jobs: beside workers one per turn of the event loop, so that their results and
   * requests are served; alone, one after another.
   */
  const workHere = () => {
    do {
      if (failure !== null) return;
      const job = take();
      if (job === undefined) return;
      try {
        done(runModelJob(job, context));
      } catch (error) {
        fail(error);
        return;
      }
    } while (pool.workers.length === 0);
    setImmediate(workHere);
  };

  return {
    add(jobs) {
      // One by one: spreading a list of 100,000+ jobs into push overflows the stack.
      for (const job of jobs) queued.push(job);
      remaining += jobs.length;
      for (const worker of pool.workers) feed(worker);
    },
    finish() {
      finishing = true;
      const all = new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
        if (failure !== null) reject(failure);
        else if (remaining === 0) resolve();
        else workHere();
      });
      return all.finally(() => {
        for (const off of detach) off();
      });
    },
  };
}
