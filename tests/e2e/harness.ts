/**
 * Browser-test harness: builds the site for a config into a temp folder (a real `astro build`),
 * serves it over HTTP on 127.0.0.1, and opens pages in Debian's Chromium through
 * playwright-core, recording console errors, page errors and failed requests.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Builds the site of `configFile` under `base`; returns the output folder. */
export function buildSite(configFile: string, base = '/'): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-site-'));
  execFileSync(
    path.join(PROJECT, 'node_modules/.bin/astro'),
    ['build', '--outDir', outDir, '--silent'],
    {
      cwd: PROJECT,
      env: {
        ...process.env,
        PATH: `${path.join(PROJECT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
        LEADERBOARD_CONFIG: configFile,
        SITE_BASE: base,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return outDir;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface Server {
  readonly origin: string;
  close(): Promise<void>;
}

/** A static server for a built site published under `base`. */
export function serve(dir: string, base = '/'): Promise<Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    let file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors, uncaught page errors and 4xx/5xx responses (favicon excepted). */
  readonly problems: string[];
  /** Messages of `alert()` dialogs (a script-injection test fails on any). */
  readonly alerts: string[];
}

export async function open(browser: Browser, url: string): Promise<OpenedPage> {
  const page = await browser.newPage({ acceptDownloads: true });
  const problems: string[] = [];
  const alerts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, alerts };
}

export const chromiumAvailable = fs.existsSync(CHROMIUM);
