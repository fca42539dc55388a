/**
 * The built sample site in a real browser: every page type loads without console errors or
 * failed requests, and names that look like markup are shown as text and never run.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIL, evilSite } from './fixtures.ts';
import { PROJECT, TEST_EPOCH, buildSite, launch, open, serve, type Server } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the bundled sample site', () => {
  let server: Server;
  let dist: string;
  beforeAll(async () => {
    dist = buildSite(path.join(PROJECT, 'leaderboard.config.yaml'));
    server = await serve(dist);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('gives the same bytes when built again from the same inputs, the build date from SOURCE_DATE_EPOCH', () => {
    const again = buildSite(path.join(PROJECT, 'leaderboard.config.yaml'));
    try {
      const files = (root: string) =>
        (fs.readdirSync(root, { recursive: true }) as string[])
          .filter((name) => fs.statSync(path.join(root, name)).isFile())
          .sort();
      const names = files(dist);
      expect(files(again)).toEqual(names);
      expect(names.length).toBeGreaterThan(20);
      const differing = names.filter(
        (name) =>
          !fs.readFileSync(path.join(dist, name)).equals(fs.readFileSync(path.join(again, name))),
      );
      expect(differing).toEqual([]);
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const built = new Date(TEST_EPOCH * 1000).toISOString().slice(0, 10);
    expect(index).toContain(`Built <time datetime="${built}">${built}</time>`);
  });

  const pages = [
    '/',
    '/experiments/exp_datamix/',
    '/experiments/exp_lr_gbs/',
    '/hero-runs/hero_8b/',
    '/compare/',
  ];
  for (const page of pages) {
    it(`loads ${page} without errors`, async () => {
      const opened = await open(browser, server.origin + page);
      await opened.page.waitForTimeout(300);
      expect(opened.problems).toEqual([]);
      await opened.page.close();
    });
  }

  it('links every run from the index and offers the CSV reports', async () => {
    const { page } = await open(browser, server.origin + '/');
    const hrefs = await page
      .locator('main a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining(['/experiments/exp_datamix/', '/hero-runs/hero_8b/', '/compare/']),
    );
    expect(fs.existsSync(path.join(dist, 'reports/exp_datamix/lang_report.csv'))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'reports/merged/missing_report.csv'))).toBe(true);
    // Every report of every run is linked, and each link resolves.
    const reports = hrefs.filter((href): href is string => href?.startsWith('/reports/') ?? false);
    for (const folder of ['merged', 'exp_datamix', 'exp_lr_gbs', 'hero_8b']) {
      for (const name of ['lang', 'competency', 'task', 'missing']) {
        expect(reports).toContain(`/reports/${folder}/${name}_report.csv`);
      }
    }
    for (const href of reports) expect(fs.existsSync(path.join(dist, href))).toBe(true);
    await page.close();
  });

  it("shows each run's best fully scored model on the index, not a higher partial one", () => {
    // exp_lr_gbs's highest Aggregate (LR3e-4_GBS512_04000, 33.08) is partial: that checkpoint
    // has no Malay or Burmese results. The best fully scored one is shown instead.
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const row =
      /<th scope="row"><a href="\/experiments\/exp_lr_gbs\/">exp_lr_gbs<\/a>[\s\S]*?<\/tr>/.exec(
        html,
      )?.[0];
    expect(row).toContain('LR6e-4_GBS256_06000');
    expect(row).toContain('<td>29.94</td>');
    expect(row).not.toContain('class="partial"');
  });

  it('says on the index what each SEA-HELM task column is read from', () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const list = /<details data-task-metrics[^>]*>([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    expect(list).toContain('<code>qa</code> (nlu): metric normalized_f1');
    expect(list).toContain(
      '<code>translation-en-xx</code> (nlg): metric normalized_metricx_wmt24_scores; averaged within its group translations first',
    );
  });

  it('puts the view a run page opens on first among its tabs', () => {
    const html = fs.readFileSync(path.join(dist, 'experiments/exp_datamix/index.html'), 'utf8');
    const tabs = [...html.matchAll(/<a role="tab" id="tab-([a-z]+)"[^>]*aria-selected="(\w+)"/g)];
    expect(tabs.map((m) => m[1])).toEqual([
      'overall',
      'delta',
      'competency',
      'task',
      'pareto',
      'contour',
      'inclexcl',
    ]);
    expect(tabs.map((m) => m[2])).toEqual(['true', ...Array<string>(6).fill('false')]);
  });

  it('marks the header link of the page shown, and only that one', () => {
    const current = (page: string) => {
      const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
      const header = /<header class="site"[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
      return [...header.matchAll(/<a href="([^"]*)"[^>]*aria-current="page"/g)].map((m) => m[1]);
    };
    expect(current('experiments/exp_lr_gbs')).toEqual(['/experiments/exp_lr_gbs/']);
    expect(current('hero-runs/hero_8b')).toEqual(['/hero-runs/hero_8b/']);
    expect(current('compare')).toEqual(['/compare/']);
    expect(current('writeups/data-mix-decision')).toEqual(['/writeups/']);
    expect(current('')).toEqual([]);
  });

  it('explains the marks of the tables, the badges only where rows have them', () => {
    const key = (page: string) => {
      const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
      const list = /<ul class="muted table-key"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      return [...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]?.split(':')[0]);
    };
    // hero_8b has a --limit run and a baseline; exp_datamix no --limit run.
    expect(key('hero-runs/hero_8b')).toEqual([
      '* partial',
      '– no value',
      'LIMIT',
      'shaded',
      'why a value is partial or empty',
    ]);
    expect(key('experiments/exp_datamix')).toEqual([
      '* partial',
      '– no value',
      'shaded',
      'why a value is partial or empty',
    ]);
    // The comparison's table may show any row of any run.
    expect(key('compare')).toEqual(key('hero-runs/hero_8b'));
  });

  it('shows numbers in the HTML before any script runs', async () => {
    const html = fs.readFileSync(path.join(dist, 'experiments/exp_datamix/index.html'), 'utf8');
    const firstModelRow = /<th scope="row">n4-g8-en_ratio[^<]*<\/th>(<td[^>]*>[^<]*<\/td>)+/.exec(
      html,
    );
    expect(firstModelRow?.[0]).toMatch(/\d+\.\d\d/);
  });
});

describe('names that look like markup', () => {
  let server: Server;
  let dist: string;
  beforeAll(async () => {
    dist = buildSite(evilSite());
    server = await serve(dist);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it("get a site without the sample's write-up, and /writeups/ says why", () => {
    const html = fs.readFileSync(path.join(dist, 'writeups', 'index.html'), 'utf8');
    const text = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(
      'No write-ups for this config: 1 write-up in src/content/writeups/ names another config in its frontmatter.',
    );
  });

  it('are shown literally on every page and run no script', async () => {
    const index = await open(browser, server.origin + '/');
    const runLink = index.page.locator('main table a').first();
    expect(await runLink.textContent()).toBe(EVIL);
    const runHref = await runLink.getAttribute('href');
    expect(await index.page.title()).toContain(EVIL);
    // A configured section: a closed accordion, its texts as text.
    const section = index.page.locator('details.site-section');
    expect(await section.count()).toBe(1);
    expect(await section.getAttribute('open')).toBeNull();
    expect(await section.locator('summary').textContent()).toBe(`Notes ${EVIL}`);
    expect(await section.locator('p').allTextContents()).toEqual([`First ${EVIL}`, 'Second']);
    expect(await section.locator('a').textContent()).toBe(`Link ${EVIL}`);
    for (const url of [
      server.origin + '/',
      server.origin + (runHref ?? ''),
      server.origin + '/compare/',
    ]) {
      const opened = await open(browser, url);
      await opened.page.waitForTimeout(500);
      expect(opened.alerts).toEqual([]);
      expect(opened.problems).toEqual([]);
      expect(await opened.page.locator('img').count()).toBe(0);
      expect(await opened.page.locator('body').innerText()).toContain(EVIL);
      await opened.page.close();
    }
    await index.page.close();
  });

  it('link their CSV reports at addresses with nothing to decode, which every server finds', () => {
    // Vite's preview server (--port, npm run preview) decodes no %3D ('='), so a link to the
    // folder named by the run key was never found there.
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const runPage = /<a href="(\/experiments\/[^"]*)"/.exec(index)?.[1] ?? '';
    const pages = [index, fs.readFileSync(path.join(dist, runPage, 'index.html'), 'utf8')];
    const hrefs = pages.flatMap((html) =>
      [...html.matchAll(/href="(\/reports\/[^"]*)"/g)].map((m) => m[1] ?? ''),
    );
    // The merged reports and the run's on the index, the run's on its page.
    expect(hrefs).toHaveLength(12);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/reports\/[\w.~-]+\/[a-z]+_report\.csv$/);
      expect(fs.existsSync(path.join(dist, href))).toBe(true);
    }
    const own = hrefs.find((href) => href.endsWith('/lang_report.csv') && !href.includes('merged'));
    const rows = fs.readFileSync(path.join(dist, own ?? ''), 'utf8').split('\n');
    expect(rows[1]?.startsWith(`${EVIL}_1000,`)).toBe(true);
  });
});

describe('published under a sub-path', () => {
  let server: Server;
  let dist: string;
  beforeAll(async () => {
    dist = buildSite(path.join(PROJECT, 'leaderboard.config.yaml'), '/lb/');
    server = await serve(dist, '/lb/');
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('keeps every link and asset working', async () => {
    const { page, problems } = await open(browser, `${server.origin}/lb/`);
    const hrefs = await page
      .locator('a[href^="/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(3);
    expect(hrefs.filter((href) => !href.startsWith('/lb/'))).toEqual([]);
    await page.locator('main table a').first().click();
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    expect(page.url()).toContain('/lb/experiments/');
    expect(problems).toEqual([]);
    await page.close();
  });
});
