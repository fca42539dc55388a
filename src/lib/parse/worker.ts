/** Worker thread: reads and parses the files it is sent, posts back the small parsed results. */

import { parentPort } from 'node:worker_threads';
import { readAndParse, type ReadRequest } from './read-file.ts';

interface Job {
  readonly id: number;
  readonly request: ReadRequest;
}

parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage({ id: job.id, parsed: readAndParse(job.request) });
});
