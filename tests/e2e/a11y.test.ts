/**
 * Accessibility of the built sample site in a real browser, in the light and the dark theme:
 * axe-core's WCAG 2.2 A/AA and best-practice rules on every kind of page and every run view,
 * and, inside the charts (which axe does not judge), text at 4.5:1 and lines and points at 3:1
 * against what they are drawn on.
 */

import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_SCALE } from '../../src/lib/charts/svg.ts';
import { contrastRatio } from '../helpers/contrast.ts';
import { useSampleSite } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VIEWS = ['overall', 'competency', 'task', 'pareto', 'contour', 'delta', 'inclexcl'];
const COMPARE = '/compare/?models=exp_lr_gbs:LR3e-4_GBS512_04000,hero_8b:hero_8b_20000';

const site = useSampleSite();

type Theme = 'light' | 'dark';

/** The page in a theme (the toggle's stored choice and the system's), once it is drawn. */
async function openIn(theme: Theme, url: string, width = 1280): Promise<Page> {
  const context = await site.browser.newContext({
    colorScheme: theme,
    viewport: { width, height: 900 },
  });
  await context.addInitScript((stored: string) => localStorage.setItem('theme', stored), theme);
  const page = await context.newPage();
  await page.goto(`${site.origin}${url}`, { waitUntil: 'load' });
  const view = new URL(url, 'http://x').searchParams.get('view');
  if (view !== null) await page.waitForSelector(`[data-panel="${view}"][data-ready="true"]`);
  if (url.startsWith('/compare/?')) await page.waitForSelector('lb-compare[data-ready="true"]');
  // Charts shown are drawn (some load or redraw in the browser).
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('lb-chart')]
      .filter((chart) => chart.offsetParent !== null)
      .every((chart) => chart.dataset['ready'] !== 'false'),
  );
  return page;
}

/** axe's violations, one line per rule with the elements it names. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    type Result = {
      violations: { id: string; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<Result> } })
      .axe;
    const result = await axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
  }, TAGS);
}

/**
 * Chart text below 4.5:1 and series lines and points below 3:1, against the page or, for text
 * in a heatmap cell, the cell. Contour labels are left out: they sit on the coloured bands with
 * a halo of their own.
 */
async function chartContrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const channel = (c: number) =>
      c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
    const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
      0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
    };
    const page = rgb(getComputedStyle(document.body).backgroundColor);
    const shown = (el: Element) => el.getClientRects().length > 0;
    const problems = new Set<string>();
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
      if (!shown(svg)) continue;
      const chart = svg.dataset['chart'] ?? '';
      for (const text of svg.querySelectorAll('text')) {
        if (!shown(text) || text.closest('.line-labels, .legend-off') !== null) continue;
        const cell = text.closest('g.cell')?.querySelector('rect');
        const back = cell ? rgb(getComputedStyle(cell).fill) : page;
        const r = ratio(rgb(getComputedStyle(text).fill), back);
        if (r < 4.5) problems.add(`${chart} text "${text.textContent ?? ''}" ${r.toFixed(2)}:1`);
      }
      for (const mark of svg.querySelectorAll('g.series path, .mark:not(g), g.reference path')) {
        if (!shown(mark)) continue;
        const style = getComputedStyle(mark);
        const colour = style.stroke !== 'none' ? style.stroke : style.fill;
        const r = ratio(rgb(colour), page);
        if (r < 3) problems.add(`${chart} ${mark.tagName} ${colour} ${r.toFixed(2)}:1`);
      }
    }
    return [...problems];
  });
}

const PAGES = [
  '/',
  '/writeups/',
  '/writeups/data-mix-decision/',
  COMPARE,
  // No model picked, columns hidden: the note naming them and its Show all columns button.
  '/compare/?hide=th,en',
  ...VIEWS.map((view) => `/experiments/exp_lr_gbs/?view=${view}`),
  '/hero-runs/hero_8b/?view=overall',
  '/hero-runs/hero_8b/?view=competency',
];

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (theme) => {
  it.each(PAGES)('%s', async (url) => {
    const page = await openIn(theme, url);
    expect(await axeViolations(page)).toEqual([]);
    expect(await chartContrastProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('says whether the dark theme is on, and switches it', async () => {
    const page = await openIn(theme, '/');
    const toggle = page.locator('#theme-toggle');
    expect(await toggle.getAttribute('aria-label')).toBe('Dark theme');
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(theme === 'dark'));
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe(String(theme !== 'dark'));
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(
      theme === 'dark' ? 'light' : 'dark',
    );
    await page.context().close();
  });

  it('a table whose search leaves no row', async () => {
    const page = await openIn(theme, '/experiments/exp_lr_gbs/?view=overall');
    await page.locator('[data-panel="overall"] input[type="search"]').fill('no such model');
    const placeholder = page.locator('[data-panel="overall"] .tabulator-placeholder');
    expect(await placeholder.innerText()).toBe('No models match the search and filters.');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a table's current cell, moved from the keyboard: axe, and its ring at 3:1 or more", async () => {
    const page = await openIn(theme, '/experiments/exp_lr_gbs/?view=overall');
    await page.locator('[data-panel="overall"] .tabulator-tableholder').focus();
    // The last row's last value: a baseline's, on its shaded row.
    await page.keyboard.press('Control+End');
    const cell = page.locator('[data-panel="overall"] [aria-current="true"]');
    // A row the table had not drawn is marked once Tabulator draws it, a frame or more later.
    await expect.poll(() => cell.count(), { timeout: 5_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The accent ring against the ring of the page's colour inside it and the row outside it.
    const colours = await cell.evaluate((el) => {
      const style = getComputedStyle(el);
      const row = el.closest('.tabulator-row');
      return {
        ring: style.outlineColor,
        // The inner ring is an inset shadow: its colour comes first in the computed value.
        inner: style.boxShadow,
        row: row === null ? '' : getComputedStyle(row).backgroundColor,
        baseline: row?.classList.contains('baseline') ?? false,
      };
    });
    const ratios = {
      baseline: colours.baseline,
      inside: contrastRatio(colours.ring, colours.inner),
      outside: contrastRatio(colours.ring, colours.row),
    };
    expect(ratios.baseline).toBe(true);
    expect(ratios.inside).toBeGreaterThanOrEqual(3);
    expect(ratios.outside).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  it('a run page on a phone', async () => {
    const page = await openIn(theme, '/experiments/exp_lr_gbs/?view=overall', 390);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the comparison on a phone, each run under its model (a baseline row among them)', async () => {
    const baseline = 'exp_lr_gbs:BASELINE_experiments_qwen3-4b_00000';
    const page = await openIn(theme, `${COMPARE},${baseline}`, 360);
    expect(await page.locator('lb-compare .model-run').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('announcements', () => {
  /** Rendered (so in the accessibility tree), though it may be empty and have no height. */
  const rendered = (page: Page, selector: string) =>
    page.evaluate((css) => document.querySelector(css)?.checkVisibility() ?? false, selector);

  it('announces the note that hiding a language adds: its live region is there before it', async () => {
    const page = await openIn('light', '/experiments/exp_lr_gbs/?view=overall');
    const region = '[data-panel="overall"] [role="status"]:has(p.note)';
    // A change inside a region that is not rendered at the time is not announced.
    expect(await rendered(page, region)).toBe(true);
    const panel = page.locator('[data-panel="overall"]');
    await panel.locator('summary', { hasText: 'Columns' }).click();
    await panel.locator('label.check', { hasText: 'Thai' }).locator('input').uncheck();
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    expect(await page.locator(`${region} p.note`).innerText()).toMatch(/hidden languages: Thai/);
    await page.context().close();
  });

  it("the comparison's note on SEA languages is in a live region there before it", async () => {
    const page = await openIn('light', '/compare/?models=exp_lr_gbs:LR3e-4_GBS512_04000');
    const region = '[role="status"]:has([data-sea-languages-note])';
    expect(await rendered(page, region)).toBe(true);
    expect(await page.locator('[data-sea-languages-note]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('small screens and zoom', () => {
  it('a toolbar menu opened on a tablet stays inside the window', async () => {
    const page = await openIn('light', '/hero-runs/hero_8b/?view=overall', 768);
    const panel = page.locator('[data-panel="overall"]');
    await panel.locator('summary', { hasText: 'Filter by range' }).click();
    const body = panel.locator('details[open] > .menu-body');
    await body.locator('input').first().waitFor();
    const box = await body.boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await page.context().close();
  });

  it.each([
    ['a phone', 360],
    ['a desktop', 1280],
  ])('chart text measures 11 px or more on screen on %s', async (_, width) => {
    const pages = [
      '/hero-runs/hero_8b/?view=overall',
      '/experiments/exp_lr_gbs/?view=pareto',
      '/experiments/exp_lr_gbs/?view=contour',
      '/experiments/exp_lr_gbs/?view=delta',
      COMPARE,
    ];
    for (const url of pages) {
      const page = await openIn('light', url, width);
      const smallest = await page.evaluate(() => {
        const sizes: string[] = [];
        for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
          if (svg.getClientRects().length === 0) continue;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          for (const text of svg.querySelectorAll('text')) {
            if (text.getClientRects().length === 0) continue;
            const px = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
            sizes.push(
              `${px.toFixed(2)} ${svg.dataset['chart'] ?? ''} "${text.textContent ?? ''}"`,
            );
          }
        }
        return sizes.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))[0] ?? null;
      });
      expect(smallest, url).not.toBeNull();
      expect(
        Number.parseFloat(smallest ?? '0'),
        `${url}: ${smallest ?? ''}`,
      ).toBeGreaterThanOrEqual(11);
      await page.context().close();
    }
  });

  it('a wide chart on a phone keeps its text readable and scrolls sideways', async () => {
    const page = await openIn('light', '/experiments/exp_lr_gbs/?view=delta', 360);
    const heatmap = page.locator('svg.chart[data-chart="delta-heatmap"]');
    await heatmap.waitFor();
    // Shown at no less than MIN_SCALE of its width (rounded up to a whole pixel).
    const scale = await heatmap.evaluate(
      (svg: SVGSVGElement) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
    );
    expect(scale).toBeGreaterThanOrEqual(MIN_SCALE);
    // The chart's box scrolls, not the page.
    const canvasScrolls = await heatmap.evaluate((svg) => {
      const canvas = svg.parentElement;
      return canvas !== null && canvas.scrollWidth > canvas.clientWidth;
    });
    expect(canvasScrolls).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await page.context().close();
  });

  it('without JavaScript, a chart on a phone keeps its text readable too', async () => {
    const context = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/writeups/data-mix-decision/`, { waitUntil: 'load' });
    const heatmap = page.locator('svg.chart[data-chart="delta-heatmap"]');
    const scale = await heatmap.evaluate(
      (svg: SVGSVGElement) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
    );
    expect(scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await context.close();
  });

  it("a write-up's wide chart takes the room beside the text column rather than scroll", async () => {
    const page = await openIn('light', '/writeups/data-mix-decision/', 1280);
    const heatmap = page.locator('svg.chart[data-chart="delta-heatmap"]');
    await heatmap.waitFor();
    const fit = await heatmap.evaluate((svg: SVGSVGElement) => {
      const canvas = svg.parentElement;
      return {
        scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
        scrolls: canvas !== null && canvas.scrollWidth > canvas.clientWidth,
      };
    });
    expect(fit).toEqual({ scale: 1, scrolls: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await page.context().close();
  });
});
