/**
 * Worker thread: says it is ready once its code is loaded, then takes the job settings (the
 * first message) and runs the model jobs it is sent, posting back their results; at the end it
 * may be asked to write the CSV reports.
 */

import { parentPort } from 'node:worker_threads';
import type { ScoreContext } from '../score/score-model.ts';
import { runModelJob, scoreContext, type JobSettings, type ModelJob } from './model-job.ts';
import { answerCsvRequest, type CsvRequest } from './csv-files.ts';
import { toWire } from './wire.ts';

type Message = { readonly settings: JobSettings } | ModelJob | CsvRequest;

let context: ScoreContext | null = null;
const sentShapes = new Set<string>();
parentPort?.on('message', (message: Message) => {
  if ('settings' in message) context = scoreContext(message.settings);
  else if ('csv' in message) parentPort?.postMessage(answerCsvRequest(message));
  else if (context !== null) {
    parentPort?.postMessage(toWire(runModelJob(message, context), sentShapes));
  }
});
parentPort?.postMessage('ready');
