/**
 * The charts in a real browser, on the built sample site: Pareto (axes and checkpoint) and
 * contour pickers redraw the chart and keep their state in the URL, log toggles, the hero-run
 * legend hides a line (mouse and keyboard), tooltips, the delta heatmap, the comparison scatter, the write-up page with
 * every component; and a wrong prop in a write-up fails the build naming the file and the prop.
 */

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_WRITEUP, removeBrokenWriteup, writeupFailure } from './build-failure.ts';
import { open, useSampleSite } from './harness.ts';

const site = useSampleSite();

async function openView(url: string, view: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await open(site.browser, `${site.origin}${url}`);
  await opened.page.waitForSelector(`[data-panel="${view}"][data-ready="true"]`);
  return opened;
}

const chartTitle = (page: Page, scope: string) =>
  page.locator(`${scope} svg.chart > title`).first().textContent();

const search = (page: Page) => new URL(page.url()).searchParams;

/**
 * Opens `url` with the chart builder chunk `chunk` held back until `release` is called, as on a
 * slow network: choices made meanwhile all wait for it.
 */
async function openHeld(url: string, chunk: RegExp): Promise<{ page: Page; release: () => void }> {
  const page = await site.browser.newPage();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(chunk, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.origin}${url}`, { waitUntil: 'load' });
  return { page, release };
}

describe('Pareto', () => {
  it('shows the axes chosen last, not a choice taken back while its builder was loading', async () => {
    const chunk = /\/pareto\.[^/]*\.js$/;
    const { page, release } = await openHeld('/experiments/exp_datamix/?view=pareto', chunk);
    const panel = '[data-panel="pareto"]';
    await page.waitForSelector(`${panel}[data-ready="true"]`);
    // Another x axis (its drawing waits for the builder), then the build's one again.
    await page.locator(`${panel} select`).first().selectOption('id_nlu');
    await page.locator(`${panel} select`).first().selectOption('sea_total');
    await page.waitForSelector(`${panel}[data-ready="true"]`);
    const loaded = page.waitForResponse(chunk);
    release();
    // The builder arrives (and would draw at once): the chart stays the build's.
    await loaded;
    await page.waitForTimeout(300);
    expect(await chartTitle(page, panel)).toBe('Pareto front: English vs SEA Avg');
    expect(search(page).get('x')).toBe('sea_total');
    expect(await page.locator(panel).getAttribute('data-ready')).toBe('true');
    await page.close();
  });

  it('redraws the chart and updates the URL when the pickers change', async () => {
    const { page, problems } = await openView('/experiments/exp_datamix/?view=pareto', 'pareto');
    const panel = '[data-panel="pareto"]';
    expect(await chartTitle(page, panel)).toBe('Pareto front: English vs SEA Avg');
    expect(search(page).get('x')).toBe('sea_total');
    await page.locator(`${panel} select`).first().selectOption('id_nlu');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-panel="pareto"] svg.chart > title')?.textContent ===
        'Pareto front: English vs Indonesian nlu',
    );
    expect(search(page).get('x')).toBe('id_nlu');
    await page.locator(`${panel} select`).nth(1).selectOption('total');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-panel="pareto"] svg.chart > title')
        ?.textContent?.startsWith('Pareto front: Aggregate'),
    );
    expect(search(page).get('y')).toBe('total');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens on the axes the URL names, with model, values and hyperparameters on hover', async () => {
    const { page, problems } = await openView(
      '/experiments/exp_datamix/?view=pareto&x=th&y=en',
      'pareto',
    );
    const panel = '[data-panel="pareto"]';
    expect(await chartTitle(page, panel)).toBe('Pareto front: English vs Thai');
    expect(await page.locator(`${panel} select`).first().inputValue()).toBe('th');
    const mark = page.locator(`${panel} svg.chart .marks.front .mark`).first();
    const model = await mark.getAttribute('data-model');
    await mark.hover();
    const tip = page.locator(`${panel} .chart-tip`);
    await tip.waitFor({ state: 'visible' });
    const text = await tip.innerText();
    expect(text).toContain(model ?? '?');
    expect(text).toMatch(/Thai: \d+\.\d\d/);
    expect(text).toMatch(/English: \d+\.\d\d/);
    expect(text).toMatch(/en_ratio = 0\.\d+/);
    expect(text).toContain('On the Pareto front');
    expect(problems).toEqual([]);
    await page.close();
  });
  it('computes the front at the checkpoint chosen, says which, and keeps it in the URL', async () => {
    const { page, problems } = await openView('/experiments/exp_datamix/?view=pareto', 'pareto');
    const panel = '[data-panel="pareto"]';
    const picker = page.locator(`${panel} select`).nth(2);
    const notes = () => page.locator(`${panel} .chart-notes`).innerText();
    const steps = () =>
      page
        .locator(`${panel} svg.chart .marks:not(.baselines) .mark`)
        .evaluateAll((marks) => [...new Set(marks.map((m) => m.getAttribute('data-step')))]);
    // The contour's default: each configuration at its latest step (3000 or 4000 here).
    expect(await picker.inputValue()).toBe('latest');
    expect(search(page).get('step')).toBeNull();
    expect(await notes()).toContain('The front is over each configuration at its latest step.');
    expect((await steps()).sort()).toEqual(['3000', '4000']);
    await picker.selectOption('3000');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-panel="pareto"] svg.chart > desc')
        ?.textContent?.includes('at step 3000'),
    );
    expect(await steps()).toEqual(['3000']);
    expect(await notes()).toContain('The front is over the configurations at step 3000.');
    expect(search(page).get('step')).toBe('3000');
    expect(await page.locator(`${panel} .marks.baselines .mark`).count()).toBe(2);
    await picker.selectOption('all');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-panel="pareto"] svg.chart > desc')
        ?.textContent?.includes('every checkpoint'),
    );
    expect((await steps()).sort()).toEqual(['1000', '2000', '3000', '4000']);
    expect(search(page).get('step')).toBe('all');
    await page.reload();
    await page.waitForSelector(`${panel}[data-ready="true"]`);
    expect(await picker.inputValue()).toBe('all');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names each legend entry with its heading, so that no two read the same', async () => {
    // Every checkpoint: at the latest steps the sample's front is one model, with no line.
    const { page } = await openView('/experiments/exp_datamix/?view=pareto&step=all', 'pareto');
    const labels = await page
      .locator('[data-panel="pareto"] g.legend-item[data-series]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(3);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Show or hide en_ratio 0.1');
    // Entries after the groups have no heading of their own.
    expect(labels).toContain('Show or hide Pareto front');
    await page.close();
  });
});

describe('Contour', () => {
  it('redraws for another metric and keeps the choices in the URL', async () => {
    const { page, problems } = await openView('/experiments/exp_lr_gbs/?view=contour', 'contour');
    const panel = '[data-panel="contour"]';
    expect(await chartTitle(page, panel)).toBe('Contour plot: Aggregate over GBS and LR');
    await page.locator(`${panel} select`).nth(2).selectOption('sea_total');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-panel="contour"] svg.chart > title')?.textContent ===
        'Contour plot: SEA Avg over GBS and LR',
    );
    expect(search(page).get('metric')).toBe('sea_total');
    expect(search(page).get('x')).toBe('GBS');
    // The default checkpoint (each configuration's latest) stays out of the address.
    expect(search(page).get('step')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads hyperparameters in any case from a link, and writes their names', async () => {
    const { page, problems } = await openView(
      '/experiments/exp_lr_gbs/?view=contour&x=lr&y=gbs',
      'contour',
    );
    // Ready once the chart of the link's settings is drawn.
    expect(await chartTitle(page, '[data-panel="contour"]')).toBe(
      'Contour plot: Aggregate over LR and GBS',
    );
    expect(await page.getByLabel('X axis').inputValue()).toBe('LR');
    expect(await page.getByLabel('Y axis').inputValue()).toBe('GBS');
    expect(search(page).get('x')).toBe('LR');
    expect(search(page).get('y')).toBe('GBS');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers the log toggles when every value is positive and applies them', async () => {
    // The sample's hyperparameters are all > 0; the disabled case is a unit test of the same
    // settings (tests/unit/site-chart-choices.test.ts).
    const { page } = await openView('/experiments/exp_lr_gbs/?view=contour&x=GBS&y=LR', 'contour');
    const panel = '[data-panel="contour"]';
    const logX = page.locator(`${panel} input[type="checkbox"][data-axis="x"]`);
    expect(await logX.isEnabled()).toBe(true);
    await logX.check();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-panel="contour"] .axis-x .axis-title')].some(
        (t) => t.textContent === 'GBS (log scale)',
      ),
    );
    expect(search(page).get('logx')).toBe('1');
    expect(await page.locator(`${panel} .field-note`).first().isVisible()).toBe(false);
    await page.close();
  });

  it('shows the builder message for a run without hyperparameters', async () => {
    const { page } = await openView('/hero-runs/hero_8b/?view=contour', 'contour');
    expect(await page.locator('[data-panel="contour"] .chart-message').innerText()).toContain(
      'at least 2 hyperparameters',
    );
    expect(await page.locator('[data-panel="contour"] select').count()).toBe(0);
    await page.close();
  });
});

describe('hero-run progress', () => {
  it('hides and shows a line from its legend entry, by click and by keyboard', async () => {
    const { page, problems } = await openView('/hero-runs/hero_8b/', 'overall');
    const chart = page.locator('[data-panel="overall"] lb-chart svg.chart');
    const line = chart.locator('g.series[data-series="th"]');
    const item = chart.locator('g.legend-item[data-series="th"]');
    expect(await line.isVisible()).toBe(true);
    await item.click();
    expect(await line.getAttribute('class')).toContain('series-hidden');
    expect(await line.isVisible()).toBe(false);
    expect(await item.getAttribute('aria-pressed')).toBe('false');
    await item.focus();
    await page.keyboard.press('Enter');
    expect(await line.isVisible()).toBe(true);
    await page.keyboard.press(' ');
    expect(await line.isVisible()).toBe(false);
    // The baseline's reference line has its own entry.
    const baseline = chart.locator('g.reference');
    expect(await baseline.getAttribute('data-series')).toBe('baseline:llama-3.1-8b');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws what the table shows while languages are hidden: without them, SEA Avg recomputed', async () => {
    const { page, problems } = await openView('/hero-runs/hero_8b/?hide=th', 'overall');
    const panel = page.locator('[data-panel="overall"]');
    const chart = panel.locator('lb-chart svg.chart');
    await expect.poll(() => chart.locator('g.series[data-series="th"]').count()).toBe(0);
    expect(await chart.locator('g.series[data-series="id"]').count()).toBe(1);
    expect(await panel.locator('lb-chart .chart-notes').innerText()).toContain(
      'The chart excludes hidden languages: Thai.',
    );
    // Each SEA Avg point is the table's recomputed SEA Avg of its checkpoint.
    const points = await chart
      .locator('g.series[data-series="sea_total"] .mark')
      .evaluateAll((marks) =>
        marks.map((m) => [m.getAttribute('data-model'), Number(m.getAttribute('data-y'))]),
      );
    expect(points.length).toBeGreaterThan(5);
    const table = await panel
      .locator('.tabulator-row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('.model-name')?.textContent ?? '',
          row.querySelector('[tabulator-field="v.0"]')?.textContent ?? '',
        ]),
      );
    const shown = new Map(table.map(([model, text]) => [model ?? '', text ?? ''] as const));
    for (const [model, y] of points) {
      expect(shown.get(String(model)), String(model)).toBe(Number(y).toFixed(2));
    }
    // Shown again: every language and the built values, as drawn at build time.
    await panel.locator('summary', { hasText: 'Columns' }).click();
    await panel.locator('label.check', { hasText: 'Thai' }).locator('input').check();
    await expect.poll(() => chart.locator('g.series[data-series="th"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows model, step and value when a point is hovered', async () => {
    const { page } = await openView('/hero-runs/hero_8b/', 'overall');
    const mark = page.locator('[data-panel="overall"] g.series[data-series="total"] .mark').last();
    await mark.hover();
    const tip = page.locator('[data-panel="overall"] .chart-tip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toMatch(/hero_8b_20000\s+Step 20000\s+Aggregate: \d+\.\d\d/);
    await page.close();
  });

  it('steps through the points from the keyboard, with their tooltips, skipping hidden lines', async () => {
    const { page, problems } = await openView('/hero-runs/hero_8b/', 'overall');
    const chart = page.locator('[data-panel="overall"] lb-chart svg.chart');
    const tip = page.locator('[data-panel="overall"] .chart-tip');
    const focused = () =>
      page.evaluate(() => {
        const mark = document.activeElement?.closest('.mark');
        const series = mark?.closest<SVGElement>('[data-series]')?.dataset['series'];
        return mark ? `${series ?? ''} ${mark.getAttribute('data-x') ?? ''}` : null;
      });
    // One Tab stop for the whole chart: its first point.
    expect(await chart.locator('.mark[tabindex="0"]').count()).toBe(1);
    const first = await chart.locator('.mark').first();
    await first.focus();
    const [series = '', firstStep = ''] = ((await focused()) ?? '').split(' ');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toContain(`Step ${firstStep}`);
    expect(await first.getAttribute('aria-label')).toContain(`Step ${firstStep}`);
    await page.keyboard.press('ArrowRight');
    const second = await focused();
    expect(second).not.toBe(`${series} ${firstStep}`);
    expect(await tip.innerText()).toContain(`Step ${second?.split(' ')[1] ?? ''}`);
    expect(await chart.locator('.mark[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(`${series} ${firstStep}`);
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    // Hiding the focused point's line passes the Tab stop to a visible point.
    await chart.locator(`g.legend-item[data-series="${series}"]`).click();
    const stop = chart.locator('.mark[tabindex="0"]');
    expect(await stop.count()).toBe(1);
    expect(await stop.isVisible()).toBe(true);
    // Stepping skips a hidden line: past the last point of the line before it, ArrowRight goes
    // to the first point of the line after it.
    const lines = await chart
      .locator('g.series[data-series]')
      .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-series') ?? ''));
    const [before = '', hidden = '', after = ''] = lines.filter((line) => line !== series);
    await chart.locator(`g.legend-item[data-series="${hidden}"]`).click();
    await chart.locator('.mark[tabindex="0"]').focus();
    await page.keyboard.press('Home'); // the first point of `before`, the first line shown
    expect(await focused()).toMatch(new RegExp(`^${before} `));
    const pointsBefore = await chart.locator(`g.series[data-series="${before}"] .mark`).count();
    for (let i = 0; i < pointsBefore; i++) await page.keyboard.press('ArrowRight');
    const firstAfter = await chart
      .locator(`g.series[data-series="${after}"] .mark`)
      .first()
      .getAttribute('data-x');
    expect(await focused()).toBe(`${after} ${firstAfter ?? ''}`);
    expect(await chart.locator('.mark[tabindex="0"]').count()).toBe(1);
    // End: the chart's last point shown.
    const last = await chart.evaluate((svg) => {
      const shown = [...svg.querySelectorAll('.mark')].filter(
        (mark) => mark.closest('.series-hidden') === null,
      );
      const mark = shown.at(-1);
      const line = mark?.closest<SVGElement>('[data-series]')?.dataset['series'] ?? '';
      return `${line} ${mark?.getAttribute('data-x') ?? ''}`;
    });
    expect(last).not.toBe(await focused());
    await page.keyboard.press('End');
    expect(await focused()).toBe(last);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('picks the competency chart language, in step with the table tabs and the URL', async () => {
    const { page, problems } = await openView('/hero-runs/hero_8b/?view=competency', 'competency');
    const panel = page.locator('[data-panel="competency"]');
    await panel.locator('[data-progress] select').selectOption('th');
    const thai = panel.locator('lb-chart[data-lang="th"]');
    await thai.locator('svg.chart').waitFor({ state: 'visible' });
    expect(await thai.locator('svg.chart > title').textContent()).toBe(
      'Thai competency scores by training step',
    );
    expect(await panel.locator('lb-chart[data-lang="id"]').isVisible()).toBe(false);
    expect(search(page).get('lang')).toBe('th');
    expect(await panel.locator('.subtabs [aria-selected="true"]').innerText()).toBe('Thai');
    await panel.locator('.subtabs [role="tab"]', { hasText: 'Tamil' }).click();
    expect(await panel.locator('[data-progress] select').inputValue()).toBe('ta');
    await panel.locator('lb-chart[data-lang="ta"] svg.chart').waitFor({ state: 'visible' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists the notes of a chart fetched from its file (they were dropped: English's --limit step)", async () => {
    const { page, problems } = await openView('/hero-runs/hero_8b/?view=competency', 'competency');
    const panel = page.locator('[data-panel="competency"]');
    await panel.locator('[data-progress] select').selectOption('en');
    const english = panel.locator('lb-chart[data-lang="en"]');
    await english.locator('svg.chart').waitFor({ state: 'visible' });
    const notes = english.locator('.chart-notes');
    expect(await notes.isVisible()).toBe(true);
    expect(await notes.innerText()).toContain('Step 2000: an lm-eval --limit run');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a chart file that cannot be fetched', () => {
  it("says so in place of the chart, not with the server's answer", async () => {
    const page = await site.browser.newPage();
    await page.route(/\/progress-[^/]*\.svg$/, (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
    );
    await page.goto(`${site.origin}/hero-runs/hero_8b/?view=competency`, { waitUntil: 'load' });
    await page.waitForSelector('[data-panel="competency"][data-ready="true"]');
    const panel = page.locator('[data-panel="competency"]');
    await panel.locator('[data-progress] select').selectOption('th');
    await expect
      .poll(() => panel.locator('lb-chart[data-lang="th"] .chart-message').textContent())
      .toBe('This chart could not be loaded.');
    await page.close();
  });
});

describe('delta heatmap', () => {
  it('draws one model against the reference and follows the model picker', async () => {
    const { page, problems } = await openView('/experiments/exp_datamix/?view=delta', 'delta');
    const host = page.locator('[data-panel="delta"] lb-chart[data-heatmap]');
    await host.locator('svg.chart').waitFor({ state: 'visible' });
    expect(await host.locator('svg.chart > title').textContent()).toBe(
      'n4-g8-en_ratio0.1-cc_ratio0.3_1000 minus BASELINE_experiments_gemma-3-4b_00000 by language and competency',
    );
    await host
      .locator('xpath=..')
      .locator('select')
      .selectOption('n4-g8-en_ratio0.35-cc_ratio0.3_4000');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-heatmap] svg.chart > title')
        ?.textContent?.startsWith('n4-g8-en_ratio0.35-cc_ratio0.3_4000 minus'),
    );
    expect(search(page).get('model')).toBe('n4-g8-en_ratio0.35-cc_ratio0.3_4000');
    // Only the chosen model's heatmap exists.
    expect(await page.locator('svg.chart-delta-heatmap').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps through the cells from the keyboard: Right along a row, Down the same column', async () => {
    const { page, problems } = await openView('/experiments/exp_datamix/?view=delta', 'delta');
    const host = page.locator('[data-panel="delta"] lb-chart[data-heatmap]');
    await host.locator('svg.chart').waitFor({ state: 'visible' });
    const focused = () =>
      page.evaluate(() => {
        const mark = document.activeElement?.closest<SVGElement>('.mark');
        return mark ? { x: mark.dataset['x'] ?? '', y: mark.dataset['y'] ?? '' } : null;
      });
    await host.locator('.mark[tabindex="0"]').focus();
    const first = await focused();
    expect(first).not.toBeNull();
    await page.keyboard.press('ArrowDown');
    const below = await focused();
    expect(below?.x).toBe(first?.x);
    expect(below?.y).not.toBe(first?.y);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toEqual(first);
    await page.keyboard.press('ArrowRight');
    const right = await focused();
    expect(right?.y).toBe(first?.y);
    expect(right?.x).not.toBe(first?.x);
    const tip = page.locator('[data-panel="delta"] [data-heatmap] .chart-tip');
    expect(await tip.innerText()).toContain(`${right?.y ?? ''} · ${right?.x ?? ''}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('comparison scatter', () => {
  it('shows the selection made last, not one taken back while its builder was loading', async () => {
    const { page, release } = await openHeld('/compare/', /\/scatter\.[^/]*\.js$/);
    const chart = page.locator('[data-scatter] lb-chart');
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const built = await chart.getAttribute('data-settings');
    // A model picked (its drawing waits for the builder), then removed again.
    await page.locator('lb-compare input[role="combobox"]').fill('hero_8b_20000');
    await page.locator('lb-compare [role="option"]').first().click();
    expect(search(page).get('models')).toBe('hero_8b:hero_8b_20000');
    await page.locator('lb-compare .chips button').first().click();
    expect(search(page).get('models')).toBeNull();
    // The page is ready once the drawing that waited is done: the chart stays the build's, no
    // model highlighted.
    release();
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(await chart.getAttribute('data-ready')).toBe('true');
    expect(await chart.getAttribute('data-settings')).toBe(built);
    expect(await chart.locator('[data-selected="1"]').count()).toBe(0);
    await page.close();
  });

  it('highlights the selected models and follows the axis pickers', async () => {
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=hero_8b:hero_8b_20000`,
    );
    const chart = page.locator('[data-scatter] lb-chart');
    await page.waitForSelector('[data-scatter] svg.chart [data-selected="1"]');
    expect(
      await chart
        .locator('[data-selected="1"]')
        .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-model'))),
    ).toEqual(['hero_8b_20000']);
    await page.locator('[data-scatter] select').first().selectOption('en');
    await page.waitForFunction(
      () => document.querySelector('[data-scatter] .axis-x .axis-title')?.textContent === 'English',
    );
    expect(search(page).get('x')).toBe('en');
    expect(search(page).get('models')).toBe('hero_8b:hero_8b_20000');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('write-ups', () => {
  it('render every component of the sample write-up without errors', async () => {
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/writeups/data-mix-decision/`,
    );
    await page.waitForTimeout(300);
    expect(await page.locator('h1').innerText()).toBe('Choosing the data mix for the 8B hero run');
    const kinds = await page
      .locator('article svg.chart')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('data-chart')));
    expect(kinds.sort()).toEqual(['contour', 'delta-heatmap', 'pareto', 'progress', 'scatter']);
    expect(await page.locator('article table.data').count()).toBe(1);
    expect(await page.locator('article .chart-message').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('are listed from the header and the index', async () => {
    const { page } = await open(site.browser, `${site.origin}/`);
    expect(await page.locator('header nav a', { hasText: 'Write-ups' }).getAttribute('href')).toBe(
      '/writeups/',
    );
    expect(
      await page.locator('main a', { hasText: 'Choosing the data mix' }).getAttribute('href'),
    ).toBe('/writeups/data-mix-decision/');
    await page.close();
  });

  it.each([
    [
      'names a run that does not exist',
      '<ParetoPlot run="exp_x" />',
      `<ParetoPlot run="exp_x">: no run 'exp_x' (runs: exp_datamix, exp_lr_gbs, hero_8b)`,
    ],
    [
      'has a prop it does not know (a misspelt one)',
      '<LeaderboardTable run="exp_datamix" sortt="SEA Avg" />',
      `<LeaderboardTable sortt="SEA Avg">: unknown prop 'sortt' (props: run, view, lang, sort, limit, caption)`,
    ],
    [
      'compares a model with itself (a heatmap of zeros)',
      '<DeltaHeatmap run="exp_datamix" model="n4-g8-en_ratio0.35-cc_ratio0.3_4000" reference="n4-g8-en_ratio0.35-cc_ratio0.3_4000" />',
      `<DeltaHeatmap reference="n4-g8-en_ratio0.35-cc_ratio0.3_4000">: 'reference' must differ from 'model' (both are n4-g8-en_ratio0.35-cc_ratio0.3_4000)`,
    ],
    [
      'draws the progress of an experiment (the chart is for hero runs)',
      '<ProgressChart run="exp_datamix" />',
      `<ProgressChart run="exp_datamix">: ProgressChart draws a hero run by training step; 'exp_datamix' is an experiment`,
    ],
  ])('fail the build when a component %s', (_what, body, message) => {
    expect(writeupFailure(body)).toContain(`src/content/writeups/${BROKEN_WRITEUP}: ${message}`);
  });
});

afterAll(removeBrokenWriteup);
