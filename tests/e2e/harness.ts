/**
 * Browser-test harness: builds the site for a config into a temp folder (a real `astro build`),
 * serves it over HTTP on 127.0.0.1, and opens pages in Debian's Chromium through
 * playwright-core, recording console errors, page errors and failed requests.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The environment for a child build: Vitest puts its own Vite variables (`BASE_URL`, `MODE`,
 * `NODE_ENV=test`, ...) into process.env, and a child Astro build must not inherit them.
 */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const skip = /^(VITE|VITEST)|^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !skip.test(key)));
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The environment of an Astro command run from the project for `configFile`. */
/** 2023-11-14T22:13:20Z, the build date of every site the tests build. */
export const TEST_EPOCH = 1_700_000_000;

export function astroEnvironment(configFile: string): NodeJS.ProcessEnv {
  return {
    ...cleanEnvironment(),
    PATH: `${path.join(PROJECT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    LEADERBOARD_CONFIG: configFile,
    ASTRO_TELEMETRY_DISABLED: '1',
    // The footer's build date, fixed: two builds of the same inputs are compared byte for byte.
    SOURCE_DATE_EPOCH: String(TEST_EPOCH),
  };
}

/** Builds the site of `configFile` under `base`; returns the output folder. */
export function buildSite(configFile: string, base = '/'): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-site-'));
  execFileSync(
    path.join(PROJECT, 'node_modules/.bin/astro'),
    ['build', '--outDir', outDir, '--silent'],
    {
      cwd: PROJECT,
      env: { ...astroEnvironment(configFile), SITE_BASE: base },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return outDir;
}

export interface SampleSite {
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>` of the server. */
  readonly origin: string;
  /** The built site's folder. */
  readonly dist: string;
}

/**
 * The bundled sample's site, built, served and opened in Chromium once for a test file, and
 * removed after it. Call it at the file's top level; its fields are there once tests run.
 */
export function useSampleSite(): SampleSite {
  let state: { browser: Browser; server: StaticServer; dist: string } | null = null;
  beforeAll(async () => {
    const dist = buildSite(path.join(PROJECT, 'leaderboard.config.yaml'));
    state = { dist, server: await serveStatic(dist), browser: await launch() };
  });
  afterAll(async () => {
    if (state === null) return;
    await state.browser.close();
    await state.server.close();
    fs.rmSync(state.dist, { recursive: true, force: true });
  });
  const ready = () => {
    if (state === null) throw new Error('the sample site is built before the first test only');
    return state;
  };
  return {
    get browser() {
      return ready().browser;
    },
    get origin() {
      return ready().server.origin;
    },
    get dist() {
      return ready().dist;
    },
  };
}

/**
 * The site of a fixture config (fixtures.ts), built and served for one describe block; the site
 * and the fixture's folder are removed after it.
 */
export function useFixtureSite(makeConfig: () => string): { origin(): string; dist(): string } {
  let config = '';
  let dist = '';
  let server: StaticServer | null = null;
  beforeAll(async () => {
    config = makeConfig();
    dist = buildSite(config);
    server = await serveStatic(dist);
  });
  afterAll(async () => {
    await server?.close();
    for (const folder of [dist, path.dirname(config)]) {
      if (folder !== '') fs.rmSync(folder, { recursive: true, force: true });
    }
  });
  return { origin: () => server?.origin ?? '', dist: () => dist };
}

/** A static server for a built site published under `base`. */
export function serve(dir: string, base = '/'): Promise<StaticServer> {
  return serveStatic(dir, base);
}

export type Server = StaticServer;

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

/** Opens `url` in a page of its own; `options` set its window (size, colour scheme) if given. */
export async function open(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const page = await browser.newPage({ acceptDownloads: true, ...options });
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

/**
 * Clicks a part of a score table (a cell, a column's title) once the table is in the window and
 * Tabulator has drawn it anew for being seen. A table out of sight when it was built (below the
 * fold, on a phone) has its rows and titles replaced by Tabulator's visibility observer when it
 * first comes into the window, a frame or more later; a click pressed before that and released
 * after it is lost, as the element pressed is gone. A new observer reports first at the next
 * frame, in the same delivery as Tabulator's report of the scroll or a later one: the click
 * waits until that delivery is over.
 */
export async function clickInTable(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await target.page().evaluate(
    () =>
      new Promise<void>((delivered) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          setTimeout(delivered, 0);
        });
        observer.observe(document.documentElement);
      }),
  );
  await target.click();
}

export const chromiumAvailable = fs.existsSync(CHROMIUM);
