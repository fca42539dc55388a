/**
 * Reads and parses many files, in worker threads when there are enough of them to pay for the
 * workers' start-up. Results come back in request order whatever the threads' timing.
 */

import { Worker } from 'node:worker_threads';
import { readAndParse, type ReadRequest } from './read-file.ts';
import type { ParsedFile } from './types.ts';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;
/** Jobs in flight per worker: keeps workers busy without flooding memory. */
const WINDOW_PER_WORKER = 8;

export interface ParseAllOptions {
  readonly threads: number;
  /** Called with the count done, in completion order (for progress). */
  readonly onParsed?: (done: number) => void;
  /** Called once per file, in request order, as soon as it and all earlier ones are done. */
  readonly onResult: (index: number, parsed: ParsedFile) => void;
}

export async function parseAll(requests: readonly ReadRequest[], options: ParseAllOptions) {
  const delivery = inOrderDelivery(options.onResult);
  let done = 0;
  const finish = (index: number, parsed: ParsedFile) => {
    done++;
    options.onParsed?.(done);
    delivery(index, parsed);
  };
  if (options.threads <= 1 || requests.length < MIN_FILES_FOR_WORKERS) {
    for (const [index, request] of requests.entries()) finish(index, readAndParse(request));
    return;
  }
  await parseInWorkers(requests, Math.min(options.threads, requests.length), finish);
}

/** Buffers out-of-order results so the consumer sees them in request order. */
function inOrderDelivery(onResult: (index: number, parsed: ParsedFile) => void) {
  const pending = new Map<number, ParsedFile>();
  let next = 0;
  return (index: number, parsed: ParsedFile) => {
    pending.set(index, parsed);
    for (let ready = pending.get(next); ready !== undefined; ready = pending.get(next)) {
      pending.delete(next);
      onResult(next, ready);
      next++;
    }
  };
}

function parseInWorkers(
  requests: readonly ReadRequest[],
  threads: number,
  finish: (index: number, parsed: ParsedFile) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers = Array.from(
      { length: threads },
      () => new Worker(new URL('./worker.ts', import.meta.url)),
    );
    let nextJob = 0;
    let remaining = requests.length;
    const send = (worker: Worker) => {
      const request = requests[nextJob];
      if (request === undefined) return;
      worker.postMessage({ id: nextJob, request });
      nextJob++;
    };
    const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
    for (const worker of workers) {
      worker.on('message', ({ id, parsed }: { id: number; parsed: ParsedFile }) => {
        finish(id, parsed);
        remaining--;
        if (remaining === 0) void stopAll().then(() => resolve());
        else send(worker);
      });
      worker.on('error', (error) => void stopAll().then(() => reject(error)));
      for (let i = 0; i < WINDOW_PER_WORKER; i++) send(worker);
    }
  });
}
