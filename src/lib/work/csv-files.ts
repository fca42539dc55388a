/**
 * The CSV reports written by a worker thread, when one is free, while this thread writes
 * results.json. The sets are plain data, so they cross as they are.
 */

import { writeCsvSets, type CsvSet } from '../report/write-csv.ts';
import type { WorkerPool } from './workers.ts';

export interface CsvRequest {
  readonly csv: { readonly outDir: string; readonly sets: readonly CsvSet[] };
}

export type CsvReply = { readonly written: true } | { readonly failed: string };

/**
 * Hands the sets to a ready worker; null when there is none (the caller writes them). The
 * `settled` promise never rejects: it gives the error, if any, to be thrown when it is awaited.
 */
export function writeCsvElsewhere(
  outDir: string,
  sets: readonly CsvSet[],
  pool: WorkerPool | undefined,
): { readonly settled: Promise<Error | null> } | null {
  const worker = pool === undefined ? undefined : [...pool.ready][0];
  if (worker === undefined || sets.length === 0) return null;
  const settled = new Promise<Error | null>((resolve) => {
    const onMessage = (reply: CsvReply) => {
      worker.off('message', onMessage).off('error', onError);
      resolve('written' in reply ? null : new Error(reply.failed));
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage).off('error', onError);
      resolve(error);
    };
    worker.on('message', onMessage).on('error', onError);
  });
  const request: CsvRequest = { csv: { outDir, sets } };
  worker.postMessage(request);
  return { settled };
}

/** The worker's side: writes the reports, and says so. */
export function answerCsvRequest(request: CsvRequest): CsvReply {
  try {
    writeCsvSets(request.csv.outDir, request.csv.sets);
    return { written: true };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
