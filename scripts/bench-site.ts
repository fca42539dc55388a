/**
 * Site budgets (issue #3), measured in one run and printed beside each budget:
 *   - the bundled sample's site builds in under 15 s;
 *   - a synthetic site of 100 runs x 50 checkpoints builds in under 60 s, peak RSS under 2 GB;
 *   - a run page with 200 models transfers at most 150 KB gzip (HTML, JS, CSS), JS at most 90 KB;
 *   - in Chromium a 5,000-row table is usable within 500 ms of load, and a competency toggle
 *     updates every row within 100 ms;
 *   - chart JavaScript (issue #4) is at most 40 KB gzip per page: every chunk the page can load
 *     only through a dynamic import (the chart builders and the views that draw with them), plus
 *     the chart host script (`chart-interact`, `Chart.astro`).
 *
 * Usage: npm run bench:site -- [--runs 100] [--checkpoints 50] [--skip-browser] [--keep]
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeSiteTree } from './synth/site-tree.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/.bin/astro');

interface BuildFigures {
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly outDir: string;
}

/** `astro build` of a config into a temp folder, timed, with the child's peak RSS. */
function buildSite(configFile: string): BuildFigures {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-bench-site-'));
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const command = timeBin ?? ASTRO;
  const args = [...(timeBin ? ['-f', '%M', ASTRO] : []), 'build', '--outDir', outDir, '--silent'];
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      LEADERBOARD_CONFIG: configFile,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`astro build failed:\n${child.stderr}`);
  const kb = timeBin ? Number(/(\d+)\s*$/.exec(child.stderr.trim())?.[1]) : Number.NaN;
  return { seconds, peakRssMb: Number.isFinite(kb) ? kb / 1024 : null, outDir };
}

/** The JS files reachable from `start`, following static imports and, if asked, dynamic ones. */
function reachable(outDir: string, start: readonly string[], dynamic: boolean): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  // Rolldown writes dynamic imports with template literals: import(`./x.js`).
  const pattern = dynamic
    ? /(?:from|import)\s*\(?\s*["'`](\.\/[^"'`]+\.js)["'`]/g
    : /(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g;
  while (queue.length > 0) {
    const asset = queue.pop() ?? '';
    const code = fs.readFileSync(path.join(outDir, asset), 'utf8');
    for (const match of code.matchAll(pattern)) {
      const next = path.posix.join(path.posix.dirname(asset), match[1] ?? '');
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * gzip bytes of a page's HTML, of the JS and CSS it loads at once (static imports followed), of
 * the JS it may load later (dynamic imports: views and chart builders loaded when a tab opens),
 * and of its chart JS: the dynamically loaded JS plus the chart host script.
 */
function pageWeight(
  outDir: string,
  pagePath: string,
): { html: number; js: number; lazyJs: number; css: number; chartJs: number } {
  const html = fs.readFileSync(path.join(outDir, pagePath));
  const text = html.toString('utf8');
  const linked: string[] = [];
  for (const match of text.matchAll(/(?:src|href)="(?:\/[^"]*?)?(\/_astro\/[^"]+\.(?:js|css))"/g)) {
    if (match[1]) linked.push(match[1]);
  }
  const scripts = linked.filter((a) => a.endsWith('.js'));
  const all = reachable(outDir, scripts, true);
  const eager = reachable(outDir, scripts, false);
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(outDir, file))).length;
  let js = 0;
  let lazyJs = 0;
  let chartJs = 0;
  for (const asset of all) {
    const bytes = gz(asset);
    if (eager.has(asset)) js += bytes;
    else lazyJs += bytes;
    const name = path.posix.basename(asset);
    if (!eager.has(asset) || /^(chart-interact|Chart\.astro)/.test(name)) chartJs += bytes;
  }
  const css = [...new Set(linked.filter((a) => a.endsWith('.css')))].reduce((n, a) => n + gz(a), 0);
  return { html: gzipSync(html).length, js, lazyJs, css, chartJs };
}

function line(label: string, value: string, budget: string, ok: boolean | null): void {
  const verdict = ok === null ? '' : ok ? '  ok' : '  OVER BUDGET';
  process.stdout.write(
    `${label.padEnd(46)} ${value.padStart(12)}   (budget ${budget})${verdict}\n`,
  );
}

async function browserFigures(outDir: string, pagePath: string) {
  const { chromium } = await import('playwright-core');
  const { serveStatic } = await import('./static-server.ts');
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    // Record the moment the Overall table marks itself ready, from inside the page.
    await page.addInitScript(() => {
      new MutationObserver((_changes, observer) => {
        const panel = document.querySelector('[data-panel="overall"][data-ready="true"]');
        if (panel === null) return;
        (window as unknown as { readyAt: number }).readyAt = performance.now();
        observer.disconnect();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    await page.goto(`${server.origin}/${pagePath}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]', { timeout: 30_000 });
    // Usable = ready, counted from the load event (0 when it was ready before load).
    const usable = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      const readyAt = (window as unknown as { readyAt: number }).readyAt;
      return Math.max(0, readyAt - (navigation?.loadEventEnd ?? 0));
    });
    await page.goto(`${server.origin}/${pagePath}?view=inclexcl`, { waitUntil: 'load' });
    await page.waitForSelector('[data-panel="inclexcl"][data-ready="true"]', { timeout: 30_000 });
    // Incl/Excl marks itself not ready while it recomputes, and records how long every row took.
    // Five toggles (two boxes, on and off), median reported: one toggle alone is at the mercy of
    // JIT warm-up and of whatever else the machine is doing.
    const panel = page.locator('[data-panel="inclexcl"]');
    const boxes = panel.locator('input[type="checkbox"]');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await boxes.nth(i % 2).click();
      await page.waitForSelector('[data-panel="inclexcl"][data-ready="true"]', { timeout: 30_000 });
      times.push(Number(await panel.getAttribute('data-recompute-ms')));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const toggle = sorted.length === 0 ? null : (sorted[Math.floor(sorted.length / 2)] ?? null);
    return { usable, toggle };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '100' },
      checkpoints: { type: 'string', default: '50' },
      'skip-browser': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const checkpoints = Number(values.checkpoints);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-bench-site-tree-'));
  const cleanup: string[] = [temp];
  try {
    const sample = buildSite(path.join(ROOT, 'leaderboard.config.yaml'));
    cleanup.push(sample.outDir);
    line('sample site build', `${sample.seconds.toFixed(1)} s`, '< 15 s', sample.seconds < 15);
    for (const page of [
      'experiments/exp_lr_gbs/index.html',
      'hero-runs/hero_8b/index.html',
      'compare/index.html',
      'writeups/data-mix-decision/index.html',
    ]) {
      if (!fs.existsSync(path.join(sample.outDir, page))) continue;
      const { chartJs } = pageWeight(sample.outDir, page);
      line(
        `chart JS gzip: ${page.replace(/\/?index\.html$/, '/')}`,
        `${(chartJs / 1024).toFixed(1)} KB`,
        '<= 40 KB',
        chartJs / 1024 <= 40,
      );
    }

    const bigConfig = writeSiteTree(path.join(temp, 'big'), { runs, checkpoints });
    const big = buildSite(bigConfig);
    cleanup.push(big.outDir);
    line(
      `${runs} runs x ${checkpoints} checkpoints: build`,
      `${big.seconds.toFixed(1)} s`,
      '< 60 s',
      big.seconds < 60,
    );
    if (big.peakRssMb !== null) {
      line('  peak RSS', `${big.peakRssMb.toFixed(0)} MB`, '< 2048 MB', big.peakRssMb < 2048);
    }

    const wideConfig = writeSiteTree(path.join(temp, 'wide'), { runs: 1, checkpoints: 200 });
    const wide = buildSite(wideConfig);
    cleanup.push(wide.outDir);
    const weight = pageWeight(wide.outDir, 'experiments/exp000/index.html');
    const total = (weight.html + weight.js + weight.css) / 1024;
    line(
      'run page, 200 models: HTML+JS+CSS gzip',
      `${total.toFixed(1)} KB`,
      '<= 150 KB',
      total <= 150,
    );
    line(
      '  of which JS gzip',
      `${(weight.js / 1024).toFixed(1)} KB`,
      '<= 90 KB',
      weight.js / 1024 <= 90,
    );
    line(
      '  JS loaded when a chart tab opens, gzip',
      `${(weight.lazyJs / 1024).toFixed(1)} KB`,
      '-',
      null,
    );
    line(
      '  HTML gzip / CSS gzip',
      `${(weight.html / 1024).toFixed(1)} / ${(weight.css / 1024).toFixed(1)} KB`,
      '-',
      null,
    );

    if (!values['skip-browser']) {
      const tallConfig = writeSiteTree(path.join(temp, 'tall'), { runs: 1, checkpoints: 5000 });
      const tall = buildSite(tallConfig);
      cleanup.push(tall.outDir);
      const figures = await browserFigures(tall.outDir, 'experiments/exp000/');
      line(
        '5,000-row table usable after the load event',
        `${figures.usable.toFixed(0)} ms`,
        '< 500 ms',
        figures.usable < 500,
      );
      if (figures.toggle !== null) {
        line(
          'competency toggle, every row updated (median of 5)',
          `${figures.toggle.toFixed(0)} ms`,
          '< 100 ms',
          figures.toggle < 100,
        );
      }
    }
  } finally {
    if (!values.keep) for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
    else process.stdout.write(`kept: ${cleanup.join(' ')}\n`);
  }
}

await main();
