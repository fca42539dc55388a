/**
 * `npm run dev` (`astro dev`) is a live site: an edit to a result file or to the config shows on
 * the run page without restarting by hand. The config and its results tree live in a temp folder
 * outside the project, as with `LEADERBOARD_CONFIG=path/to/config.yaml`; the checks read the
 * server-rendered Overall table, so no browser is needed.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, astroEnvironment, freePort } from './harness.ts';

/** How long an edit may take to show (a watcher event, a content sync, a server restart). */
const WAIT_MS = 30_000;

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-dev-'));
const configFile = path.join(temp, 'leaderboard.config.yaml');

/** A minimal SEA-HELM file: one task in Indonesian and one in Vietnamese. */
function seahelm(id: number, vi: number): string {
  const task = (value: number) => ({ normalized_accuracy: value, null_count: 0 });
  return JSON.stringify({
    id: { nlu: { sentiment: task(id) } },
    vi: { nlu: { sentiment: task(vi) } },
  });
}

function write(relative: string, text: string): void {
  log += `[test] writes ${relative}\n`;
  const file = path.join(temp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const checkpoint = (step: number) =>
  `runs/exp/cfg/ba${step}/seahelm/m_seahelm_results_2025-01-0${step / 100}T00:00:00.json`;

function config(run: string, extra = ''): string {
  // Relative paths resolve against the config's folder: everything stays in `temp`.
  return `experiments:\n  ${run}:\n    path: runs/exp\noutput:\n  base_dir: reports\n${extra}`;
}

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .trim();

interface Overall {
  /** Column titles after Model. */
  readonly columns: string[];
  /** Model -> column title -> shown text. */
  readonly rows: Map<string, Map<string, string>>;
}

/** The run page's server-rendered Overall table. */
function overallTable(html: string): Overall {
  const table = /<table class="data"><caption[^>]*>Overall:[\s\S]*?<\/table>/.exec(html)?.[0];
  if (table === undefined) throw new Error('the page has no Overall table');
  const columns = [...table.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)]
    .map((m) => text(m[1] ?? ''))
    .slice(1);
  const rows = new Map<string, Map<string, string>>();
  for (const row of table.matchAll(/<tr><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)) {
    const cells = [...(row[2] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)];
    rows.set(
      text(row[1] ?? ''),
      new Map(cells.map((cell, i) => [columns[i] ?? `#${i}`, text(cell[1] ?? '')])),
    );
  }
  return { columns, rows };
}

interface Page {
  readonly status: number;
  readonly html: string;
}

let origin = '';

async function get(pathname: string): Promise<Page> {
  const response = await fetch(`${origin}${pathname}`, { signal: AbortSignal.timeout(20_000) });
  return { status: response.status, html: await response.text() };
}

/**
 * Fetches `pathname` until `check` passes on the page (it throws otherwise), for up to WAIT_MS;
 * the last failure is reported.
 */
async function eventually(pathname: string, check: (page: Page) => void): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      check(await get(pathname));
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `${pathname} not as expected after ${WAIT_MS} ms: ${reason}\n${logTail()}`,
          {
            cause: error,
          },
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The Overall row of `model` on the run page of `run`. */
function rowOf(page: Page, model: string): Map<string, string> {
  expect(page.status).toBe(200);
  const row = overallTable(page.html).rows.get(model);
  if (row === undefined) throw new Error(`no row ${model}`);
  return row;
}

let server: ChildProcess | null = null;
let exited: Promise<unknown> = Promise.resolve();
let log = '';

/** The server's output since the last edit or so: Astro's router warns on each 404 in full. */
function logTail(): string {
  const lines = log.split('\n').filter((line) => !/^Possible dynamic routes|^\s*$/.test(line));
  return `astro dev, last lines:\n${lines.slice(-40).join('\n')}`;
}

beforeAll(async () => {
  write(checkpoint(100), seahelm(61.25, 40.75));
  write('leaderboard.config.yaml', config('exp_dev'));
  const port = await freePort();
  const child = spawn(
    path.join(PROJECT, 'node_modules/.bin/astro'),
    ['dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT,
      // Its own process group, so afterAll stops Astro and every process it started.
      detached: true,
      env: { ...astroEnvironment(configFile), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server = child;
  exited = new Promise((resolve) => child.on('exit', resolve));
  const collect = (chunk: Buffer) => (log += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Vite takes the next port when this one was taken meanwhile: read the one it serves on.
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 90_000);
    child.stdout?.on('data', () => {
      const found = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(stripVTControlCharacters(log));
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev exited with ${String(code)}:\n${log}`));
    });
  });
});

afterAll(async () => {
  const child = server;
  if (child?.pid !== undefined) {
    // The whole group: Astro and anything it started.
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid ?? 0), signal);
      } catch {
        // The group is gone already.
      }
    };
    stop('SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    if (!stopped) stop('SIGKILL');
    await exited;
    stop('SIGKILL');
  }
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('astro dev with a config outside the project', () => {
  it('serves the run page with the scores of the result files', async () => {
    await eventually('/experiments/exp_dev/', (page) => {
      const row = rowOf(page, 'cfg_100');
      expect(row.get('Indonesian')).toBe('61.25');
      expect(row.get('Vietnamese')).toBe('40.75');
      expect(row.get('SEA Avg')).toBe('51.00');
    });
    expect([...overallTable((await get('/experiments/exp_dev/')).html).rows.keys()]).toEqual([
      'cfg_100',
    ]);
  });

  it('shows a changed value of a result file, on the page and in the CSV reports it links', async () => {
    write(checkpoint(100), seahelm(73.25, 40.75));
    await eventually('/experiments/exp_dev/', (page) => {
      const row = rowOf(page, 'cfg_100');
      expect(row.get('Indonesian')).toBe('73.25');
      expect(row.get('SEA Avg')).toBe('57.00');
    });
    // Dev writes no reports: the links are answered from the live data.
    const csv = await get('/reports/exp_dev/lang_report.csv');
    expect(csv.status).toBe(200);
    expect(csv.html.split('\n').slice(0, 2)).toEqual([
      'model,sea_total,id,vi,en,total',
      'cfg_100,57.00,73.25,40.75,,',
    ]);
    const merged = await get('/reports/merged/lang_report.csv');
    expect(merged.html.split('\n')[1]).toBe('cfg_100,exp_dev,57.00,73.25,40.75,,');
    expect(fs.existsSync(path.join(temp, 'reports'))).toBe(false);
  });

  it("adds a new checkpoint's row", async () => {
    write(checkpoint(200), seahelm(42.75, 30.25));
    await eventually('/experiments/exp_dev/', (page) => {
      const row = rowOf(page, 'cfg_200');
      expect(row.get('Indonesian')).toBe('42.75');
      expect(row.get('Vietnamese')).toBe('30.25');
      expect([...overallTable(page.html).rows.keys()]).toEqual(['cfg_100', 'cfg_200']);
    });
  });

  it('follows an edited config (a renamed run, fewer SEA languages)', async () => {
    write('leaderboard.config.yaml', config('exp_live', 'sea_languages: [id]\n'));
    await eventually('/experiments/exp_live/', (page) => {
      const row = rowOf(page, 'cfg_100');
      expect(overallTable(page.html).columns).not.toContain('Vietnamese');
      expect(row.get('Indonesian')).toBe('73.25');
      expect(row.get('SEA Avg')).toBe('73.25');
      expect(rowOf(page, 'cfg_200').get('SEA Avg')).toBe('42.75');
    });
    expect((await get('/experiments/exp_dev/')).status).toBe(404);
    // The restarted server still follows the result files.
    write(checkpoint(200), seahelm(44.5, 30.25));
    await eventually('/experiments/exp_live/', (page) => {
      expect(rowOf(page, 'cfg_200').get('Indonesian')).toBe('44.50');
    });
  });
});
