/**
 * Where the evaluation tools put their files, and writing them the way they do: SEA-HELM and the
 * lm-eval CLI both use `json.dump(indent=2)`; SEA-HELM keeps `ensure_ascii`, lm-eval turns it off.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sanitizeModelName } from './lmeval.ts';
import { toPythonJson, type PyJsonObject } from './pyjson.ts';
import type { SeahelmLayout } from './seahelm.ts';
import { type Instant, lmEvalTimestamp, seahelmTimestamp } from './time.ts';

/**
 * SEA-HELM results file below a checkpoint folder: v1 `seahelm/<model>_seahelm_results_<ts>.json`,
 * 2026 `seahelm/<model>/run_<n>/results/<model>_seahelm_results_<ts>.json`.
 */
export function seahelmPath(
  checkpointDir: string,
  model: string,
  layout: SeahelmLayout,
  at: Instant,
  run = 0,
): string {
  const fileName = `${model}_seahelm_results_${seahelmTimestamp(at)}.json`;
  const folder =
    layout === 'v1'
      ? join(checkpointDir, 'seahelm')
      : join(checkpointDir, 'seahelm', model, `run_${run}`, 'results');
  return join(folder, fileName);
}

/** lm-eval CLI results file: `lm-eval/<sanitized model>/results_<ts>.json`. */
export function lmEvalPath(checkpointDir: string, pretrained: string, at: Instant): string {
  const folder = join(checkpointDir, 'lm-eval', sanitizeModelName(pretrained));
  return join(folder, `results_${lmEvalTimestamp(at)}.json`);
}

export function writeSeahelmFile(path: string, content: PyJsonObject): number {
  return writeText(path, toPythonJson(content));
}

export function writeLmEvalFile(path: string, content: PyJsonObject): number {
  return writeText(path, toPythonJson(content, { ensureAscii: false }));
}

/** Writes the text (no trailing newline, as `json.dump` leaves none); returns its byte size. */
export function writeText(path: string, text: string): number {
  mkdirSync(dirname(path), { recursive: true });
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, bytes);
  return bytes.length;
}
