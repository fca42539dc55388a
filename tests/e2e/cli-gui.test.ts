/**
 * GUI mode of the built CLI: `seahelm-leaderboard --port N` writes the reports, builds the site
 * (Astro is loaded from the sources, beside the built command) and serves it until stopped.
 */

import { spawn, spawnSync, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.ts';
import { PROJECT, cleanEnvironment, freePort } from './harness.ts';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-gui-'));
/** A write-up the failing build below adds for a moment. */
const brokenWriteup = path.join(PROJECT, 'src/content/writeups', 'zz-e2e-gui-broken.mdx');
afterAll(() => {
  fs.rmSync(temp, { recursive: true, force: true });
  fs.rmSync(brokenWriteup, { force: true });
});

interface Serving {
  /** The address the command printed. */
  readonly url: string;
  /** What the command wrote until then, standard output and error together. */
  readonly output: string;
  readonly child: ChildProcess;
  /** The exit status and signal, once it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the command from the sources on the sample, serving on a free port, from `temp`. */
async function spawnServe(
  out: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcessByStdio<null, Readable, Readable>> {
  return spawn(
    path.join(PROJECT, 'node_modules/.bin/node'),
    [
      path.join(PROJECT, 'src/cli/main.ts'),
      '--port',
      String(await freePort()),
      '--out',
      out,
      '--config',
      path.join(PROJECT, 'leaderboard.config.yaml'),
      ...args,
    ],
    { cwd: temp, env: { ...cleanEnvironment(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Starts the command (see spawnServe), and waits until it serves the site. */
async function startServing(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Serving> {
  const child = await spawnServe(fs.mkdtempSync(path.join(temp, 'reports-')), args, env);
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /leaderboard site: (http:\/\/\S+)/.exec(output);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    void exited.then(({ code }) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { url, output, child, exited };
}

describe('seahelm-leaderboard --port', () => {
  it('serves the leaderboard of the sample', async () => {
    const built = path.join(temp, 'cli');
    await buildCli(built);
    const port = await freePort();
    const out = path.join(temp, 'reports');
    // The config's own base_dir (the project's reports/) is left alone: --out replaces it.
    const ownResults = path.join(PROJECT, 'reports', 'results.json');
    const stamp = () => fs.statSync(ownResults, { throwIfNoEntry: false })?.mtimeMs ?? null;
    const before = stamp();
    const child = spawn(
      path.join(PROJECT, 'node_modules/.bin/node'),
      [
        path.join(built, 'main.js'),
        '--port',
        String(port),
        // The address is passed on to the server (the default, 127.0.0.1, is in the URL otherwise).
        '--host',
        'localhost',
        '--out',
        out,
        '--config',
        path.join(PROJECT, 'leaderboard.config.yaml'),
      ],
      {
        // Started from another folder, as a user may: the site is still built in the project.
        cwd: temp,
        env: {
          ...cleanEnvironment(),
          PATH: `${path.join(PROJECT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /leaderboard site: (http:\/\/\S+)/.exec(output);
          if (found?.[1] !== undefined) resolve(found[1]);
        });
        void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      expect(url).toBe(`http://localhost:${port}/`);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>SEA-HELM Leaderboard</title>');
      const run = await fetch(`${url}experiments/exp_datamix/`);
      expect(run.status).toBe(200);
      expect(fs.existsSync(path.join(out, 'merged', 'lang_report.csv'))).toBe(true);
      expect(stamp()).toBe(before);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    // Ctrl+C stops the server, which is the way it ends: exit 0 (the reports were written).
    expect(await exited).toBe(0);
  });

  it('says where it builds the site before the build, which prints nothing for a while', async () => {
    const serving = await startServing([]);
    try {
      // Run from another folder: the project's dist/ by its full path.
      const lines = serving.output.split('\n');
      const building = lines.indexOf(
        `leaderboard site: building it in ${path.join(PROJECT, 'dist')}…`,
      );
      expect(lines[building - 1]).toMatch(/^reports: /);
      expect(lines[building + 1]).toMatch(/^leaderboard site: http:/);
    } finally {
      serving.child.kill('SIGINT');
    }
    expect(await serving.exited).toEqual({ code: 0, signal: null });
  });

  it('stops serving on SIGTERM as on Ctrl+C, with exit status 0', async () => {
    const serving = await startServing([]);
    try {
      expect((await fetch(serving.url)).status).toBe(200);
    } finally {
      serving.child.kill('SIGTERM');
    }
    // Not 143: the server was stopped, and that is how serving ends.
    expect(await serving.exited).toEqual({ code: 0, signal: null });
  });

  it('answers at the machine name it prints for --host 0.0.0.0', async () => {
    const serving = await startServing(['--host', '0.0.0.0']);
    try {
      const { hostname, port } = new URL(serving.url);
      expect(hostname).toBe(os.hostname().toLowerCase());
      // Asked as another machine of the network asks, by name (a browser sends it in lower case).
      const status = await new Promise<number | undefined>((resolve, reject) => {
        http
          .get(
            { host: '127.0.0.1', port, path: '/', headers: { host: `${hostname}:${port}` } },
            (response) => {
              response.resume();
              resolve(response.statusCode);
            },
          )
          .on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      serving.child.kill('SIGINT');
    }
    expect(await serving.exited).toEqual({ code: 0, signal: null });
  });

  it('prints the address of a site built under a sub-path (SITE_BASE)', async () => {
    const serving = await startServing([], { SITE_BASE: '/lb/' });
    try {
      expect(new URL(serving.url).pathname).toBe('/lb/');
      const page = await fetch(serving.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('href="/lb/experiments/exp_datamix/"');
    } finally {
      serving.child.kill('SIGINT');
    }
    expect(await serving.exited).toEqual({ code: 0, signal: null });
  });

  it('names the site folder it was building when stopped, run from another folder', async () => {
    const out = path.join(temp, 'reports-stopped');
    const child = await spawnServe(out);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // The summary comes once the reports are written, right before the build (some seconds).
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\nreports: ')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    // Not `dist/`, which would be a folder of the working folder.
    expect(stderr).toBe(
      `seahelm-leaderboard: stopped by SIGINT; the reports in reports-stopped are written; the site in ${path.join(PROJECT, 'dist')} is incomplete\n`,
    );
  });

  it('says the site build failed, after writing the reports, when a write-up is wrong', async () => {
    const built = path.join(temp, 'cli-broken');
    await buildCli(built);
    const out = path.join(temp, 'reports-broken');
    fs.writeFileSync(brokenWriteup, '---\ntitle: Broken\n---\n\n<ParetoPlot run="exp_x" />\n');
    try {
      const run = spawnSync(
        path.join(PROJECT, 'node_modules/.bin/node'),
        [path.join(built, 'main.js'), '--port', String(await freePort()), '--out', out],
        {
          cwd: PROJECT,
          env: {
            ...cleanEnvironment(),
            PATH: `${path.join(PROJECT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
          },
          encoding: 'utf8',
          // Were the build to pass, the site would be served until stopped.
          timeout: 120_000,
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'seahelm-leaderboard: the site build failed (the reports are written): src/content/writeups/zz-e2e-gui-broken.mdx: <ParetoPlot run="exp_x">: no run \'exp_x\'',
      );
      expect(run.stderr).not.toContain('internal error');
      expect(fs.existsSync(path.join(out, 'results.json'))).toBe(true);
    } finally {
      fs.rmSync(brokenWriteup, { force: true });
    }
  });
});
