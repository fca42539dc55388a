/**
 * The score tables' layout in a real browser as the window's width changes: a table switches
 * between a phone's layout and a wider window's when the window crosses 640 px (a phone turned
 * sideways, a window resized), keeping what the reader set; and a long run key is shown whole on
 * the comparison page.
 */

import type { Page, ViewportSize } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LONG_CONFIG, LONG_RUN_KEY, longRunKey, wideNames } from './fixtures.ts';
import { clickInTable, open, useFixtureSite, useSampleSite } from './harness.ts';

const site = useSampleSite();

const PORTRAIT = { width: 360, height: 740 };
const LANDSCAPE = { width: 740, height: 360 };

/**
 * What a table shows: its columns in view (the frozen ones with their widths and headers), the
 * sort, its rows in order (their frozen cells and heights), the current cell, the line above the
 * table, the search, the count of rows and the body's scroll. Hidden elements are left out.
 */
function tableState(page: Page, scope: string) {
  return page.locator(scope).evaluate((root) => {
    const table = root.querySelector<HTMLElement>('.tabulator');
    const body = table?.querySelector<HTMLElement>('.tabulator-tableholder');
    if (table == null || body == null) throw new Error('no table');
    const shown = (el: Element) => el.getClientRects().length > 0;
    const field = (el: Element) => el.getAttribute('tabulator-field') ?? '';
    const frozen = (el: Element) => el.classList.contains('tabulator-frozen');
    const heads = [...table.querySelectorAll('.tabulator-header .tabulator-col')].filter(shown);
    const rows = [...body.querySelectorAll<HTMLElement>('.tabulator-row')].filter(shown);
    const nameOf = (row: Element) => {
      const model = row.querySelector('.model-name')?.textContent ?? '';
      const run = row.querySelector('[tabulator-field="run"], .model-run');
      return run === null ? model : `${run.textContent ?? ''} ${model}`;
    };
    const bodyTop = body.getBoundingClientRect().top + body.clientTop;
    const top = rows.find((row) => row.getBoundingClientRect().bottom > bodyTop + 0.5);
    const current = body.querySelector('[aria-current="true"]');
    const row = current?.closest('.tabulator-row');
    return {
      frozen: heads.filter(frozen).map((col) => ({
        field: field(col),
        width: col.getBoundingClientRect().width,
        header: col.querySelector('.col-title')?.textContent ?? '',
        tooltip: col.querySelector('.col-title')?.getAttribute('title') ?? '',
      })),
      values: heads.filter((col) => !frozen(col)).map(field),
      sort: heads
        .filter((col) => (col.getAttribute('aria-sort') ?? 'none') !== 'none')
        .map((col) => `${field(col)} ${col.getAttribute('aria-sort') ?? ''}`),
      rows: rows.map((row) => ({
        name: nameOf(row),
        height: row.getBoundingClientRect().height,
        cells: [...row.querySelectorAll<HTMLElement>('.tabulator-frozen')]
          .filter(shown)
          .map((cell) => ({
            field: field(cell),
            model: cell.querySelector('.model-name')?.textContent ?? null,
            run: cell.querySelector('.model-run')?.textContent ?? null,
            text: cell.textContent,
            title: cell.title,
            cut: cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight,
          })),
      })),
      current: current == null || row == null ? null : `${nameOf(row)} ${field(current)}`,
      line: root.querySelector('.cell-detail')?.textContent ?? '',
      search: root.querySelector<HTMLInputElement>('input[type="search"]')?.value ?? '',
      count: root.querySelector('.row-count')?.textContent ?? '',
      scroll: { top: body.scrollTop, left: body.scrollLeft },
      /** The first row in view, and how far its top is from the body's. */
      top: top === undefined ? null : [nameOf(top), top.getBoundingClientRect().top - bodyTop],
    };
  });
}

type TableState = Awaited<ReturnType<typeof tableState>>;

/** The frozen columns and the rows' frozen cells by name, as a page opened at `viewport` has them. */
async function builtLayout(url: string, scope: string, ready: string, viewport: ViewportSize) {
  const { page, problems } = await open(site.browser, url, { viewport });
  await page.waitForSelector(ready);
  const state = await tableState(page, scope);
  expect(problems).toEqual([]);
  await page.close();
  return layoutOf(state);
}

/** A table's layout, whatever the rows' order: frozen columns, and each row's frozen cells. */
function layoutOf(state: TableState) {
  const rows = [...state.rows].sort((a, b) => a.name.localeCompare(b.name));
  return {
    frozen: state.frozen,
    rows: rows.map(({ name, height, cells }) => ({ name, height, cells })),
  };
}

/**
 * Scrolls a table's rows down to the fifth (not to their end in either layout), and waits until
 * it is the first row in view, at the body's top: returns that first row, as tableState says it.
 */
async function scrollToFifthRow(page: Page, scope: string) {
  await page.locator(`${scope} .tabulator-tableholder`).evaluate((el) => {
    const row = el.querySelectorAll<HTMLElement>('.tabulator-row')[4];
    el.scrollTop = row?.offsetTop ?? 0;
  });
  await expect.poll(async () => (await tableState(page, scope)).top?.[1]).toBe(0);
  return (await tableState(page, scope)).top;
}

describe('Comparison, the window turned across 640 px', () => {
  // Three runs' models; the search keeps two of them.
  const picked = [
    ['exp_datamix', 'n4-g8-en_ratio0.35-cc_ratio0.3_4000'],
    ['hero_8b', 'hero_8b_20000'],
    ['exp_lr_gbs', 'LR1e-4-GBS64_08000'],
  ] as const;
  const url = () =>
    `${site.origin}/compare/?models=${picked.map(([run, model]) => `${run}:${model}`).join(',')}`;
  const scope = 'lb-compare';
  const ready = 'lb-compare[data-ready="true"]';

  it('switches between the phone layout and the wide one, keeping the sort, search, hidden column, current cell and scroll', async () => {
    const phone = await builtLayout(url(), scope, ready, PORTRAIT);
    const wide = await builtLayout(url(), scope, ready, LANDSCAPE);
    expect(phone.frozen.map((col) => [col.field, col.width])).toEqual([['model', 170]]);
    expect(wide.frozen.map((col) => col.field)).toEqual(['run', 'model']);
    expect(wide.frozen[0]?.width).toBe(140);

    const { page, problems } = await open(site.browser, url(), { viewport: PORTRAIT });
    await page.waitForSelector(ready);
    const root = page.locator(scope);
    // Sorted by SEA Avg (best first), Thai hidden, a search that leaves two of the three rows.
    await clickInTable(root.locator('.tabulator-col[tabulator-field="v.0"] .col-title'));
    await root.locator('summary', { hasText: 'Columns' }).click();
    await root.locator('label.check', { hasText: 'Thai' }).locator('input').uncheck();
    await page.keyboard.press('Escape');
    await root.locator('input[type="search"]').fill('n4-g8;hero');
    await expect.poll(() => root.locator('.row-count').textContent()).toBe('2 of 3 rows');
    await page.waitForSelector(ready);
    // A current cell in the second row, and the body scrolled sideways.
    const second = root.locator('.tabulator-row').nth(1);
    await clickInTable(second.locator('[tabulator-field="v.2"]'));
    await root.locator('.tabulator-tableholder').evaluate((body) => (body.scrollLeft = 150));
    await expect.poll(async () => (await tableState(page, scope)).scroll.left).toBe(150);
    const before = await tableState(page, scope);
    expect(before.line).toMatch(
      /^n4-g8-en_ratio0\.35-cc_ratio0\.3_4000 \(exp_datamix\) · Vietnamese: /,
    );
    expect(before.current).toBe('exp_datamix n4-g8-en_ratio0.35-cc_ratio0.3_4000 v.2');
    expect(before.values).not.toContain('v.3');
    expect(before.sort).toEqual(['v.0 descending']);

    for (const [viewport, layout] of [
      [LANDSCAPE, wide],
      [PORTRAIT, phone],
      [LANDSCAPE, wide],
    ] as const) {
      await page.setViewportSize(viewport);
      await expect
        .poll(async () => (await tableState(page, scope)).frozen.map((col) => col.field))
        .toEqual(layout.frozen.map((col) => col.field));
      const now = await tableState(page, scope);
      // Laid out as a page opened at this size, row by row (each row's name, run and height).
      expect(now.frozen).toEqual(layout.frozen);
      const kept = layout.rows.filter((row) => now.rows.some((r) => r.name === row.name));
      expect(layoutOf(now).rows).toEqual(kept);
      // What the reader set is kept.
      expect(now.rows.map((row) => row.name)).toEqual(before.rows.map((row) => row.name));
      for (const key of ['values', 'sort', 'current', 'line', 'search', 'count'] as const) {
        expect(now[key]).toEqual(before[key]);
      }
      expect(now.scroll.left).toBe(before.scroll.left);
      expect(
        await root.locator('label.check', { hasText: 'Thai' }).locator('input').isChecked(),
      ).toBe(false);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a sort by run on the model column, where the run is, while the Run column is hidden', async () => {
    const { page, problems } = await open(site.browser, url(), { viewport: LANDSCAPE });
    await page.waitForSelector(ready);
    const root = page.locator(scope);
    const header = (field: string) =>
      root.locator(`.tabulator-col[tabulator-field="${field}"] .col-title`);
    const sorted = async () => {
      const state = await tableState(page, scope);
      const model = state.frozen.find((col) => col.field === 'model');
      return {
        sort: state.sort,
        model: [model?.header, model?.tooltip],
        rows: state.rows.map((row) => row.name),
      };
    };
    for (const [dir, aria] of [
      ['asc', 'ascending'],
      ['desc', 'descending'],
    ] as const) {
      await clickInTable(header('run'));
      await expect.poll(async () => (await sorted()).sort).toEqual([`run ${aria}`]);
      const wide = await sorted();
      expect(wide.model).toEqual(['Model', 'Model']);
      const runs = wide.rows.map((name) => name.split(' ')[0] ?? '');
      expect(runs).toEqual([...runs].sort((a, b) => (dir === 'asc' ? 1 : -1) * a.localeCompare(b)));
      // On a phone the same order, the model column's header saying it is sorted by run.
      await page.setViewportSize(PORTRAIT);
      await expect.poll(async () => (await sorted()).sort).toEqual([`model ${aria}`]);
      expect(await sorted()).toEqual({
        sort: [`model ${aria}`],
        model: [
          'Modelrun · sorted by run',
          'Model, with its run below; the rows are sorted by run',
        ],
        rows: wide.rows,
      });
      await page.setViewportSize(LANDSCAPE);
      await expect.poll(sorted).toEqual(wide);
    }
    // On a phone, a click on the model's header sorts by model, as in a wide window.
    await page.setViewportSize(PORTRAIT);
    await expect.poll(async () => (await sorted()).sort).toEqual(['model descending']);
    await clickInTable(header('model'));
    await expect.poll(async () => (await sorted()).sort).toEqual(['model ascending']);
    const byModel = await sorted();
    expect(byModel.model).toEqual(['Modelrun', 'Model, with its run below']);
    const models = byModel.rows.map((name) => name.split(' ').slice(1).join(' ').toLowerCase());
    expect(models).toEqual([...models].sort((a, b) => a.localeCompare(b)));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes the layout of the window it is shown in again after a time with no model picked', async () => {
    const [run, model] = picked[0];
    const one = `${site.origin}/compare/?models=${run}:${model}`;
    const phone = await builtLayout(one, scope, ready, PORTRAIT);
    const wide = await builtLayout(one, scope, ready, LANDSCAPE);
    const { page, problems } = await open(site.browser, url(), { viewport: PORTRAIT });
    await page.waitForSelector(ready);
    // Every model removed (the table hidden), the phone turned, one model picked again.
    for (const [viewport, layout] of [
      [LANDSCAPE, wide],
      [PORTRAIT, phone],
    ] as const) {
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await page.waitForSelector(ready);
      await page.setViewportSize(viewport);
      await page.locator('lb-compare input[role="combobox"]').fill(model);
      await page.locator('lb-compare [role="option"]').first().click();
      await page.waitForSelector(ready);
      await expect.poll(async () => layoutOf(await tableState(page, scope))).toEqual(layout);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('A run page, the window resized across 640 px', () => {
  const url = (view: string) => `${site.origin}/experiments/exp_lr_gbs/?view=${view}`;
  const panel = (view: string) => `[data-panel="${view}"]`;
  const ready = (view: string) => `[data-panel="${view}"][data-ready="true"]`;
  const DESKTOP = { width: 1000, height: 800 };

  it('sizes the model column as a page opened at that width does, in the tab shown and in one hidden meanwhile, and keeps the first row in view', async () => {
    const built = async (view: string, viewport: ViewportSize) =>
      builtLayout(url(view), panel(view), ready(view), viewport);
    const phone = {
      overall: await built('overall', PORTRAIT),
      competency: await built('competency', PORTRAIT),
    };
    const wide = {
      overall: await built('overall', DESKTOP),
      competency: await built('competency', DESKTOP),
    };
    expect(phone.overall.frozen.map((col) => col.width)).toEqual([170]);
    expect(wide.overall.frozen[0]?.width).toBeGreaterThan(170);

    // Both tables built on a phone, Competency hidden while the window changes.
    const { page, problems } = await open(site.browser, url('competency'), { viewport: PORTRAIT });
    await page.waitForSelector(ready('competency'));
    const show = async (view: string) => {
      await page.locator(`[role="tab"][data-tab="${view}"]`).click();
      await page.waitForSelector(ready(view));
    };
    await show('overall');
    const switched = async (view: 'overall' | 'competency', layout: typeof phone.overall) => {
      await expect.poll(async () => layoutOf(await tableState(page, panel(view)))).toEqual(layout);
    };
    await page.setViewportSize(DESKTOP);
    await switched('overall', wide.overall);
    await show('competency');
    await switched('competency', wide.competency);
    await page.setViewportSize(PORTRAIT);
    await switched('competency', phone.competency);
    await show('overall');
    await switched('overall', phone.overall);

    // The rows scrolled down to the fifth: it stays the first row in view, at the body's top.
    const first = await scrollToFifthRow(page, panel('overall'));
    for (const [viewport, width] of [
      [DESKTOP, wide.overall.frozen[0]?.width],
      [PORTRAIT, 170],
    ] as const) {
      await page.setViewportSize(viewport);
      await expect
        .poll(async () => (await tableState(page, panel('overall'))).frozen[0]?.width)
        .toBe(width);
      expect((await tableState(page, panel('overall'))).top).toEqual(first);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the first row in view of a table whose tab was hidden while the window crossed the line', async () => {
    const { page, problems } = await open(site.browser, url('overall'), { viewport: DESKTOP });
    await page.waitForSelector(ready('overall'));
    const wide = await tableState(page, panel('overall'));
    const first = await scrollToFifthRow(page, panel('overall'));
    for (const viewport of [PORTRAIT, DESKTOP]) {
      // Overall hidden behind Competency while the window crosses 640 px, then shown again.
      await page.locator('[role="tab"][data-tab="competency"]').click();
      await page.waitForSelector(ready('competency'));
      await page.setViewportSize(viewport);
      await page.locator('[role="tab"][data-tab="overall"]').click();
      await page.waitForSelector(ready('overall'));
      const width = viewport === PORTRAIT ? 170 : wide.frozen[0]?.width;
      await expect
        .poll(async () => (await tableState(page, panel('overall'))).frozen[0]?.width)
        .toBe(width);
      await expect.poll(async () => (await tableState(page, panel('overall'))).top).toEqual(first);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('A run page turned while the page is scrolled down a table', () => {
  // Delta, whose page goes on below its first table: the page can be scrolled down the table.
  const url = () => `${site.origin}/experiments/exp_lr_gbs/?view=delta`;
  const ready = '[data-panel="delta"][data-ready="true"]';
  const body = '[data-panel="delta"] .tabulator-tableholder:visible';

  /**
   * The first row seen whole below the table's header (which sticks under the line), the current
   * cell's row, and where the window shows the table: each row by its name and its top.
   */
  /**
   * Where the rows are once the page has settled after a scroll or keys (the sticky header and a
   * reveal follow for some frames): read until two reads two frames apart agree.
   */
  const settledRows = async (page: Page) => {
    let last = await rowsInSight(page);
    for (let i = 0; i < 100; i++) {
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const now = await rowsInSight(page);
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    throw new Error('the rows never settled');
  };
  const rowsInSight = (page: Page) =>
    page
      .locator(body)
      .first()
      .evaluate((el) => {
        const table = el.closest('.tabulator');
        const header = table?.querySelector('.tabulator-header')?.getBoundingClientRect();
        if (table == null || header === undefined) throw new Error('no table');
        const rows = [...el.querySelectorAll<HTMLElement>('.tabulator-row')];
        const name = (row: Element | null | undefined) =>
          row?.querySelector('.model-name')?.textContent ?? null;
        const place = (row: Element | null | undefined) => {
          const box = row?.getBoundingClientRect();
          return box === undefined ? null : { name: name(row), top: box.top, bottom: box.bottom };
        };
        const sightTop = Math.max(header.bottom, 0);
        return {
          first: place(rows.find((row) => row.getBoundingClientRect().top >= sightTop - 0.5)),
          current: place(el.querySelector('[aria-current="true"]')?.closest('.tabulator-row')),
          headerBottom: header.bottom,
          tableBottom: table.getBoundingClientRect().bottom,
          windowHeight: window.innerHeight,
        };
      });

  /**
   * Opens the page at each end of a phone's turn, portrait and landscape, and runs `check` with
   * the sizes the window then takes: turned, then back.
   */
  async function onEachTurn(
    check: (page: Page, turns: readonly ViewportSize[]) => Promise<void>,
  ): Promise<void> {
    for (const [start, turned] of [
      [PORTRAIT, LANDSCAPE],
      [LANDSCAPE, PORTRAIT],
    ] as const) {
      const { page, problems } = await open(site.browser, url(), { viewport: start });
      await page.waitForSelector(ready);
      await check(page, [turned, start]);
      expect(problems).toEqual([]);
      await page.close();
    }
  }

  it('keeps the row at the top of the window in place as a phone is turned, either way', async () => {
    await onEachTurn(async (page, turns) => {
      // The page scrolled down the table, its middle rows in view under the stuck header.
      await page
        .locator(body)
        .first()
        .evaluate((el) => {
          const top = el.getBoundingClientRect().top + window.scrollY;
          window.scrollTo({ top: top + 0.4 * el.clientHeight, behavior: 'instant' });
        });
      let before = await settledRows(page);
      expect(before.headerBottom).toBeLessThan(before.first?.top ?? 0);
      const name = before.first?.name;
      // Each turn keeps the place the row had before it.
      for (const viewport of turns) {
        await page.setViewportSize(viewport);
        // The same row back at about the same place (a px of rounding), under the stuck header.
        await expect
          .poll(async () => {
            const now = await rowsInSight(page);
            const top = now.first?.top ?? Number.NaN;
            return { name: now.first?.name, near: Math.abs(top - (before.first?.top ?? 0)) <= 2 };
          })
          .toEqual({ name, near: true });
        before = await rowsInSight(page);
      }
    });
  });

  it('keeps the current cell in place as a phone is turned while the table has the focus', async () => {
    await onEachTurn(async (page, turns) => {
      // The eighth row's first value made current from the keyboard, which scrolls it into view.
      await page.locator(body).first().focus();
      for (const key of ['Control+Home', ...Array<string>(7).fill('ArrowDown')]) {
        await page.keyboard.press(key);
      }
      let before = await settledRows(page);
      expect(before.current?.name).toBeTruthy();
      // Each turn keeps the place the row had before it.
      for (const viewport of turns) {
        await page.setViewportSize(viewport);
        await expect
          .poll(async () => {
            const now = await rowsInSight(page);
            const { top, bottom } = now.current ?? { top: Number.NaN, bottom: Number.NaN };
            // Where it was, kept under the line and header and whole above the window's bottom.
            const was = before.current?.top ?? 0;
            const place = Math.max(
              now.headerBottom,
              Math.min(was, now.windowHeight - (bottom - top)),
            );
            const below = Math.min(now.windowHeight, now.tableBottom) + 0.5;
            return {
              name: now.current?.name,
              shown: top >= now.headerBottom - 0.5 && bottom <= below,
              near: Math.abs(top - place) <= 2,
            };
          })
          .toEqual({ name: before.current?.name, shown: true, near: true });
        before = await rowsInSight(page);
      }
    });
  });
});

describe('Comparison, a run key of 60 characters', () => {
  const fixture = useFixtureSite(longRunKey);

  it('shows the whole key in its Run cell, wrapped, in a wide window as on a phone', async () => {
    const picked = [
      [LONG_RUN_KEY, 'n4-g8-en_ratio0.35-cc_ratio0.3_4000'],
      ['exp_lr_gbs', 'LR1e-4-GBS64_08000'],
    ];
    const models = picked.map(([run, model]) => `${run}:${model}`).join(',');
    const url = `${fixture.origin()}/compare/?models=${models}`;
    const { page, problems } = await open(site.browser, url, {
      viewport: { width: 1280, height: 800 },
    });
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const wide = await tableState(page, 'lb-compare');
    // The Run column keeps its width; the key wraps in it, whole, as its tooltip names it.
    expect(wide.frozen.map((col) => col.field)).toEqual(['run', 'model']);
    expect(wide.frozen[0]?.width).toBe(140);
    const runs = wide.rows.map((row) => row.cells.find((cell) => cell.field === 'run'));
    expect(runs.map((cell) => cell?.text).sort()).toEqual([LONG_RUN_KEY, 'exp_lr_gbs']);
    for (const cell of runs) {
      expect(cell?.cut).toBe(false);
      expect(cell?.title).toBe(cell?.text);
    }
    // On a phone, under the model's name.
    await page.setViewportSize(PORTRAIT);
    await expect
      .poll(async () => (await tableState(page, 'lb-compare')).frozen.map((col) => col.field))
      .toEqual(['model']);
    const phone = await tableState(page, 'lb-compare');
    expect(phone.rows.map((row) => row.cells[0]?.run).sort()).toEqual([LONG_RUN_KEY, 'exp_lr_gbs']);
    for (const row of phone.rows) expect(row.cells[0]?.cut).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('One line between a phone and a wider window, for the tables and the rest of the page', () => {
  it('gives the page the phone styles exactly where the tables take the phone layout', async () => {
    const url = `${site.origin}/experiments/exp_lr_gbs/?view=overall`;
    const { page, problems } = await open(site.browser, url, {
      viewport: { width: 640, height: 800 },
    });
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    // The page's phone styles: its padding, and the column menus spanning the panel.
    const looks = () =>
      page.evaluate(() => {
        const menu = document.querySelector('[data-panel="overall"] details.menu');
        const main = document.querySelector('main');
        if (menu === null || main === null) throw new Error('no menu or main');
        return {
          menu: getComputedStyle(menu).position,
          padding: getComputedStyle(main).paddingLeft,
        };
      });
    const modelWidth = () =>
      page
        .locator('[data-panel="overall"] .tabulator-col[tabulator-field="model"]')
        .evaluate((col) => col.getBoundingClientRect().width);
    const wide = await looks();
    expect(wide.menu).toBe('relative');
    expect(await modelWidth()).toBeGreaterThan(170);
    await page.setViewportSize({ width: 639, height: 800 });
    await expect.poll(modelWidth).toBe(170);
    const phone = await looks();
    expect(phone.menu).toBe('static');
    expect(phone.padding).not.toBe(wide.padding);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/**
 * The places where a header's title wraps inside a word (not after a space, a hyphen or an
 * underscore), as `Sundanes|e`, in the tables of a panel.
 */
function wordsCut(page: Page, panel: string): Promise<string[]> {
  return page.locator(`[data-panel="${panel}"]`).evaluate((root) => {
    const cuts: string[] = [];
    const range = document.createRange();
    for (const title of root.querySelectorAll<HTMLElement>('.tabulator-header .col-title')) {
      if (title.getClientRects().length === 0) continue;
      let text = '';
      let lineTop: number | null = null;
      for (const node of title.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const chars = node.textContent ?? '';
        for (let i = 0; i < chars.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = range.getBoundingClientRect().top;
          const newLine = lineTop !== null && top > lineTop + 2;
          if (newLine && !/[\s_-]$/.test(text)) cuts.push(`${text}|${chars.slice(i)}`);
          lineTop = top;
          text += chars[i];
        }
      }
    }
    return cuts;
  });
}

describe('Long language, task and model names', () => {
  const fixture = useFixtureSite(wideNames);

  it('wrap in headers between words, never inside one (Sundanes|e, safeguard_gene|ral_prompt)', async () => {
    const { page, problems } = await open(site.browser, `${fixture.origin()}/experiments/exp/`, {
      viewport: { width: 1440, height: 900 },
    });
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    expect(await wordsCut(page, 'overall')).toEqual([]);
    await page.goto(`${fixture.origin()}/experiments/exp/?view=task&lang=su`);
    await page.waitForSelector('[data-panel="task"][data-ready="true"]');
    expect(await wordsCut(page, 'task')).toEqual([]);
    // The titles are the names as they are: the break opportunities add no text.
    const titles = await page
      .locator('[data-panel="task"] .tabulator-header .col-title')
      .allTextContents();
    expect(titles).toContain('safeguard_general_prompt');
    expect(problems).toEqual([]);
    await page.close();
  });
  it('keep a long model name in a bounded column of the table shown without scripts, its caption in sight', async () => {
    const { page, problems } = await open(site.browser, `${fixture.origin()}/experiments/exp/`, {
      viewport: { width: 390, height: 800 },
      javaScriptEnabled: false,
    });
    const table = page.locator('[data-panel="overall"] [data-static-table]');
    const seen = await table.evaluate((wrap) => {
      const box = wrap.getBoundingClientRect();
      const model = wrap.querySelector('tbody th')?.getBoundingClientRect();
      const firstValue = wrap.querySelectorAll('thead th')[1]?.getBoundingClientRect();
      const caption = wrap.querySelector('caption')?.getBoundingClientRect();
      return {
        name: wrap.querySelector('tbody th')?.textContent?.trim() ?? '',
        modelWidth: model?.width ?? 0,
        valueStartsInSight: (firstValue?.left ?? Infinity) < box.right,
        captionInSight: (caption?.right ?? Infinity) <= box.right + 0.5,
      };
    });
    // The name is shown whole, wrapped: about half a phone's width, as the interactive table.
    expect(seen.name).toContain(LONG_CONFIG);
    expect(seen.modelWidth).toBeLessThanOrEqual(180);
    expect(seen.valueStartsInSight).toBe(true);
    expect(seen.captionInSight).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
