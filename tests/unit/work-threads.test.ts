/**
 * Worker threads change nothing in the output: models read and scored in a worker (row shapes
 * sent once, then by key), and CSV reports written by a worker, give the same bytes as one
 * thread. The CLI's determinism test (tests/golden) cannot show this: on a small tree the
 * main thread finishes before a worker has loaded its code. Here the workers are ready first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/lib/config/load.ts';
import { runPipeline, type PipelineResult } from '../../src/lib/pipeline.ts';
import { resultsJson } from '../../src/lib/report/results-json.ts';
import { writeReports } from '../../src/lib/report/write-reports.ts';
import { startWorkers, stopWorkers, type WorkerPool } from '../../src/lib/work/workers.ts';
import { makeTree, realFile, type TreeSpec } from '../helpers/tree.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const SEA = ['Llama-3-2-3B', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gpt-4.1-nano'];
const LM = ['01_', '03_', '09_', '04_', '07_'];
const MODELS = 24;

/** Models of real files, some with two files (superseded entries), one broken file. */
function tree(): TreeSpec {
  const spec: TreeSpec = {};
  for (let i = 0; i < MODELS; i++) {
    const dir = `runs/exp/cfg${i % 4}/ba${(i + 1) * 100}`;
    spec[`${dir}/seahelm/m_seahelm_results_2025-0${(i % 8) + 1}-01T00:00:00.json`] = realFile(
      'seahelm',
      SEA[i % SEA.length] ?? '',
    );
    spec[`${dir}/lm-eval/results_2025-01-0${(i % 9) + 1}T00-00-00.json`] = realFile(
      'lm-eval',
      LM[i % LM.length] ?? '',
    );
    if (i % 5 === 0) {
      spec[`${dir}/seahelm/run_1/m_seahelm_results_2024-12-01T00:00:00.json`] = realFile(
        'seahelm',
        SEA[(i + 1) % SEA.length] ?? '',
      );
    }
  }
  spec['runs/exp/cfg0/ba100/seahelm/broken_seahelm_results.json'] = '{"id": ';
  return spec;
}

const YAML = [
  'experiments:',
  '  exp:',
  '    path: runs/exp',
  '  baselines:',
  '    part:',
  '      path: runs/exp/cfg1',
  'output:',
  '  base_dir: reports',
  '',
].join('\n');

async function readyWorkers(count: number): Promise<WorkerPool> {
  const pool = startWorkers(count);
  while (pool.ready.size < count) await new Promise((resolve) => setTimeout(resolve, 20));
  return pool;
}

function filesBelow(dir: string): Record<string, string> {
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  const files = names.filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('worker threads', () => {
  const root = makeTree(tree());
  roots.push(root);
  const configFile = path.join(root, 'leaderboard.config.yaml');
  fs.writeFileSync(configFile, YAML);
  const config = parseConfigText(YAML, configFile);
  let single: PipelineResult;

  it('score models as this thread does, and are left running for the caller', async () => {
    single = await runPipeline(config, { threads: 1 });
    const pool = await readyWorkers(2);
    let fromWorkers = 0;
    for (const worker of pool.workers) {
      worker.on('message', (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'id' in message) fromWorkers++;
      });
    }
    try {
      const threaded = await runPipeline(config, { workers: pool });
      expect(resultsJson(threaded)).toBe(resultsJson(single));
      const own = threaded.runs[0]?.table.rows.filter((r) => r.baseline === null);
      expect(own).toHaveLength(MODELS);
      expect(fromWorkers).toBeGreaterThan(0);
      // The caller's workers are the caller's to stop: the CLI has them write the CSV reports.
      for (const worker of pool.workers) {
        const answer = await new Promise((resolve) => {
          worker.once('message', () => resolve('answered'));
          worker.once('exit', () => resolve('stopped'));
          worker.postMessage({ id: MODELS, files: [] });
        });
        expect(answer).toBe('answered');
      }
    } finally {
      stopWorkers(pool);
    }
  });

  it('write the CSV reports as this thread does', async () => {
    const here = fs.mkdtempSync(path.join(os.tmpdir(), 'work-threads-here-'));
    const there = fs.mkdtempSync(path.join(os.tmpdir(), 'work-threads-there-'));
    roots.push(here, there);
    const pool = await readyWorkers(1);
    try {
      const written = await writeReports(single, there, { workers: pool });
      expect(written).toEqual(await writeReports(single, here));
    } finally {
      stopWorkers(pool);
    }
    expect(filesBelow(there)).toEqual(filesBelow(here));
    expect(Object.keys(filesBelow(here))).toContain(path.join('merged', 'task_report.csv'));
  });

  it('fail the reports on a CSV report they cannot write, as this thread does', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'work-threads-unwritable-'));
    roots.push(out);
    // A folder where a report goes: the report cannot be renamed into place.
    fs.mkdirSync(path.join(out, 'exp', 'lang_report.csv'), { recursive: true });
    await expect(writeReports(single, out)).rejects.toThrow('lang_report.csv');
    const pool = await readyWorkers(1);
    try {
      await expect(writeReports(single, out, { workers: pool })).rejects.toThrow('lang_report.csv');
    } finally {
      stopWorkers(pool);
    }
  });
});
