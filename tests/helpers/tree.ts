/** Test helpers: build a results tree in a temp folder and run the library on it. */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfigText } from '../../src/lib/config/load.ts';
import { runPipeline, type PipelineResult } from '../../src/lib/pipeline.ts';

export const REAL = path.resolve(import.meta.dirname, '../fixtures/real');

/** Files to create: relative path -> content, or `{ copy: absolute path }`. */
export type TreeSpec = Record<string, string | Uint8Array | { readonly copy: string }>;

export function makeTree(spec: TreeSpec): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-test-'));
  for (const [relative, content] of Object.entries(spec)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === 'object' && 'copy' in content) fs.copyFileSync(content.copy, target);
    else fs.writeFileSync(target, content);
  }
  return root;
}

export function realFile(kind: 'seahelm' | 'lm-eval', prefix: string): { copy: string } {
  const folder = path.join(REAL, kind);
  const name = fs.readdirSync(folder).find((f) => f.startsWith(prefix));
  if (name === undefined) throw new Error(`no real ${kind} file starts with ${prefix}`);
  return { copy: path.join(folder, name) };
}

export async function runOn(root: string, yaml: string, threads = 1): Promise<PipelineResult> {
  const configFile = path.join(root, 'leaderboard.config.yaml');
  fs.writeFileSync(configFile, yaml);
  return runPipeline(parseConfigText(yaml, configFile), { threads });
}

export function cellOf(result: PipelineResult, run: string, model: string, column: string) {
  const table = result.runs.find((r) => r.run.key === run)?.table;
  const row = table?.rows.find((r) => r.model === model);
  if (row === undefined) throw new Error(`no row ${model} in run ${run}`);
  const cell = row.cells.get(column);
  if (cell === undefined) throw new Error(`no column ${column} in run ${run}`);
  return cell;
}

export function valueOf(result: PipelineResult, run: string, model: string, column: string) {
  return cellOf(result, run, model, column).value;
}
