/**
 * The run page's views in a real browser, on the built sample site: sort, search, column
 * chooser (with SEA Avg recomputed), range filter, Incl/Excl recompute checked against values
 * computed here, delta signs and colours, and the CSV download of the current view.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDelta, formatOneDecimal, formatScore } from '../../src/lib/site/format.ts';
import type { TaskPart } from '../../src/lib/site/run-parts.ts';
import type { RunData } from '../../src/lib/site/site-data.ts';
import { contrastRatio } from '../helpers/contrast.ts';
import { EVIL, runWithBaselineOnly, runsWithoutModels } from './fixtures.ts';
import { clickInTable, open, useFixtureSite, useSampleSite } from './harness.ts';

const site = useSampleSite();
let run: RunData;
const RUN_PAGE = '/experiments/exp_lr_gbs/';

beforeAll(() => {
  run = JSON.parse(
    fs.readFileSync(path.join(site.dist, 'data/experiments/exp_lr_gbs/scores.json'), 'utf8'),
  ) as RunData;
});

const col = (id: string) => run.columns.findIndex((c) => c.id === id);
type Row = RunData['rows'][number];
const rowOf = (model: string) => {
  const row = run.rows.find((r) => r.model === model);
  if (row === undefined) throw new Error(`no row ${model}`);
  return row;
};

async function openView(
  view: string,
  query = '',
  window: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const opened = await open(site.browser, `${site.origin}${RUN_PAGE}?view=${view}${query}`, window);
  await opened.page.waitForSelector(`[data-panel="${view}"][data-ready="true"]`);
  return opened;
}

/** The comparison page with `picked` (`run:model` each) chosen, once its table is built. */
async function openComparison(
  picked: readonly string[],
  window: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const opened = await open(
    site.browser,
    `${site.origin}/compare/?models=${picked.join(',')}`,
    window,
  );
  await opened.page.waitForSelector('lb-compare[data-ready="true"]');
  return opened;
}

/** Visible rows of the panel's grid: model name and the text of one column's cells. */
async function visible(page: Page, view: string, columnId: string) {
  const panel = page.locator(`[data-panel="${view}"]`);
  return panel.locator('.tabulator-row:visible').evaluateAll(
    (rows, field) =>
      rows.map((row) => ({
        model: row.querySelector('.model-name')?.textContent ?? '',
        text: row.querySelector(`[tabulator-field="${field}"]`)?.textContent ?? '',
      })),
    `v.${col(columnId)}`,
  );
}

const number = (text: string) => (text === '–' ? null : Number(text.replace('*', '')));

/**
 * Waits until a search or filter typed into a view has been applied (it is applied after a
 * pause in the typing): some rows shown, and every one of them one that `keeps` keeps. A fixed
 * wait was too short on a loaded machine.
 */
async function applied(
  page: Page,
  view: string,
  columnId: string,
  keeps: (shown: { model: string; text: string }) => boolean,
) {
  await expect
    .poll(
      async () => {
        const shown = await visible(page, view, columnId);
        return shown.length > 0 && shown.every((row) => keeps(row));
      },
      { timeout: 5_000 },
    )
    .toBe(true);
}

/** Opens a view and clicks the first value cell of its first row (the current cell, then). */
async function openAtFirstValue(view: string, window: BrowserContextOptions) {
  const opened = await openView(view, '', window);
  const body = opened.page.locator(`[data-panel="${view}"] .tabulator-tableholder:visible`).first();
  await clickInTable(
    body.locator('.tabulator-row').first().locator('[tabulator-field^="v."]').first(),
  );
  return { ...opened, body };
}

/**
 * Tabs from the view's search box onwards, as a keyboard user would, until the table body (the
 * rows' Tab stop) has the focus; returns it.
 */
async function tabToRows(page: Page, view: string) {
  const body = page.locator(`[data-panel="${view}"] .tabulator-tableholder:visible`).first();
  await page.locator(`[data-panel="${view}"] input[type="search"]:visible`).first().focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await body.evaluate((el) => el === document.activeElement)) return body;
  }
  throw new Error('Tab never reached the table body');
}

describe('Overall', () => {
  it('sorts by a column when its header is clicked', async () => {
    const { page, problems } = await openView('overall');
    const header = page.locator(
      `[data-panel="overall"] .tabulator-col[tabulator-field="v.${col('sea_total')}"] .col-title`,
    );
    await clickInTable(header);
    const values = (await visible(page, 'overall', 'sea_total')).map((r) => number(r.text));
    const present = values.filter((v): v is number => v !== null);
    expect(present.length).toBeGreaterThan(5);
    const sorted = [...present].sort((a, b) => b - a);
    const ascending = [...present].sort((a, b) => a - b);
    expect([sorted, ascending]).toContainEqual(present);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('outlines the table body when the keyboard focuses it (Tabulator makes it a Tab stop)', async () => {
    const { page } = await openView('overall');
    const body = await tabToRows(page, 'overall');
    expect(await body.getAttribute('tabindex')).toBe('0');
    const outline = await body.evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toBe('solid 2px');
    await page.close();
  });

  it('closes a menu once the focus leaves it, so it never covers where the focus went', async () => {
    const { page } = await openView('overall');
    const menu = page.locator('[data-panel="overall"] details.menu').first();
    await menu.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab'); // into the menu: it stays open
    expect(await menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab'); // out of it, back to the search box
    expect(await menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    // Escape inside it closes it, and hands the focus back to its button.
    await menu.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await menu.locator('summary').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    // A click on text elsewhere, which moves no focus, closes it too.
    await menu.locator('summary').click();
    expect(await menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.locator('h1').click();
    expect(await menu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await page.close();
  });

  it('searches model names, with ; separating alternatives', async () => {
    const { page } = await openView('overall');
    await page
      .locator(
        '[data-panel="overall"] input[type="search"], [data-panel="overall"] input[placeholder="Search by model name"]',
      )
      .first()
      .fill('lr3e-4;GBS64');
    await applied(page, 'overall', 'sea_total', ({ model }) => /LR3e-4|GBS64/i.test(model));
    const models = (await visible(page, 'overall', 'sea_total')).map((r) => r.model);
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) expect(/LR3e-4|GBS64/i.test(model)).toBe(true);
    const expected = run.rows.filter((r) => /lr3e-4|gbs64/i.test(r.model)).length;
    expect(models.length).toBe(expected);
    await page.close();
  });

  it('says above the table why a clicked value is partial, and what an empty one lacks', async () => {
    const { page } = await openView('overall');
    const panel = page.locator('[data-panel="overall"]');
    const detail = panel.locator('.cell-detail');
    expect(await detail.textContent()).toBe('');
    // Above the table: on a phone the table fills the screen, and a line below it is out of sight.
    expect(
      await detail.evaluate((p) => p.nextElementSibling?.classList.contains('grid-table')),
    ).toBe(true);
    const partial = run.rows.find((r) => r.status[col('sea_total')] === 'p');
    const empty = run.rows.find((r) => r.values[col('ms')] === null);
    if (partial === undefined || empty === undefined) throw new Error('sample changed');
    const clickCell = async (model: string, id: string) => {
      await panel.locator('input[type="search"]').fill(model);
      await applied(page, 'overall', id, (shown) => shown.model.includes(model));
      const row = panel.locator('.tabulator-row', { hasText: model }).first();
      await clickInTable(row.locator(`[tabulator-field="v.${col(id)}"]`));
    };
    await clickCell(partial.model, 'sea_total');
    const value = partial.values[col('sea_total')]?.toFixed(2) ?? '';
    const note = partial.notes[col('sea_total')] ?? '';
    expect(note).not.toBe('');
    expect(await detail.textContent()).toBe(`${partial.model} · SEA Avg: ${value}* — ${note}`);
    await clickCell(empty.model, 'ms');
    expect(await detail.textContent()).toBe(
      `${empty.model} · Malay: – — ${empty.notes[col('ms')] ?? ''}`,
    );
    // The model's own cell says nothing new.
    await clickInTable(panel.locator('.tabulator-row .model-name').first());
    expect(await detail.textContent()).toContain(empty.model);
    await page.close();
  });

  it('hides a language with the column chooser and recomputes SEA Avg without it', async () => {
    const { page } = await openView('overall');
    await page.locator('[data-panel="overall"] summary', { hasText: 'Columns' }).click();
    await page
      .locator('[data-panel="overall"] label.check', { hasText: 'Thai' })
      .locator('input')
      .uncheck();
    // The change marks the panel not ready until SEA Avg is recomputed and the rows replaced.
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    const headers = await page
      .locator('[data-panel="overall"] .tabulator-col:visible .col-title')
      .allTextContents();
    expect(headers).not.toContain('Thai');
    expect(await page.locator('[data-panel="overall"]').innerText()).toMatch(
      /exclude hidden languages: Thai/,
    );
    // By hand: SEA Avg = mean of the row's present SEA languages other than th.
    const shown = await visible(page, 'overall', 'sea_total');
    const first = shown[0];
    if (first === undefined) throw new Error('no rows');
    const row = rowOf(first.model);
    const langs = run.columns.filter(
      (c) => c.level === 'lang' && c.lang !== null && c.lang !== 'en' && c.id !== 'th',
    );
    const present = langs
      .map((c) => row.values[col(c.id)])
      .filter((v): v is number => v !== null && v !== undefined);
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    expect(number(first.text)).toBeCloseTo(mean, 2);
    await page.close();
  });

  it('keeps hidden columns in the address, so a link opens the table as it was', async () => {
    const { page, problems } = await openView('overall');
    const panel = page.locator('[data-panel="overall"]');
    await panel.locator('summary', { hasText: 'Columns' }).click();
    await panel.locator('label.check', { hasText: 'Thai' }).locator('input').uncheck();
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    const address = page.url();
    expect(new URL(address).searchParams.get('hide')).toBe('th');
    const before = await visible(page, 'overall', 'sea_total');
    // The link, opened afresh: Thai hidden, its box unchecked, SEA Avg as recomputed.
    const opened = await open(site.browser, address);
    const linked = opened.page;
    await linked.waitForSelector('[data-panel="overall"][data-ready="true"]');
    const headers = await linked
      .locator('[data-panel="overall"] .tabulator-col:visible .col-title')
      .allTextContents();
    expect(headers).not.toContain('Thai');
    expect(headers).toContain('Malay');
    const box = linked
      .locator('[data-panel="overall"] label.check', { hasText: 'Thai' })
      .locator('input');
    expect(await box.isChecked()).toBe(false);
    expect(await linked.locator('[data-panel="overall"] p.note').innerText()).toMatch(
      /exclude hidden languages: Thai/,
    );
    expect(await visible(linked, 'overall', 'sea_total')).toEqual(before);
    // Another view's table has its own columns: the address follows the table shown.
    await linked.locator('[role="tab"][data-tab="competency"]').click();
    await linked.waitForSelector('[data-panel="competency"][data-ready="true"]');
    expect(new URL(linked.url()).searchParams.get('hide')).toBeNull();
    await linked.locator('[role="tab"][data-tab="overall"]').click();
    await expect.poll(() => new URL(linked.url()).searchParams.get('hide')).toBe('th');
    expect(problems).toEqual([]);
    expect(opened.problems).toEqual([]);
    await page.close();
    await linked.close();
  });

  it('hiding English empties Aggregate and says so, SEA Avg as built', async () => {
    const { page, problems } = await openView('overall');
    const panel = page.locator('[data-panel="overall"]');
    await panel.locator('summary', { hasText: 'Columns' }).click();
    await panel.locator('label.check', { hasText: 'English' }).locator('input').uncheck();
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    expect(await panel.locator('p.note').innerText()).toBe(
      'Aggregate is empty while English is hidden: it is (SEA Avg + English) / 2, never SEA Avg alone.',
    );
    const totals = await visible(page, 'overall', 'total');
    expect(totals.length).toBeGreaterThan(5);
    expect(new Set(totals.map((r) => r.text))).toEqual(new Set(['–']));
    for (const r of await visible(page, 'overall', 'sea_total')) {
      const built = rowOf(r.model).values[col('sea_total')] ?? null;
      if (built === null) expect(r.text).toBe('–');
      else expect(number(r.text)).toBeCloseTo(built, 2);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the filter message when a search hides every row', async () => {
    const { page } = await openView('overall');
    await page.locator('[data-panel="overall"] input[type="search"]').fill('no such model');
    const placeholder = page.locator('[data-panel="overall"] .tabulator-placeholder');
    await expect
      .poll(() => placeholder.innerText())
      .toBe('No models match the search and filters.');
    await page.close();
  });

  it('filters by a min-max range only once it is set', async () => {
    const { page } = await openView('overall');
    const before = (await visible(page, 'overall', 'sea_total')).length;
    await page.locator('[data-panel="overall"] summary', { hasText: /range/i }).click();
    await page.locator('[data-panel="overall"] input[aria-label="Minimum SEA Avg"]').fill('40');
    await applied(page, 'overall', 'sea_total', ({ text }) => (number(text) ?? -1) >= 40);
    const after = await visible(page, 'overall', 'sea_total');
    expect(after.length).toBeLessThan(before);
    for (const r of after) expect(number(r.text) ?? -1).toBeGreaterThanOrEqual(40);
    await page.close();
  });

  it('stops filtering by a range once its box is emptied, its column hidden, or the ranges cleared', async () => {
    const { page, problems } = await openView('overall');
    const panel = page.locator('[data-panel="overall"]');
    const count = () => panel.locator('.row-count').textContent();
    const total = run.rows.length;
    const all = `${total} rows`;
    expect(await count()).toBe(all);
    const ranges = panel.locator('summary', { hasText: /range/i });
    // Missing values never match a set range: emptied, the box keeps them again.
    await ranges.click();
    const malay = panel.locator('input[aria-label="Minimum Malay"]');
    await malay.fill('0');
    const withMalay = run.rows.filter((r) => r.values[col('ms')] !== null).length;
    expect(withMalay).toBeLessThan(total);
    await expect.poll(count).toBe(`${withMalay} of ${all}`);
    await malay.fill('');
    await expect.poll(count).toBe(all);
    // A range on a column hidden since does not filter; shown again, it does.
    await panel.locator('input[aria-label="Minimum SEA Avg"]').fill('40');
    const above = run.rows.filter((r) => (r.values[col('sea_total')] ?? -1) >= 40).length;
    await expect.poll(count).toBe(`${above} of ${all}`);
    const columns = panel.locator('summary', { hasText: 'Columns' });
    const seaBox = panel.locator('label.check', { hasText: 'SEA Avg' }).locator('input');
    await columns.click();
    await seaBox.uncheck();
    await expect.poll(count).toBe(all);
    await seaBox.check();
    await expect.poll(count).toBe(`${above} of ${all}`);
    await ranges.click();
    await panel.locator('button', { hasText: 'Clear ranges' }).click();
    await expect.poll(count).toBe(all);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads the current view as CSV, search applied', async () => {
    const { page } = await openView('overall');
    await page
      .locator('[data-panel="overall"] input[placeholder="Search by model name"]')
      .fill('GBS1024');
    await applied(page, 'overall', 'sea_total', ({ model }) => model.includes('GBS1024'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-panel="overall"] button', { hasText: 'Download CSV' }).click(),
    ]);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'model,SEA Avg,Indonesian,Vietnamese,Thai,Tamil,Filipino,Malay,Burmese,English,Aggregate',
    );
    const body = lines.slice(1);
    const expected = run.rows.filter((r) => r.model.includes('GBS1024'));
    expect(body.length).toBe(expected.length);
    for (const line of body) expect(line.split(',')[0]).toMatch(/GBS1024/);
    // values as in the reports: 2 decimals, missing empty
    const firstRow = rowOf(body[0]?.split(',')[0] ?? '');
    expect(body[0]?.split(',')[1]).toBe((firstRow.values[col('sea_total')] ?? 0).toFixed(2));
    await page.close();
  });
});

describe('the current cell, from the keyboard', () => {
  /**
   * The current cell of the view's table shown: how many are marked, its column and row, its
   * box and its value's, the part of the body the rows show (its client area), where the frozen
   * columns end, the body's scroll and the window's height; the box, text and background of the
   * line above the table, the header's box and the page's background.
   */
  async function currentCell(page: Page, view: string) {
    return page.locator(`[data-panel="${view}"]`).evaluate((panel) => {
      const body = [...panel.querySelectorAll<HTMLElement>('.tabulator-tableholder')].find((el) =>
        el.checkVisibility(),
      );
      if (body === undefined) throw new Error('no table body shown');
      const marked = [...body.querySelectorAll<HTMLElement>('[aria-current="true"]')];
      const cell = marked[0];
      const row = cell?.closest('.tabulator-row');
      const frozen = row?.querySelector('.tabulator-frozen-left')?.getBoundingClientRect();
      const box = cell?.getBoundingClientRect();
      const outer = body.getBoundingClientRect();
      const left = outer.left + body.clientLeft;
      const top = outer.top + body.clientTop;
      const style = cell === undefined ? null : getComputedStyle(cell);
      // The value's own box: the text of a cell wider than the room beside the frozen columns.
      const text = document.createRange();
      if (cell !== undefined) text.selectNodeContents(cell);
      const value = text.getBoundingClientRect();
      const detail = body.closest('.grid')?.querySelector<HTMLElement>('.cell-detail');
      const line = detail?.getBoundingClientRect();
      const header = body.parentElement
        ?.querySelector('.tabulator-header')
        ?.getBoundingClientRect();
      return {
        count: marked.length,
        field: cell?.getAttribute('tabulator-field') ?? '',
        model: row?.querySelector('.model-name')?.textContent ?? '',
        cell: box && { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        rows: { left, top, right: left + body.clientWidth, bottom: top + body.clientHeight },
        frozenRight: frozen?.right ?? left,
        scroll: { left: body.scrollLeft, top: body.scrollTop },
        windowHeight: window.innerHeight,
        outline: style === null ? '' : `${style.outlineStyle} ${style.outlineWidth}`,
        value: { left: value.left, right: value.right },
        line: line && { top: line.top, bottom: line.bottom },
        lineText: detail?.textContent ?? '',
        lineBackground: detail ? getComputedStyle(detail).backgroundColor : '',
        pageBackground: getComputedStyle(document.body).backgroundColor,
        header: header && { top: header.top, bottom: header.bottom },
      };
    });
  }

  type CellState = Awaited<ReturnType<typeof currentCell>>;

  /** Whether the cell is whole in the rows' part of the body, clear of the frozen columns, and on screen. */
  function onScreen({ cell, rows, frozenRight, windowHeight }: CellState): boolean {
    const slack = 0.5;
    if (cell === undefined) return false;
    return (
      cell.left >= frozenRight - slack &&
      cell.right <= rows.right + slack &&
      cell.top >= rows.top - slack &&
      cell.bottom <= rows.bottom + slack &&
      cell.top >= 0 &&
      cell.bottom <= windowHeight + slack
    );
  }

  /**
   * The current cell once a key's move is done: a cell in a row or column the table had not
   * drawn is marked, and scrolled into view, after Tabulator draws it (a frame or more later).
   * `shown` says when it is in view (by default: whole, on screen, clear of the frozen columns).
   */
  async function movedCell(
    page: Page,
    view: string,
    expected: Partial<Pick<CellState, 'count' | 'model' | 'field'>>,
    shown: (state: CellState) => boolean = onScreen,
  ): Promise<CellState> {
    await expect
      .poll(
        async () => {
          const state = await currentCell(page, view);
          const { count, model, field } = state;
          return { count, model, field, shown: shown(state) };
        },
        { timeout: 5_000 },
      )
      .toMatchObject({ ...expected, shown: true });
    return currentCell(page, view);
  }

  /** The cell is whole in the rows' part of the body, clear of the frozen columns, and on screen. */
  function expectOnScreen(state: CellState) {
    const { cell, rows } = state;
    if (cell === undefined) throw new Error('no current cell');
    const slack = 0.5;
    expect(cell.left).toBeGreaterThanOrEqual(state.frozenRight - slack);
    expect(cell.right).toBeLessThanOrEqual(rows.right + slack);
    expect(cell.top).toBeGreaterThanOrEqual(rows.top - slack);
    expect(cell.bottom).toBeLessThanOrEqual(rows.bottom + slack);
    expect(cell.top).toBeGreaterThanOrEqual(0);
    expect(cell.bottom).toBeLessThanOrEqual(state.windowHeight + slack);
  }

  /** Overall's columns, in the order the table shows them. */
  const overallColumns = () => run.columns.filter((c) => c.level === 'lang').map((c) => c.id);

  it('reaches a partial value with Tab and the arrow keys alone, says why, and scrolls to it', async () => {
    const { page, problems } = await openView('overall');
    const detail = page.locator('[data-panel="overall"] .cell-detail');
    await tabToRows(page, 'overall');
    expect(await detail.textContent()).toBe('');
    // The first key shows the current cell at the top left of the view: the first row's SEA Avg.
    await page.keyboard.press('ArrowDown');
    const first = run.rows[0];
    if (first === undefined) throw new Error('no rows');
    const seaAvg = first.values[col('sea_total')]?.toFixed(2) ?? '';
    expect(await detail.textContent()).toBe(
      `${first.model} · SEA Avg: ${seaAvg} — every input present`,
    );
    // The last row with a partial Tamil value, below the rows in view: the body has to scroll.
    const target = run.rows.findLastIndex((r) => r.status[col('ta')] === 'p');
    const row = run.rows[target];
    if (row === undefined) throw new Error('sample changed: no partial Tamil value');
    expect(target).toBeGreaterThanOrEqual(18);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < overallColumns().indexOf('ta'); i++)
      await page.keyboard.press('ArrowRight');
    const note = row.notes[col('ta')] ?? '';
    expect(note).toMatch(/partial/);
    const value = row.values[col('ta')]?.toFixed(2) ?? '';
    expect(await detail.textContent()).toBe(`${row.model} · Tamil: ${value}* — ${note}`);
    const state = await movedCell(page, 'overall', {
      count: 1,
      model: row.model,
      field: `v.${col('ta')}`,
    });
    expect(state.outline).toBe('solid 2px');
    expect(state.scroll.top).toBeGreaterThan(0);
    expectOnScreen(state);
    // The focus never left the body.
    expect(
      await page.evaluate(() =>
        document.activeElement?.classList.contains('tabulator-tableholder'),
      ),
    ).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes to the ends of a wide table with End, Home and Ctrl, scrolling clear of the model column', async () => {
    // The Delta view's Task table: every task of every language, too wide to render at once.
    const { page, problems } = await openView('delta', '&level=task');
    const panel = page.locator('[data-panel="delta"]');
    const detail = panel.locator('.cell-detail:visible');
    const rows = panel.locator('.tabulator-tableholder:visible');
    const fields = await panel
      .locator('.tabulator-col:visible[tabulator-field^="v."]')
      .evaluateAll((cols) => cols.map((c) => c.getAttribute('tabulator-field') ?? ''));
    expect(fields.length).toBeGreaterThan(40);
    // A click makes a cell current, as a key would.
    const first = run.rows[0];
    if (first === undefined) throw new Error('no rows');
    await clickInTable(
      rows
        .locator('.tabulator-row', { hasText: first.model })
        .first()
        .locator(`[tabulator-field="${fields[0] ?? ''}"]`),
    );
    expect(await detail.textContent()).toMatch(new RegExp(`^${first.model} · Indonesian `));
    expect((await currentCell(page, 'delta')).field).toBe(fields[0]);
    await page.keyboard.press('End');
    let state = await movedCell(page, 'delta', {
      count: 1,
      model: first.model,
      field: fields.at(-1) ?? '',
    });
    expect(state.scroll.left).toBeGreaterThan(0);
    expectOnScreen(state);
    expect(await detail.textContent()).toMatch(new RegExp(`^${first.model} · English `));
    await page.keyboard.press('Home');
    state = await movedCell(page, 'delta', { count: 1, field: fields[0] ?? '' });
    expect(state.scroll.left).toBe(0);
    expectOnScreen(state);
    await page.keyboard.press('Control+End');
    const last = run.rows.at(-1);
    state = await movedCell(page, 'delta', {
      count: 1,
      model: last?.model ?? '',
      field: fields.at(-1) ?? '',
    });
    expectOnScreen(state);
    await page.keyboard.press('Control+Home');
    await movedCell(page, 'delta', { count: 1, model: first.model, field: fields[0] ?? '' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leaves Alt and Meta with the arrow keys to the browser (Alt+Left goes back)', async () => {
    const { page, problems, body } = await openAtFirstValue('overall', {});
    const before = await currentCell(page, 'overall');
    expect(before.count).toBe(1);
    const taken = await body.evaluate((holder) =>
      ['altKey', 'metaKey'].flatMap((modifier) =>
        ['ArrowLeft', 'ArrowRight', 'ArrowDown'].map((key) => {
          const event = new KeyboardEvent('keydown', {
            key,
            [modifier]: true,
            bubbles: true,
            cancelable: true,
          });
          holder.dispatchEvent(event);
          return event.defaultPrevented;
        }),
      ),
    );
    expect(taken).toEqual(Array<boolean>(6).fill(false));
    const after = await currentCell(page, 'overall');
    expect([after.count, after.model, after.field, after.lineText]).toEqual([
      1,
      before.model,
      before.field,
      before.lineText,
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a cell clicked while a key still moves the view to its cell, in view and current', async () => {
    const { page, problems } = await openView('delta', '&level=task', {
      viewport: { width: 1280, height: 600 },
    });
    const panel = page.locator('[data-panel="delta"]');
    await panel.locator('.tabulator-tableholder:visible').focus();
    // Ctrl+End, then, a frame later, a click on a cell in view before the view has followed
    // the key to the last column (the reveal follows it for a few frames): the click wins.
    const clicked = await panel.locator('.tabulator-tableholder:visible').evaluate(async (body) => {
      body.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true }),
      );
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const room = body.getBoundingClientRect();
      const frozen = body.querySelector('.tabulator-frozen')?.getBoundingClientRect().right ?? 0;
      const cell = [
        ...body.querySelectorAll<HTMLElement>('.tabulator-cell[tabulator-field^="v."]'),
      ].find((c) => {
        const box = c.getBoundingClientRect();
        const inside = box.top >= room.top && box.bottom <= room.top + body.clientHeight;
        return inside && box.left >= frozen && box.right <= room.left + body.clientWidth;
      });
      cell?.click();
      const row = cell?.closest('.tabulator-row')?.querySelector('.model-name')?.textContent;
      return { field: cell?.getAttribute('tabulator-field') ?? '', model: row ?? '' };
    });
    expect(clicked.field).not.toBe('');
    // Longer than the reveal follows a key (12 frames).
    await page.waitForTimeout(600);
    const state = await currentCell(page, 'delta');
    expect([state.count, state.model, state.field]).toEqual([1, clicked.model, clicked.field]);
    expectOnScreen(state);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the rows of a wide table under their own headers when Ctrl+Home comes back from far down', async () => {
    // A window short enough that Ctrl+End scrolls the first rows out of the page: Tabulator draws
    // them again for Ctrl+Home, and resets the body's sideways scroll as it does.
    const { page, problems } = await openView('delta', '&level=task', {
      viewport: { width: 1280, height: 600 },
    });
    const panel = page.locator('[data-panel="delta"]');
    const fields = await panel
      .locator('.tabulator-col:visible[tabulator-field^="v."]')
      .evaluateAll((cols) => cols.map((c) => c.getAttribute('tabulator-field') ?? ''));
    // Its rows are a Tab stop after every header's sort button: focused straight away.
    await panel.locator('.tabulator-tableholder:visible').focus();
    await page.keyboard.press('Control+End');
    await movedCell(page, 'delta', { count: 1, field: fields.at(-1) ?? '' });
    // The first row is far enough to be out of the page: Ctrl+Home has Tabulator draw it again.
    expect(await panel.locator('.tabulator-row[data-row="0"]').count()).toBe(0);
    await page.keyboard.press('Control+Home');
    const first = run.rows[0]?.model ?? '';
    await movedCell(page, 'delta', { count: 1, model: first, field: fields[0] ?? '' });
    // Each cell drawn lies under the header of its own column (not another column's value).
    const misplaced = await panel.locator('.tabulator-tableholder:visible').evaluate((body) => {
      const table = body.closest('.tabulator');
      const headerOf = (field: string) =>
        table?.querySelector(`.tabulator-header .tabulator-col[tabulator-field="${field}"]`);
      return [...body.querySelectorAll<HTMLElement>('.tabulator-cell[tabulator-field^="v."]')]
        .filter((cell) => {
          const header = headerOf(cell.getAttribute('tabulator-field') ?? '');
          const left = header?.getBoundingClientRect().left;
          return left === undefined || Math.abs(cell.getBoundingClientRect().left - left) > 1;
        })
        .map((cell) => cell.getAttribute('tabulator-field'));
    });
    expect(misplaced).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the current cell through a sort, and brings it back from a hidden column or a search', async () => {
    const { page, problems } = await openView('overall');
    const panel = page.locator('[data-panel="overall"]');
    const detail = panel.locator('.cell-detail');
    const rows = panel.locator('.tabulator-tableholder');
    const line = (model: string, label: string, id: string) => {
      const row = rowOf(model);
      const value = row.values[col(id)];
      const partial = row.status[col(id)] === 'p' ? '*' : '';
      const note = row.notes[col(id)] ?? 'every input present';
      return `${model} · ${label}: ${value === null || value === undefined ? '–' : value.toFixed(2)}${partial} — ${note}`;
    };
    const model = run.rows[3]?.model ?? '';
    await clickInTable(
      rows
        .locator('.tabulator-row', { hasText: model })
        .locator(`[tabulator-field="v.${col('th')}"]`),
    );
    expect(await detail.textContent()).toBe(line(model, 'Thai', 'th'));
    // Sorted by SEA Avg (best first, missing last): Down goes to the row after it in that order.
    await clickInTable(
      panel.locator(`.tabulator-col[tabulator-field="v.${col('sea_total')}"] .col-title`),
    );
    const best = (seaAvg: (model: string) => number | null) => (a: Row, b: Row) =>
      (seaAvg(b.model) ?? -Infinity) - (seaAvg(a.model) ?? -Infinity);
    const sorted = [...run.rows].sort(best((m) => rowOf(m).values[col('sea_total')] ?? null));
    const next = sorted[sorted.findIndex((r) => r.model === model) + 1]?.model ?? '';
    await rows.focus();
    await page.keyboard.press('ArrowDown');
    expect(await detail.textContent()).toBe(line(next, 'Thai', 'th'));
    // Its column hidden: the line empties; Left lands on the column before it, in the same row.
    await panel.locator('summary', { hasText: 'Columns' }).click();
    await panel.locator('label.check', { hasText: 'Thai' }).locator('input').uncheck();
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    await expect.poll(() => detail.textContent()).toBe('');
    await rows.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await detail.textContent()).toBe(line(next, 'Vietnamese', 'vi'));
    // Its row searched away: the line empties; the next key lands on the first row in view, in
    // the order of SEA Avg as recomputed without Thai.
    const kept = run.rows.filter((r) => r.model.includes('GBS64'));
    expect(kept.map((r) => r.model)).not.toContain(next);
    await panel.locator('input[type="search"]').fill('GBS64');
    await expect.poll(() => detail.textContent()).toBe('');
    await rows.focus();
    await page.keyboard.press('ArrowDown');
    const top = [...kept].sort(best((m) => withHidden(m, ['th']).sea_total))[0];
    expect(await detail.textContent()).toBe(line(top?.model ?? '', 'Vietnamese', 'vi'));
    expect(problems).toEqual([]);
    await page.close();
  });

  /**
   * Whether the line above the table shows whole in the window, and the table's header below it,
   * both above the current cell (they stick to the window's top, opaque, over the rows).
   */
  function lineInSight(state: CellState): boolean {
    const { line, cell, header, windowHeight } = state;
    const slack = 0.5;
    if (line === undefined || cell === undefined || header === undefined) return false;
    return (
      line.top >= -slack &&
      line.bottom - line.top > 0 &&
      line.bottom <= header.top + slack &&
      header.bottom <= cell.top + slack &&
      header.bottom <= windowHeight + slack
    );
  }

  it('keeps the line that says why in sight as the keys move the cell down the page, clear of the cell and the header', async () => {
    // Delta, whose page goes on below its tables: a desktop window (its wide Task table) and a
    // phone's, the page scrolled down the table (past the line and the header) before the first
    // key; and a phone window too short for the line (long in Delta), the header and the whole
    // body, where they stick over the rows above the last ones.
    const view = 'delta';
    const windows = [
      { query: '&level=task', width: 1280, height: 600, keys: ['ArrowDown', 'PageDown', 'End'] },
      { query: '', width: 360, height: 740, keys: ['ArrowDown', 'PageDown', 'ArrowRight'] },
      {
        query: '',
        width: 360,
        height: 420,
        keys: ['ArrowDown', 'PageDown', 'PageDown'],
      },
    ];
    for (const { query, width, height, keys } of windows) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, problems } = await openView(view, query, {
          viewport: { width, height },
          colorScheme,
        });
        const body = page.locator(`[data-panel="${view}"] .tabulator-tableholder:visible`).first();
        await body.evaluate((el) => {
          window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + 60);
          el.focus({ preventScroll: true });
        });
        const moved = async () => {
          const state = await movedCell(page, view, { count: 1 }, (at) => {
            return onScreen(at) && lineInSight(at);
          });
          expect(state.lineText.startsWith(`${state.model} · `)).toBe(true);
          // Opaque, in the page's colour: the rows it sticks over do not show through.
          expect(state.lineBackground).toBe(state.pageBackground);
          return state;
        };
        for (const key of [...keys, 'Control+Home']) {
          await page.keyboard.press(key);
          await moved();
        }
        await page.keyboard.press('Control+End');
        const last = await moved();
        expect(last.model).toBe(run.rows.at(-1)?.model);
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('keeps the header whole under the line once the page is scrolled down the table, an edge between them', async () => {
    // Delta, whose page goes on below its tables, scrolled with the mouse wheel (no key moves the
    // view) until the table's top is above the window: a desktop window and a phone's (where the
    // line takes several lines), in both themes.
    const view = 'delta';
    for (const { width, height } of [
      { width: 1280, height: 600 },
      { width: 360, height: 740 },
    ]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, problems, body } = await openAtFirstValue(view, {
          viewport: { width, height },
          colorScheme,
        });
        const band = () =>
          body.evaluate((el) => {
            const grid = el.closest('.grid');
            const line = grid?.querySelector('.cell-detail');
            const header = grid?.querySelector('.tabulator-header');
            if (line == null || header == null) throw new Error('no line or header');
            const box = (of: Element) => {
              const { top, bottom } = of.getBoundingClientRect();
              return { top, bottom };
            };
            const style = getComputedStyle(line);
            return {
              tableTop: el.closest('.tabulator')?.getBoundingClientRect().top ?? 0,
              line: box(line),
              lineText: line.textContent,
              header: box(header),
              // The highest of the column titles' text.
              titlesTop: Math.min(
                ...[...header.querySelectorAll('.col-title')].map(
                  (t) => t.getBoundingClientRect().top,
                ),
              ),
              edge: `${style.borderBottomStyle} ${style.borderBottomWidth} ${style.borderBottomColor}`,
              lineBackground: style.backgroundColor,
              headerBackground: getComputedStyle(header).backgroundColor,
            };
          });
        const before = await band();
        expect(before.lineText).not.toBe('');
        // No edge while the line is laid out above the table, whose own border is there.
        expect(before.edge).toBe('solid 1px rgba(0, 0, 0, 0)');
        // The wheel over the page's margin, left of the table: it scrolls the page, not the rows.
        await page.mouse.move(4, height / 2);
        for (let i = 0; i < 30 && (await band()).tableTop > -50; i++) {
          await page.mouse.wheel(0, 100);
          await page.waitForTimeout(50);
        }
        const slack = 0.5;
        await expect
          .poll(async () => {
            const { tableTop, line, header } = await band();
            return tableTop < -50 && Math.abs(line.top) <= slack && header.top > line.top;
          })
          .toBe(true);
        const stuck = await band();
        // The header (all of its titles) right under the line, not under it.
        expect(stuck.header.top).toBeGreaterThanOrEqual(stuck.line.bottom - slack);
        expect(stuck.header.top).toBeLessThanOrEqual(stuck.line.bottom + slack);
        expect(stuck.titlesTop).toBeGreaterThanOrEqual(stuck.line.bottom);
        expect(stuck.header.bottom).toBeLessThan(height);
        // An edge under the line, at 3:1 or more against the line and the header.
        const [style = '', thickness = '', ...colour] = stuck.edge.split(' ');
        expect(`${style} ${thickness}`).toBe('solid 1px');
        expect(contrastRatio(colour.join(' '), stuck.lineBackground)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(colour.join(' '), stuck.headerBackground)).toBeGreaterThanOrEqual(3);
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
  });

  it("shows the stuck header's shadow over the rows under it in both themes", async () => {
    // Delta, the page scrolled down the table and then so that a row starts right under the
    // header: the row's own background at the model cell's left, next to the header and farther
    // down, as the screen shows them (a screenshot, read back through a canvas).
    const view = 'delta';
    const drops: Record<string, number> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems, body } = await openAtFirstValue(view, {
        viewport: { width: 1280, height: 600 },
        colorScheme,
      });
      await body.evaluate((el) => {
        const top = (el.closest('.tabulator')?.getBoundingClientRect().top ?? 0) + window.scrollY;
        window.scrollTo({ top: Math.round(top + 120), behavior: 'instant' });
      });
      await expect
        .poll(() => body.evaluate((el) => el.closest('[data-stuck]') !== null))
        .toBe(true);
      const at = await body.evaluate(async (el) => {
        const header = () => el.parentElement?.querySelector('.tabulator-header');
        const under = header()?.getBoundingClientRect().bottom ?? 0;
        const row = [...el.querySelectorAll('.tabulator-row')].find(
          (r) => r.getBoundingClientRect().bottom > under + 24,
        );
        const gap = (row?.getBoundingClientRect().top ?? 0) - under;
        window.scrollBy({ top: Math.round(gap), behavior: 'instant' });
        await new Promise((done) => requestAnimationFrame(done));
        const cell = row?.querySelector('[tabulator-field="model"]')?.getBoundingClientRect();
        const bottom = header()?.getBoundingClientRect().bottom ?? 0;
        return { x: Math.round((cell?.left ?? 0) + 4), y: Math.ceil(bottom) };
      });
      const png = (await page.screenshot()).toString('base64');
      const [edge = '', row = ''] = await page.evaluate(
        async ({ png, at }) => {
          const image = await createImageBitmap(
            await (await fetch(`data:image/png;base64,${png}`)).blob(),
          );
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = canvas.getContext('2d');
          context?.drawImage(image, 0, 0);
          return [at.y + 1, at.y + 16].map((y) => {
            const [r, g, b] = context?.getImageData(at.x, y, 1, 1).data ?? [];
            return `rgb(${r ?? 0}, ${g ?? 0}, ${b ?? 0})`;
          });
        },
        { png, at },
      );
      drops[colorScheme] = contrastRatio(edge, row);
      expect(problems).toEqual([]);
      await page.close();
    }
    // As clear right under the header in the dark theme as in the light one (1.4 there).
    expect(drops['light']).toBeGreaterThanOrEqual(1.3);
    expect(drops['dark']).toBeGreaterThanOrEqual(1.3);
  });

  it('has the line and the header leave with the table, together, as the page scrolls past its end', async () => {
    // Delta, whose page goes on below its tables, in a desktop window and a phone's: the page
    // scrolled a few px at a time until the table's bottom is above the window.
    const view = 'delta';
    for (const { width, height } of [
      { width: 1280, height: 600 },
      { width: 360, height: 740 },
    ]) {
      const { page, problems, body } = await openAtFirstValue(view, {
        viewport: { width, height },
      });
      /** The line's, the header's and the table's boxes once the table's bottom is at `bottom`. */
      const scrolledTo = (bottom: number) =>
        body.evaluate(async (el, bottom) => {
          const table = el.closest('.tabulator');
          const grid = el.closest('.grid');
          const line = grid?.querySelector('.cell-detail');
          const header = table?.querySelector('.tabulator-header');
          if (table == null || line == null || header == null) throw new Error('no table');
          const now = table.getBoundingClientRect().bottom;
          // Whole px: a fraction is rounded differently for the line and the header.
          window.scrollTo({ top: Math.round(window.scrollY + now - bottom), behavior: 'instant' });
          await new Promise((done) => requestAnimationFrame(done));
          const box = (of: Element) => {
            const { top, bottom } = of.getBoundingClientRect();
            return { top, bottom };
          };
          return { line: box(line), header: box(header), table: box(table) };
        }, bottom);
      const stuck = await scrolledTo(height / 2);
      expect(stuck.line.top).toBe(0);
      const lineHeight = stuck.line.bottom;
      const headerHeight = stuck.header.bottom - stuck.header.top;
      const slack = 0.5;
      for (let bottom = lineHeight + headerHeight + 6; bottom > -4; bottom -= 3) {
        const { line, header, table } = await scrolledTo(bottom);
        const at = `${width}x${height}, the table's bottom at ${table.bottom}`;
        // The header right under the line, never under it, and inside the table.
        expect(header.top, at).toBeGreaterThanOrEqual(line.bottom - slack);
        expect(header.top, at).toBeLessThanOrEqual(line.bottom + slack);
        expect(header.bottom, at).toBeLessThanOrEqual(table.bottom + slack);
        // Once no row is left below the header, the line goes up with it and the table's bottom.
        if (table.bottom < lineHeight + headerHeight) expect(line.top, at).toBeLessThan(0);
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('marks the header stuck when its table is shown again under the window top, as when it was scrolled there', async () => {
    // A hero run's Competency, whose Language menu under the table picks the language table
    // shown: the page scrolled down Indonesian's table (no current cell, so no line: the header
    // sticks to the window's top), Thai picked, the page scrolled a little, Indonesian again.
    const url = `${site.origin}/hero-runs/hero_8b/?view=competency`;
    const { page, problems } = await open(site.browser, url, {
      viewport: { width: 1280, height: 600 },
    });
    const panel = page.locator('[data-panel="competency"]');
    await page.waitForSelector('[data-panel="competency"][data-ready="true"]');
    const grid = panel.locator('div.grid:visible');
    const band = () =>
      grid.evaluate((el) => {
        const table = el.querySelector('.tabulator');
        const header = el.querySelector<HTMLElement>('.tabulator-header');
        if (table === null || header === null) throw new Error('no table');
        return {
          label: table.getAttribute('aria-label') ?? '',
          tableTop: table.getBoundingClientRect().top,
          headerTop: header.getBoundingClientRect().top,
          marked: el.hasAttribute('data-stuck'),
          shadow: getComputedStyle(header).boxShadow,
        };
      });
    await page.mouse.move(4, 300);
    for (let i = 0; i < 30 && (await band()).tableTop > -30; i++) {
      await page.mouse.wheel(0, 20);
      await page.waitForTimeout(50);
    }
    const stuck = await band();
    expect(stuck.label).toMatch(/Indonesian$/);
    expect(stuck.tableTop).toBeLessThan(-20);
    expect(stuck.headerTop).toBe(0);
    expect(stuck.marked).toBe(true);
    const language = panel.locator('[data-progress] select');
    await language.selectOption('th');
    await expect.poll(async () => (await band()).label).toMatch(/Thai$/);
    await page.mouse.wheel(0, 10);
    await page.waitForTimeout(100);
    await language.selectOption('id');
    await expect.poll(async () => (await band()).label).toMatch(/Indonesian$/);
    // Stuck again, with its edge and shadow, as it was before Thai was picked.
    await expect.poll(async () => (await band()).headerTop).toBe(0);
    expect((await band()).tableTop).toBeLessThan(0);
    await expect.poll(async () => (await band()).marked).toBe(true);
    expect((await band()).shadow).toBe(stuck.shadow);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moves Page Down and Page Up by the rows in sight, less one, in a window shorter than the table', async () => {
    /** The models of the rows seen whole: in the body and the window, below the line and header. */
    const seenRows = (page: Page) =>
      page.locator('[data-panel="overall"] .tabulator-tableholder').evaluate((body) => {
        const grid = body.closest('.grid');
        const covers = ['.cell-detail', '.tabulator-header'].map(
          (selector) => grid?.querySelector(selector)?.getBoundingClientRect().bottom ?? 0,
        );
        const outer = body.getBoundingClientRect();
        const top = Math.max(outer.top + body.clientTop, 0, ...covers);
        const bottom = Math.min(outer.top + body.clientTop + body.clientHeight, window.innerHeight);
        return [...body.querySelectorAll('.tabulator-row')]
          .filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
          })
          .map((row) => row.querySelector('.model-name')?.textContent ?? '');
      });
    const models = run.rows.map((row) => row.model);
    // A phone's short window (the line and header take a third of it), and a desktop's, where the
    // page is not scrolled to the table and shows only part of its body.
    for (const { width, height } of [
      { width: 360, height: 420 },
      { width: 1280, height: 600 },
    ]) {
      const { page, problems } = await openView('overall', '', { viewport: { width, height } });
      await page.locator('[data-panel="overall"] .tabulator-tableholder').focus();
      await page.keyboard.press('Control+Home');
      let at = (await movedCell(page, 'overall', { count: 1, model: models[0] ?? '' })).model;
      // From the first row seen, Page Down goes to the last row seen: no row is skipped unseen.
      const first = await seenRows(page);
      expect(first[0]).toBe(at);
      await page.keyboard.press('PageDown');
      at = (await movedCell(page, 'overall', { count: 1, model: first.at(-1) ?? '' })).model;
      // From anywhere, by the rows seen then, less one.
      for (const key of ['PageDown', 'PageUp', 'PageUp']) {
        const seen = await seenRows(page);
        expect(seen.length, `${width}x${height}`).toBeGreaterThanOrEqual(3);
        const step = (seen.length - 1) * (key === 'PageUp' ? -1 : 1);
        const index = Math.max(0, Math.min(models.indexOf(at) + step, models.length - 1));
        await page.keyboard.press(key);
        at = (await movedCell(page, 'overall', { count: 1, model: models[index] ?? '' })).model;
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('brings the current cell back into view with Page Down or Up while no row is in the window, then moves a page from it', async () => {
    // Delta on a phone, whose table starts below the first screen and whose page goes on below
    // it: the page wheeled back to the top, or down past the table, while the focus stays in it.
    const view = 'delta';
    const models = run.rows.map((row) => row.model);
    for (const [key, away, height] of [
      ['PageDown', 'top', 740],
      ['PageUp', 'bottom', 420],
    ] as const) {
      const { page, problems } = await openView(view, '', { viewport: { width: 360, height } });
      const body = page.locator(`[data-panel="${view}"] .tabulator-tableholder:visible`).first();
      await body.focus();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
      const start = await movedCell(page, view, { count: 1, model: models[5] ?? '' });
      expect(start.model).toBe(models[5]);
      await body.evaluate((el, away) => {
        const table = el.closest('.tabulator')?.getBoundingClientRect();
        const below = (table?.bottom ?? 0) + window.scrollY;
        window.scrollTo({ top: away === 'top' ? 0 : below + 10, behavior: 'instant' });
      }, away);
      // A row in the window, in the part of the body that shows rows (which clips the others).
      const rowsInWindow = () =>
        body.evaluate((el) => {
          const outer = el.getBoundingClientRect();
          const top = Math.max(outer.top + el.clientTop, 0);
          const bottom = Math.min(outer.top + el.clientTop + el.clientHeight, window.innerHeight);
          return [...el.querySelectorAll('.tabulator-row')].some((row) => {
            const box = row.getBoundingClientRect();
            return top < bottom && box.bottom > top && box.top < bottom;
          });
        });
      await expect.poll(rowsInWindow).toBe(false);
      expect(await body.evaluate((el) => el === document.activeElement)).toBe(true);
      // The first Page key: the same cell, back in view.
      await page.keyboard.press(key);
      const shown = await movedCell(page, view, { count: 1, model: start.model });
      expect(shown.field).toBe(start.field);
      // The next: a page from it, by the rows seen then, less one.
      const seen = await page
        .locator(`[data-panel="${view}"] .tabulator-tableholder:visible`)
        .first()
        .evaluate((el) => {
          const grid = el.closest('.grid');
          const covers = ['.cell-detail', '.tabulator-header'].map(
            (selector) => grid?.querySelector(selector)?.getBoundingClientRect().bottom ?? 0,
          );
          const outer = el.getBoundingClientRect();
          const top = Math.max(outer.top + el.clientTop, 0, ...covers);
          const bottom = Math.min(outer.top + el.clientTop + el.clientHeight, window.innerHeight);
          return [...el.querySelectorAll('.tabulator-row')].filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
          }).length;
        });
      const step = Math.max(1, seen - 1) * (key === 'PageUp' ? -1 : 1);
      const index = Math.max(0, Math.min(5 + step, models.length - 1));
      expect(index).not.toBe(5);
      await page.keyboard.press(key);
      await movedCell(page, view, { count: 1, model: models[index] ?? '' });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('scrolls a clicked cell that is partly hidden into view, as little as shows it, and no other', async () => {
    // Overall in a window that shows its whole body once the page is scrolled to the line, wider
    // than the body: its last columns are cut at the right edge.
    const { page, problems } = await openView('overall', '', {
      viewport: { width: 1280, height: 800 },
    });
    const body = page.locator('[data-panel="overall"] .tabulator-tableholder');
    await body.evaluate((el) => {
      const line = el.closest('.tabulator')?.getBoundingClientRect().top ?? 0;
      window.scrollTo(0, window.scrollY + line);
    });
    type Cut = 'none' | 'frozen' | 'right' | 'bottom';
    /**
     * A value cell hidden as `cut` says (none: whole in view), after the body is scrolled to
     * `scroll`: its row and field, and the middle of the part of it that shows.
     */
    const cellCut = (cut: Cut, scroll: { top: number; left: number }) =>
      body.evaluate(
        (el, { cut, scroll }) => {
          el.scrollTop = scroll.top;
          el.scrollLeft = scroll.left;
          const outer = el.getBoundingClientRect();
          const top = outer.top + el.clientTop;
          const left = outer.left + el.clientLeft;
          const frozen = el.querySelector('.tabulator-frozen')?.getBoundingClientRect().right ?? 0;
          const [right, bottom] = [left + el.clientWidth, top + el.clientHeight];
          const cells = [...el.querySelectorAll<HTMLElement>('[tabulator-field^="v."]')];
          const cell = cells.find((c) => {
            const box = c.getBoundingClientRect();
            const across = box.left >= frozen && box.right <= right;
            const down = box.top >= top && box.bottom <= bottom;
            if (cut === 'none') return across && down && box.left > frozen + 100;
            if (cut === 'frozen') return down && box.left < frozen - 10 && box.right > frozen + 20;
            if (cut === 'right') return down && box.left < right - 20 && box.right > right + 10;
            return across && box.top < bottom - 8 && box.bottom > bottom + 8;
          });
          if (cell === undefined) throw new Error(`no cell cut: ${cut}`);
          const box = cell.getBoundingClientRect();
          const x = (Math.max(box.left, frozen) + Math.min(box.right, right)) / 2;
          const y = (Math.max(box.top, top) + Math.min(box.bottom, bottom)) / 2;
          const model = cell.closest('.tabulator-row')?.querySelector('.model-name')?.textContent;
          return { x, y, model: model ?? '', field: cell.getAttribute('tabulator-field') ?? '' };
        },
        { cut, scroll },
      );
    const scrolls = () =>
      body.evaluate(async (el) => {
        // A few frames: a reveal follows its cell for some.
        for (let i = 0; i < 4; i++) await new Promise((done) => requestAnimationFrame(done));
        return { top: el.scrollTop, left: el.scrollLeft, page: window.scrollY };
      });
    const cases: { cut: Cut; scroll: { top: number; left: number } }[] = [
      { cut: 'none', scroll: { top: 40, left: 30 } },
      { cut: 'frozen', scroll: { top: 0, left: 50 } },
      { cut: 'right', scroll: { top: 0, left: 0 } },
      { cut: 'bottom', scroll: { top: 15, left: 0 } },
    ];
    for (const { cut, scroll } of cases) {
      const target = await cellCut(cut, scroll);
      const before = await scrolls();
      await page.mouse.click(target.x, target.y);
      const { model, field } = target;
      const state = await movedCell(page, 'overall', { count: 1, model, field });
      const after = await scrolls();
      const { cell, rows, frozenRight } = state;
      if (cell === undefined) throw new Error('no current cell');
      // The page stays: the body alone hides the cell. A cell partly hidden is scrolled as
      // little as shows it: to the edge that cut it, within the row's 1 px border.
      expect(after.page, cut).toBe(before.page);
      if (cut === 'none') {
        expect(after).toEqual(before);
        continue;
      }
      expect(after, cut).not.toEqual(before);
      const gap = {
        frozen: cell.left - frozenRight,
        right: rows.right - cell.right,
        bottom: rows.bottom - cell.bottom,
      }[cut];
      expect(gap, cut).toBeLessThanOrEqual(1.5);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('does not scroll with Space: it shows the current cell, and brings it back into view', async () => {
    const { page, problems } = await openView('overall');
    const detail = page.locator('[data-panel="overall"] .cell-detail');
    const body = await tabToRows(page, 'overall');
    const scrolls = () =>
      body.evaluate(async (el) => {
        // Two frames: Tabulator redraws rows a frame after a scroll.
        for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
        return { top: el.scrollTop, left: el.scrollLeft, page: window.scrollY };
      });
    const before = await scrolls();
    // The first Space shows the cell a first arrow key would: the first row's SEA Avg.
    await page.keyboard.press('Space');
    const first = run.rows[0];
    const seaAvg = first?.values[col('sea_total')]?.toFixed(2) ?? '';
    expect(await detail.textContent()).toBe(
      `${first?.model ?? ''} · SEA Avg: ${seaAvg} — every input present`,
    );
    expect(await scrolls()).toEqual(before);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const third = await movedCell(page, 'overall', { count: 1, model: run.rows[3]?.model ?? '' });
    const line = await detail.textContent();
    const still = await scrolls();
    for (const key of ['Space', 'Shift+Space']) {
      await page.keyboard.press(key);
      expect(await scrolls()).toEqual(still);
      // Said again: empty for a moment, then the same line.
      await expect.poll(() => detail.textContent()).toBe(line);
      expect((await currentCell(page, 'overall')).cell).toEqual(third.cell);
    }
    // The rows scrolled away from the current cell (a wheel, a scroll bar): Space brings it back.
    await body.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(async () => onScreen(await currentCell(page, 'overall'))).toBe(false);
    await page.keyboard.press('Space');
    await movedCell(page, 'overall', { count: 1, model: third.model, field: third.field });
    await expect.poll(() => detail.textContent()).toBe(line);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has the line said again with Space, and with no other key or update that leaves it the same, the line never blinking', async () => {
    const { page, problems } = await openView('overall');
    const panel = page.locator('[data-panel="overall"]');
    const detail = panel.locator('.cell-detail');
    await tabToRows(page, 'overall');
    await page.keyboard.press('ArrowDown');
    const line = (await detail.textContent()) ?? '';
    expect(line).toMatch(/ · SEA Avg: /);
    // One live region says it (the row count has its own), apart from the line: the line itself
    // is not live, so nothing is said twice, and readers meet its text once, in the live region.
    const spoken = panel.locator('.grid [aria-live]:not(.row-count)');
    expect(await spoken.count()).toBe(1);
    expect(await spoken.textContent()).toBe(line);
    // Not shown: a px, clipped.
    const box = await spoken.evaluate((el) => {
      const { width, height } = el.getBoundingClientRect();
      return { width, height, clip: getComputedStyle(el).clipPath };
    });
    expect(box).toEqual({ width: 1, height: 1, clip: 'inset(50%)' });
    expect(await detail.evaluate((el) => el.closest('[aria-live]'))).toBeNull();
    expect(await detail.getAttribute('aria-hidden')).toBe('true');
    // Every change of the live region's text, and of the line's.
    type Watched = HTMLElement & { changes?: string[] };
    const watch = (element: Watched) => {
      element.changes = [];
      const record = () => element.changes?.push(element.textContent);
      new MutationObserver(record).observe(element, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    };
    await spoken.evaluate(watch);
    await detail.evaluate(watch);
    const changes = async () => ({
      spoken: await spoken.evaluate((element: Watched) => element.changes?.splice(0) ?? []),
      line: await detail.evaluate((element: Watched) => element.changes?.splice(0) ?? []),
    });
    // Keys that leave the current cell where it is (the first row's first value), and a column
    // hidden that SEA Avg does not depend on, write the same line: it is not said again.
    for (const key of ['ArrowUp', 'ArrowLeft', 'Home', 'Control+Home'])
      await page.keyboard.press(key);
    await panel.locator('summary', { hasText: 'Columns' }).click();
    await panel.locator('label.check', { hasText: 'Aggregate' }).locator('input').uncheck();
    await page.locator('h1').click();
    await panel.locator('.tabulator-tableholder').focus();
    await page.waitForTimeout(300);
    expect(await changes()).toEqual({ spoken: [], line: [] });
    // Space and Shift+Space: the live region emptied and written again, the same line, once; the
    // line that shows is left as it is, never blank.
    for (const key of ['Space', 'Shift+Space']) {
      await page.keyboard.press(key);
      await expect.poll(() => spoken.textContent()).toBe(line);
      await page.waitForTimeout(300);
      expect(await changes()).toEqual({ spoken: ['', line], line: [] });
    }
    // The next cell: said once, and shown.
    await page.keyboard.press('ArrowRight');
    const next = (await detail.textContent()) ?? '';
    expect(next).not.toBe(line);
    await page.waitForTimeout(300);
    expect(await changes()).toEqual({ spoken: [next], line: [next] });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a phone, shows a current cell whole beside the frozen column, or its value end when too wide', async () => {
    const { page, problems } = await openView('competency', '', {
      viewport: { width: 360, height: 740 },
    });
    const fields = await page
      .locator('[data-panel="competency"] .tabulator-col:visible[tabulator-field^="v."]')
      .evaluateAll((cols) => cols.map((c) => c.getAttribute('tabulator-field') ?? ''));
    await tabToRows(page, 'competency');
    await page.keyboard.press('ArrowDown');
    const slack = 0.5;
    /** Whole and clear of the frozen column if it fits beside it; else its end, its value, is. */
    const shown = (state: CellState) => {
      const { cell, value, rows, frozenRight } = state;
      if (cell === undefined) return false;
      const valueClear = value.left >= frozenRight - slack && value.right <= rows.right + slack;
      const fits = cell.right - cell.left <= rows.right - frozenRight + slack;
      if (fits) return onScreen(state) && valueClear;
      return Math.abs(cell.right - rows.right) <= slack && valueClear;
    };
    let tooWide = 0;
    // Right to the last column and back left to the first: each column entered from both sides.
    const order = [...fields.slice(1), ...fields.slice(0, -1).reverse()];
    for (const [step, field] of order.entries()) {
      await page.keyboard.press(step < fields.length - 1 ? 'ArrowRight' : 'ArrowLeft');
      const { cell, rows, frozenRight } = await movedCell(page, 'competency', { field }, shown);
      if (cell !== undefined && cell.right - cell.left > rows.right - frozenRight) tooWide++;
    }
    // The sample's long competency labels make columns wider than the room beside the model.
    expect(tooWide).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Incl/Excl', () => {
  it('leaving out a competency changes the language, SEA Avg and Aggregate to the values computed here', async () => {
    const { page, problems } = await openView('inclexcl');
    const panel = page.locator('[data-panel="inclexcl"]');
    await panel.locator('input[type="checkbox"][title="id_nlg"]').uncheck();
    await page.waitForSelector('[data-panel="inclexcl"][data-ready="true"]');
    expect(page.url()).toContain('off=id_nlg');
    const shown = await visible(page, 'inclexcl', 'id');
    const first = shown[0];
    if (first === undefined) throw new Error('no rows');
    const row = rowOf(first.model);
    const idComps = run.columns.filter(
      (c) => c.level === 'competency' && c.lang === 'id' && c.id !== 'id_nlg',
    );
    const values = idComps
      .map((c) => row.values[col(c.id)])
      .filter((v): v is number => typeof v === 'number');
    const id = values.reduce((a, b) => a + b, 0) / values.length;
    expect(number(first.text)).toBeCloseTo(id, 2);
    // SEA Avg: the other languages as built, Indonesian recomputed
    const seaLangs = run.columns.filter(
      (c) => c.level === 'lang' && c.lang !== null && c.lang !== 'en',
    );
    const langValues = seaLangs
      .map((c) => (c.id === 'id' ? id : row.values[col(c.id)]))
      .filter((v): v is number => typeof v === 'number');
    const sea = langValues.reduce((a, b) => a + b, 0) / langValues.length;
    const seaShown = (await visible(page, 'inclexcl', 'sea_total')).find(
      (r) => r.model === first.model,
    );
    expect(number(seaShown?.text ?? '')).toBeCloseTo(sea, 2);
    const en = row.values[col('en')];
    const totalShown = (await visible(page, 'inclexcl', 'total')).find(
      (r) => r.model === first.model,
    );
    if (typeof en === 'number')
      expect(number(totalShown?.text ?? '')).toBeCloseTo((sea + en) / 2, 2);
    else expect(totalShown?.text).toBe('–');
    expect(problems).toEqual([]);
    await page.close();
  });
  it('reads the competencies a link leaves out by id or by shown name, and writes their ids', async () => {
    const { page, problems } = await openView('inclexcl', '&off=Thai%20nlu,IFEval,Nonsense');
    const panel = page.locator('[data-panel="inclexcl"]');
    const unchecked = await panel
      .locator('.inclexcl-controls input[type="checkbox"]:not(:checked)')
      .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('title')));
    expect(unchecked).toEqual(['th_nlu', 'IFEval']);
    // Thai: the mean of its other competencies, as computed here.
    const shown = await visible(page, 'inclexcl', 'th');
    const first = shown[0];
    if (first === undefined) throw new Error('no rows');
    const values = run.columns
      .filter((c) => c.level === 'competency' && c.lang === 'th' && c.id !== 'th_nlu')
      .map((c) => rowOf(first.model).values[col(c.id)])
      .filter((v): v is number => typeof v === 'number');
    expect(number(first.text)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 2);
    // The address names them by id, in the order of the boxes; the unknown name is dropped.
    expect(new URL(page.url()).search).toBe('?view=inclexcl&off=th_nlu,IFEval');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('includes every competency again with Include all, the values and the address as built', async () => {
    const { page, problems } = await openView('inclexcl', '&off=id_nlg,th_nlu');
    const panel = page.locator('[data-panel="inclexcl"]');
    const before = await visible(page, 'inclexcl', 'id');
    await panel.locator('button', { hasText: 'Include all' }).click();
    await page.waitForSelector('[data-panel="inclexcl"][data-ready="true"]');
    expect(await panel.locator('.inclexcl-controls input:not(:checked)').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?view=inclexcl');
    for (const id of ['id', 'th', 'sea_total']) {
      const shown = await visible(page, 'inclexcl', id);
      expect(shown.map((r) => r.text)).toEqual(
        shown.map((r) => formatScore(rowOf(r.model).values[col(id)])),
      );
    }
    expect((await visible(page, 'inclexcl', 'id')).map((r) => r.text)).not.toEqual(
      before.map((r) => r.text),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Delta', () => {
  it("downloads what it shows: the reference row's own values, the others' differences", async () => {
    const { page } = await openView('delta');
    const panel = page.locator('[data-panel="delta"]');
    const reference = await panel.getByLabel('Reference model', { exact: true }).inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('button:visible', { hasText: 'Download CSV' }).click(),
    ]);
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.startsWith('model,shows,SEA Avg,')).toBe(true);
    const cells = (model: string) => lines.find((l) => l.startsWith(`${model},`))?.split(',') ?? [];
    const sea = col('sea_total');
    const ref = rowOf(reference).values[sea];
    expect(cells(reference).slice(1, 3)).toEqual([
      'reference',
      typeof ref === 'number' ? ref.toFixed(2) : '',
    ]);
    const other = run.rows.find(
      (r) => r.model !== reference && typeof r.values[sea] === 'number' && typeof ref === 'number',
    );
    if (other === undefined || typeof ref !== 'number') throw new Error('no row to compare');
    const delta = (other.values[sea] as number) - ref;
    expect(cells(other.model).slice(1, 3)).toEqual([
      `minus ${reference}`,
      Math.abs(delta).toFixed(2) === '0.00' ? '0.00' : delta.toFixed(2),
    ]);
    await page.close();
  });

  it('shows model minus reference with a sign, the reference in bold, and diverging colours', async () => {
    const { page, problems } = await openView('delta');
    const panel = page.locator('[data-panel="delta"]');
    const reference = await panel.getByLabel('Reference model', { exact: true }).inputValue();
    expect(reference).toMatch(/^BASELINE_/);
    const rows = await visible(page, 'delta', 'sea_total');
    const ref = rowOf(reference);
    for (const r of rows.filter((x) => x.model !== reference).slice(0, 5)) {
      const value = rowOf(r.model).values[col('sea_total')];
      const base = ref.values[col('sea_total')];
      if (typeof value !== 'number' || typeof base !== 'number') continue;
      const delta = value - base;
      const text =
        Math.abs(delta).toFixed(1) === '0.0'
          ? '0.0'
          : `${delta < 0 ? '-' : '+'}${Math.abs(delta).toFixed(1)}`;
      expect(r.text).toBe(text);
    }
    const colours = await panel
      .locator(`.tabulator-row:visible [tabulator-field="v.${col('sea_total')}"]`)
      .evaluateAll((cells) =>
        cells.map((cell) => ({
          text: cell.textContent ?? '',
          background: getComputedStyle(cell).backgroundColor,
          weight: getComputedStyle(cell).fontWeight,
        })),
      );
    const negative = colours.find((c) => c.text.startsWith('-'));
    const positive = colours.find((c) => c.text.startsWith('+'));
    const rgb = (css: string) => (css.match(/\d+/g) ?? []).map(Number);
    if (negative !== undefined) {
      const [r = 0, g = 0] = rgb(negative.background);
      expect(r).toBeGreaterThan(g); // pink: more red than green
    }
    if (positive !== undefined) {
      const [r = 0, g = 0] = rgb(positive.background);
      expect(g).toBeGreaterThan(r); // green
    }
    expect(negative ?? positive).toBeDefined();
    const refCell = colours.find(
      (c) =>
        !c.text.startsWith('+') && !c.text.startsWith('-') && c.text !== '0.0' && c.text !== '–',
    );
    expect(Number(refCell?.weight ?? 400)).toBeGreaterThanOrEqual(600);
    expect(problems).toEqual([]);
    await page.close();
  });
  it('picks another reference: the table shows differences from it, the heatmap another model, and the address names both', async () => {
    const { page, problems } = await openView('delta');
    const panel = page.locator('[data-panel="delta"]');
    const heatmap = panel.locator('lb-chart[data-heatmap]');
    await heatmap.locator('svg.chart').waitFor({ state: 'visible' });
    // The heatmap's model becomes the reference: the heatmap moves on to another model.
    const chosen = await panel.locator('.chart-controls select').inputValue();
    await panel.getByLabel('Reference model', { exact: true }).selectOption(chosen);
    await page.waitForSelector('[data-panel="delta"][data-ready="true"]');
    const sea = col('sea_total');
    const own = rowOf(chosen).values[sea];
    if (typeof own !== 'number') throw new Error('sample changed');
    const shown = await visible(page, 'delta', 'sea_total');
    expect(shown.length).toBe(run.rows.length);
    for (const r of shown) {
      const value = rowOf(r.model).values[sea];
      const delta = typeof value === 'number' ? value - own : null;
      expect(r.text, r.model).toBe(r.model === chosen ? formatOneDecimal(own) : formatDelta(delta));
    }
    expect(await panel.locator('.tabulator-row.reference .model-name').allTextContents()).toEqual([
      chosen,
    ]);
    const drawn = JSON.parse((await heatmap.getAttribute('data-settings')) ?? '[]') as unknown[];
    const [model] = drawn;
    expect(drawn.slice(1)).toEqual([chosen, []]);
    expect(model).not.toBe(chosen);
    expect(await panel.locator('.chart-controls select').inputValue()).toBe(model);
    const address = new URL(page.url()).searchParams;
    expect([address.get('ref'), address.get('model')]).toEqual([chosen, model]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the level tab chosen in the address; the arrow keys, Home and End move between the tabs', async () => {
    const { page, problems } = await openView('delta');
    const tabs = page.locator('[data-panel="delta"] [role="tablist"][aria-label="Delta level"]');
    const selected = () => tabs.locator('[role="tab"][aria-selected="true"]').textContent();
    const stops = () =>
      tabs
        .locator('[role="tab"]')
        .evaluateAll((list) => list.filter((tab) => tab.getAttribute('tabindex') === '0').length);
    const level = () => new URL(page.url()).searchParams.get('level');
    await tabs.locator('[role="tab"]', { hasText: 'Competency' }).click();
    await page.waitForSelector('[data-panel="delta"][data-ready="true"]');
    expect(level()).toBe('competency');
    await tabs.locator('[role="tab"][aria-selected="true"]').focus();
    for (const [key, tab, inAddress] of [
      ['End', 'Task', 'task'],
      ['ArrowRight', 'Language', null],
      ['ArrowLeft', 'Task', 'task'],
      ['Home', 'Language', null],
    ] as const) {
      await page.keyboard.press(key);
      expect(await selected(), key).toBe(tab);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(tab);
      // Only the selected tab is a Tab stop.
      expect(await stops()).toBe(1);
      expect(level(), key).toBe(inAddress);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Delta, reference and heatmap model from a link', () => {
  it("reads a baseline's config key as write-ups do, and writes the row's name", async () => {
    const qwen = 'BASELINE_experiments_qwen3-4b_00000';
    const gemma = 'BASELINE_experiments_gemma-3-4b_00000';
    const { page, problems } = await openView('delta', '&ref=qwen3-4b&model=gemma-3-4b');
    const panel = page.locator('[data-panel="delta"]');
    expect(await panel.getByLabel('Reference model', { exact: true }).inputValue()).toBe(qwen);
    const heatmap = panel.locator('lb-chart[data-heatmap]');
    await expect
      .poll(() => heatmap.getAttribute('data-settings'))
      .toBe(JSON.stringify([gemma, qwen, []]));
    expect(await panel.locator('.chart-controls select').inputValue()).toBe(gemma);
    // The reference row shows its own SEA Avg, the others their difference from it.
    const shown = await visible(page, 'delta', 'sea_total');
    const own = rowOf(qwen).values[col('sea_total')];
    if (typeof own !== 'number') throw new Error('sample changed');
    expect(number(shown.find((r) => r.model === qwen)?.text ?? '')).toBeCloseTo(own, 1);
    expect(new URL(page.url()).search).toBe(`?view=delta&ref=${qwen}&model=${gemma}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('An address opened with what its view does not use', () => {
  it("keeps only the shown view's choices, from the start", async () => {
    for (const [query, view, kept] of [
      // an unknown view shows Overall, and says so
      ['?view=bogus&lang=th', 'overall', '?view=overall'],
      // another view's choices (Competency's language, the Pareto's axis) are dropped
      ['?view=overall&lang=th&x=en&hide=th', 'overall', '?view=overall&hide=th'],
      ['?lang=th&view=competency&level=task', 'competency', '?view=competency&lang=th'],
    ] as const) {
      const { page, problems } = await open(site.browser, `${site.origin}${RUN_PAGE}${query}`);
      await page.waitForSelector(`[data-panel="${view}"][data-ready="true"]`);
      expect(new URL(page.url()).search).toBe(kept);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('Competency and Task, language from a link', () => {
  it("reads a language's shown name or its code in any case, and writes its code", async () => {
    for (const [view, name] of [
      ['competency', 'Thai'],
      ['task', 'thai'],
      ['competency', 'TH'],
    ] as const) {
      const { page, problems } = await openView(view, `&lang=${name}`);
      const panel = page.locator(`[data-panel="${view}"]`);
      expect(await panel.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Thai');
      expect(await panel.locator('.subpanel').getAttribute('aria-label')).toBe('Thai');
      const fields = await panel
        .locator('.tabulator-col:visible')
        .evaluateAll((cols) => cols.map((c) => c.getAttribute('tabulator-field')));
      const thai = view === 'competency' ? 'th_nlu' : 'th_qa';
      expect(fields).toContain(`v.${col(thai)}`);
      expect(new URL(page.url()).search).toBe(`?view=${view}&lang=th`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('Hidden columns named by their headers', () => {
  /** The column ids whose boxes the visible column chooser of a panel leaves unchecked. */
  const unchecked = (page: Page, view: string) =>
    page
      .locator(`[data-panel="${view}"] .grid:visible label.check input:not(:checked)`)
      .evaluateAll((boxes) => boxes.map((b) => Number(b.getAttribute('data-index'))))
      .then((indexes) => indexes.map((i) => run.columns[i]?.id));
  const ids = (level: 'competency', label: string) =>
    run.columns.filter((c) => c.level === level && c.label === label).map((c) => c.id);

  it("reads a header of one language's table in any case, and writes its id", async () => {
    const { page, problems } = await openView('competency', '&lang=Thai&hide=NLU,safety');
    expect(await unchecked(page, 'competency')).toEqual(['th_nlu', 'th_safety']);
    const fields = await page
      .locator('[data-panel="competency"] .tabulator-col:visible')
      .evaluateAll((cols) => cols.map((c) => c.getAttribute('tabulator-field')));
    expect(fields).not.toContain(`v.${col('th_nlu')}`);
    expect(fields).toContain(`v.${col('th_nlg')}`);
    expect(new URL(page.url()).search).toBe('?view=competency&lang=th&hide=th_nlu,th_safety');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hides a label shown under every language in each, as the Delta table shows it', async () => {
    const { page, problems } = await openView(
      'delta',
      `&level=competency&hide=nlu,${encodeURIComponent('Thai · nlg')}`,
    );
    const nlu = ids('competency', 'nlu');
    expect(nlu.length).toBe(7);
    const hidden = [...nlu, 'th_nlg'].sort((a, b) => col(a) - col(b));
    expect(await unchecked(page, 'delta')).toEqual(hidden);
    expect(new URL(page.url()).searchParams.get('hide')).toBe(hidden.join(','));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("leaves out in Incl/Excl each competency a box's label names", async () => {
    const { page, problems } = await openView('inclexcl', '&off=nlu');
    const off = await page
      .locator('[data-panel="inclexcl"] .inclexcl-controls input[type="checkbox"]:not(:checked)')
      .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('title')));
    expect(off).toEqual(ids('competency', 'nlu'));
    expect(new URL(page.url()).search).toBe(`?view=inclexcl&off=${off.join(',')}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Task', () => {
  it("says in a task header's tooltip what its value is read from", async () => {
    const { page, problems } = await openView('task');
    const title = await page
      .locator(`[data-panel="task"] .tabulator-col[tabulator-field="v.${col('id_qa')}"] .col-title`)
      .first()
      .getAttribute('title');
    expect(title).toBe('id_qa: metric normalized_f1');
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** SEA Avg and Aggregate of a row with SEA languages or English hidden, as Overall computes them. */
function withHidden(model: string, hidden: readonly string[]) {
  const row = rowOf(model);
  const sea = run.columns
    .filter((c) => c.level === 'lang' && c.lang !== null && c.lang !== 'en')
    .filter((c) => !hidden.includes(c.id))
    .map((c) => row.values[col(c.id)])
    .filter((v): v is number => typeof v === 'number');
  const seaAvg = sea.length === 0 ? null : sea.reduce((a, b) => a + b, 0) / sea.length;
  const en = hidden.includes('en') ? null : (row.values[col('en')] ?? null);
  return { sea_total: seaAvg, total: seaAvg === null || en === null ? null : (seaAvg + en) / 2 };
}

describe('Delta, Language table, languages hidden', () => {
  async function hideInDelta(page: Page, language: string) {
    const panel = page.locator('[data-panel="delta"]');
    await panel.locator('summary:visible', { hasText: 'Columns' }).click();
    await panel.locator('label.check:visible', { hasText: language }).locator('input').uncheck();
    await page.waitForSelector('[data-panel="delta"][data-ready="true"]');
  }

  /** Each shown delta of the column against the recomputed values of the row and the reference. */
  async function expectDeltas(page: Page, id: 'sea_total' | 'total', hidden: readonly string[]) {
    const reference = await page
      .locator('[data-panel="delta"]')
      .getByLabel('Reference model', { exact: true })
      .inputValue();
    const base = withHidden(reference, hidden)[id];
    const shown = await visible(page, 'delta', id);
    expect(shown.length).toBeGreaterThan(5);
    for (const r of shown) {
      const own = withHidden(r.model, hidden)[id];
      const expected =
        r.model === reference ? own : own === null || base === null ? null : own - base;
      if (expected === null) expect(r.text, r.model).toBe('–');
      else expect(Math.abs(Number(r.text) - expected), r.model).toBeLessThanOrEqual(0.0501);
    }
  }

  it('recomputes the SEA Avg and Aggregate deltas without a hidden SEA language, with the note', async () => {
    const { page, problems } = await openView('delta');
    await hideInDelta(page, 'Tamil');
    expect(await page.locator('[data-panel="delta"] p.note:visible').innerText()).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Tamil.',
    );
    await expectDeltas(page, 'sea_total', ['ta']);
    await expectDeltas(page, 'total', ['ta']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leaves the hidden languages out of the heatmap too, and says so under it', async () => {
    const { page, problems } = await openView('delta');
    const heatmap = page.locator('[data-panel="delta"] lb-chart[data-heatmap]');
    const languages = () =>
      heatmap
        .locator('svg.chart .mark')
        .evaluateAll((marks) => [...new Set(marks.map((m) => m.getAttribute('data-series')))]);
    await heatmap.locator('svg.chart').waitFor();
    expect(await languages()).toContain('ta');
    const panel = page.locator('[data-panel="delta"]');
    await panel.locator('summary:visible', { hasText: 'Columns' }).click();
    for (const language of ['Tamil', 'English']) {
      await panel.locator('label.check:visible', { hasText: language }).locator('input').uncheck();
    }
    await expect.poll(languages).not.toContain('en');
    expect(await languages()).not.toContain('ta');
    expect(await heatmap.locator('.chart-notes').innerText()).toBe(
      'The heatmap excludes hidden languages: Tamil, English.',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens with the languages a link hides (by id or by name), recomputed, heatmap too', async () => {
    const opened = await open(site.browser, `${site.origin}${RUN_PAGE}?view=delta&hide=Tamil,en`);
    const { page, problems } = opened;
    await page.waitForSelector('[data-panel="delta"][data-ready="true"]');
    const panel = page.locator('[data-panel="delta"]');
    expect(await panel.locator('p.note:visible').innerText()).toMatch(/Tamil/);
    await expectDeltas(page, 'sea_total', ['ta', 'en']);
    await expectDeltas(page, 'total', ['ta', 'en']);
    const heatmap = panel.locator('lb-chart[data-heatmap]');
    await expect
      .poll(() => heatmap.locator('.chart-notes').textContent())
      .toBe('The heatmap excludes hidden languages: Tamil, English.');
    // The address names them by id, in column order.
    expect(new URL(page.url()).searchParams.get('hide')).toBe('ta,en');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('empties the Aggregate deltas while English is hidden, as Overall does', async () => {
    const { page, problems } = await openView('delta');
    await hideInDelta(page, 'English');
    expect(await page.locator('[data-panel="delta"] p.note:visible').innerText()).toMatch(
      /^Aggregate is empty while English is hidden/,
    );
    await expectDeltas(page, 'total', ['en']);
    await expectDeltas(page, 'sea_total', ['en']);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Comparison', () => {
  it('keeps the selection in the URL and shows the selected models', async () => {
    const models = 'exp_lr_gbs:LR3e-4_GBS512_04000,hero_8b:hero_8b_20000';
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=${encodeURIComponent(models).replace(/%2C/g, ',').replace(/%3A/g, ':')}`,
    );
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const text = await page.locator('lb-compare').innerText();
    expect(text).toContain('LR3e-4_GBS512_04000');
    expect(text).toContain('hero_8b_20000');
    // The picker lists every run's models in the order of their names.
    await page.locator('lb-compare input[role="combobox"]').click();
    const labels = await page.locator('lb-compare [role="option"]').allTextContents();
    expect(labels.length).toBeGreaterThan(10);
    expect(labels).toEqual([...labels].sort());
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says when the chosen runs average SEA Avg over different languages', async () => {
    const mixed = 'exp_lr_gbs:LR1e-3_GBS512_01000,hero_8b:hero_8b_02000';
    const { page, problems } = await open(site.browser, `${site.origin}/compare/?models=${mixed}`);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const note = page.locator('[data-sea-languages-note]');
    await expect.poll(() => note.isVisible()).toBe(true);
    const text = await note.innerText();
    expect(text).toContain('exp_lr_gbs: 7 (');
    expect(text).toContain('hero_8b: 5 (');
    // The same languages: nothing to say.
    await page.goto(`${site.origin}/compare/?models=hero_8b:hero_8b_02000,hero_8b:hero_8b_04000`);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(await page.locator('[data-sea-languages-note]').isVisible()).toBe(false);
    // The scatter shows every run, so it says so from the build.
    expect(await page.locator('[data-scatter-sea-note]').innerText()).toContain('exp_datamix: 5 (');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says which models of the link these runs do not have', async () => {
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=nope:gone_01000,hero_8b:hero_8b_20000,hero_8b_04000`,
    );
    await page.waitForSelector('lb-compare[data-ready="true"]');
    await expect
      .poll(() => page.locator('[data-unknown-models]').innerText())
      .toBe(
        'Not in these runs, so not shown: nope:gone_01000, hero_8b_04000 (no run: write run:model)',
      );
    expect(await page.locator('lb-compare').innerText()).toContain('hero_8b_20000');
    // Either kind alone is said too.
    for (const [models, said] of [
      ['nope:gone_01000,hero_8b:hero_8b_20000', 'nope:gone_01000'],
      ['hero_8b:hero_8b_20000,hero_8b_04000', 'hero_8b_04000 (no run: write run:model)'],
    ] as const) {
      await page.goto(`${site.origin}/compare/?models=${models}`);
      await page.waitForSelector('lb-compare[data-ready="true"]');
      expect(await page.locator('[data-unknown-models]').innerText()).toBe(
        `Not in these runs, so not shown: ${said}`,
      );
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('picks a model from the keyboard, and tells a screen reader which option is active and which are picked', async () => {
    const { page, problems } = await open(site.browser, `${site.origin}/compare/`);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const input = page.locator('lb-compare input[role="combobox"]');
    const list = page.locator(`#${(await input.getAttribute('aria-controls')) ?? ''}`);
    await input.focus();
    await page.keyboard.type('hero_8b_20000');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('lb-compare .picker-status').textContent()).toBe('1 match.');
    const option = list.locator('[role="option"]');
    expect(await option.allTextContents()).toEqual(['hero_8b_20000 — hero_8b']);
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('Enter');
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(new URL(page.url()).searchParams.get('models')).toBe('hero_8b:hero_8b_20000');
    // Enter again takes it back.
    await page.keyboard.press('Enter');
    expect(await option.getAttribute('aria-selected')).toBe('false');
    expect(new URL(page.url()).searchParams.get('models')).toBeNull();
    await page.keyboard.press('Escape');
    expect(await list.isVisible()).toBe(false);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts the model column by model, then run, either way', async () => {
    const qwen = 'BASELINE_experiments_qwen3-4b_00000';
    const picked = [`exp_lr_gbs:${qwen}`, 'hero_8b:hero_8b_20000', `exp_datamix:${qwen}`];
    const { page, problems } = await openComparison(picked);
    const header = page.locator('lb-compare .tabulator-col[tabulator-field="model"] .col-title');
    const order = () =>
      page.locator('lb-compare .tabulator-row').evaluateAll((rows) =>
        rows.map((row) => {
          const run = row.querySelector('[tabulator-field="run"]')?.textContent ?? '';
          return `${run}:${row.querySelector('.model-name')?.textContent ?? ''}`;
        }),
      );
    const ascending = [`exp_datamix:${qwen}`, `exp_lr_gbs:${qwen}`, 'hero_8b:hero_8b_20000'];
    const sorts: string[][] = [];
    for (let click = 0; click < 2; click++) {
      await clickInTable(header);
      sorts.push(await order());
    }
    expect(sorts).toContainEqual(ascending);
    expect(sorts).toContainEqual([...ascending].reverse());
    expect(problems).toEqual([]);
    await page.close();
  });

  it("downloads the models picked as CSV, each row's run before its model", async () => {
    const picked = ['exp_lr_gbs:LR3e-4_GBS512_04000', 'hero_8b:hero_8b_20000'];
    const { page, problems } = await openComparison(picked);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('lb-compare button', { hasText: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('comparison.csv');
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.startsWith('run,model,SEA Avg,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(':'))).toEqual(picked);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('scrolls a clicked value out from under the frozen run and model columns, clear of both', async () => {
    const picked = ['exp_lr_gbs:LR3e-4_GBS512_04000', 'hero_8b:hero_8b_20000'];
    const { page, problems } = await openComparison(picked, {
      viewport: { width: 800, height: 800 },
    });
    const body = page.locator('lb-compare .tabulator-tableholder');
    /** Where the frozen columns end, and the box of the first row's cell of `field`. */
    const place = (field: string) =>
      body.evaluate((el, field) => {
        const row = el.querySelector('.tabulator-row');
        const frozen = [...(row?.querySelectorAll('.tabulator-frozen') ?? [])];
        const cell = row?.querySelector(`[tabulator-field="${field}"]`)?.getBoundingClientRect();
        return {
          frozen: frozen.map((c) => c.getAttribute('tabulator-field')),
          frozenRight: Math.max(...frozen.map((c) => c.getBoundingClientRect().right)),
          left: cell?.left ?? 0,
          right: cell?.right ?? 0,
          top: cell?.top ?? 0,
          bottom: cell?.bottom ?? 0,
        };
      }, field);
    const field = 'v.3';
    // The body scrolled sideways until half of the column is under the frozen columns.
    await body.evaluate((el, field) => {
      const row = el.querySelector('.tabulator-row');
      const frozen = [...(row?.querySelectorAll('.tabulator-frozen') ?? [])];
      const right = Math.max(...frozen.map((c) => c.getBoundingClientRect().right));
      const cell = row?.querySelector(`[tabulator-field="${field}"]`)?.getBoundingClientRect();
      el.scrollLeft += (cell?.left ?? 0) - right + (cell?.width ?? 0) / 2;
    }, field);
    await expect
      .poll(async () => {
        const now = await place(field);
        return now.left < now.frozenRight - 10 && now.right > now.frozenRight + 10;
      })
      .toBe(true);
    const cut = await place(field);
    expect(cut.frozen).toEqual(['run', 'model']);
    await page.mouse.click((cut.frozenRight + cut.right) / 2, (cut.top + cut.bottom) / 2);
    await expect
      .poll(async () => (await place(field)).left)
      .toBeGreaterThanOrEqual(cut.frozenRight - 0.5);
    expect(
      await page.locator('lb-compare [aria-current="true"]').getAttribute('tabulator-field'),
    ).toBe(field);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Comparison on a phone', () => {
  // A long name, a baseline merged into two runs (one name in two rows) and a short name.
  const picked = [
    ['exp_datamix', 'n4-g8-en_ratio0.35-cc_ratio0.3_4000'],
    ['exp_lr_gbs', 'BASELINE_experiments_qwen3-4b_00000'],
    ['exp_datamix', 'BASELINE_experiments_qwen3-4b_00000'],
    ['hero_8b', 'hero_8b_20000'],
  ] as const;
  const url = () =>
    `${site.origin}/compare/?models=${picked.map(([run, model]) => `${run}:${model}`).join(',')}`;
  const phone = { viewport: { width: 360, height: 740 } };

  /**
   * The table's layout: where its body's client area runs, the frozen columns and where they
   * end, the value columns' boxes (from their headers: every header is drawn), and each row's
   * frozen cells with their texts, tooltip, and whether their content is cut (an ellipsis).
   */
  const layout = (page: Page) =>
    page.locator('lb-compare .tabulator').evaluate((table) => {
      const body = table.querySelector<HTMLElement>('.tabulator-tableholder');
      if (body === null) throw new Error('no table body');
      const left = body.getBoundingClientRect().left + body.clientLeft;
      const heads = [...table.querySelectorAll<HTMLElement>('.tabulator-header .tabulator-col')];
      const frozen = heads.filter((col) => col.classList.contains('tabulator-frozen'));
      const box = (el: Element) => {
        const { left: l, right: r } = el.getBoundingClientRect();
        return { left: l, right: r };
      };
      return {
        left,
        right: left + body.clientWidth,
        frozen: frozen.map((col) => col.getAttribute('tabulator-field') ?? ''),
        frozenRight: Math.max(left, ...frozen.map((col) => box(col).right)),
        values: heads
          .filter((col) => col.getAttribute('tabulator-field')?.startsWith('v.') === true)
          .map(box),
        rows: [...table.querySelectorAll('.tabulator-row')].map((row) =>
          [...row.querySelectorAll<HTMLElement>('.tabulator-frozen')].map((cell) => ({
            field: cell.getAttribute('tabulator-field') ?? '',
            text: cell.textContent,
            model: cell.querySelector('.model-name')?.textContent ?? null,
            run: cell.querySelector('.model-run')?.textContent ?? null,
            title: cell.title,
            cut: cell.scrollWidth > cell.clientWidth,
          })),
        ),
      };
    });

  it('freezes the model alone, its run under its name, and leaves about half the table to the values', async () => {
    const { page, problems } = await open(site.browser, url(), phone);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const shown = await layout(page);
    const width = shown.right - shown.left;
    const room = shown.right - shown.frozenRight;
    expect(shown.frozen).toEqual(['model']);
    // About half, as a run page's model column at this width (170 of 334 px).
    expect((shown.frozenRight - shown.left) / width).toBeLessThanOrEqual(0.55);
    const whole = shown.values.filter(
      (box) => box.left >= shown.frozenRight - 0.5 && box.right <= shown.right + 0.5,
    );
    expect(whole.length).toBeGreaterThanOrEqual(1);
    // Every value column fits beside it, so the keys can show each whole.
    for (const box of shown.values) expect(box.right - box.left).toBeLessThanOrEqual(room + 0.5);
    // Each row names its model and its run in full, wrapped, never cut.
    const names = shown.rows.map((cells) => {
      expect(cells.length).toBe(1);
      const cell = cells[0];
      expect(cell?.cut).toBe(false);
      expect(cell?.title).toBe(`${cell?.model ?? ''} — ${cell?.run ?? ''}`);
      return [cell?.run, cell?.model];
    });
    expect(names.sort()).toEqual(picked.map(([run, model]) => [run, model]).sort());
    const header = page.locator('lb-compare .tabulator-col[tabulator-field="model"] button');
    expect(await header.locator('.col-sub').textContent()).toBe('run');
    // Sorted by model, and by run among rows of one model.
    const order = async () =>
      (await layout(page)).rows.map((cells) => `${cells[0]?.model ?? ''} ${cells[0]?.run ?? ''}`);
    await clickInTable(header);
    const ascending = [
      'BASELINE_experiments_qwen3-4b_00000 exp_datamix',
      'BASELINE_experiments_qwen3-4b_00000 exp_lr_gbs',
      'hero_8b_20000 hero_8b',
      'n4-g8-en_ratio0.35-cc_ratio0.3_4000 exp_datamix',
    ];
    expect(await order()).toEqual(ascending);
    await clickInTable(header);
    expect(await order()).toEqual([...ascending].reverse());
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moves the current cell over every value column, each whole beside the model, the line naming the run', async () => {
    const { page, problems } = await open(site.browser, url(), phone);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const { values } = await layout(page);
    await page.locator('lb-compare .tabulator-tableholder').focus();
    const line = page.locator('lb-compare .cell-detail');
    for (const [step, key] of ['ArrowDown', ...values.slice(1).map(() => 'ArrowRight')].entries()) {
      await page.keyboard.press(key);
      await expect
        .poll(
          () =>
            page.locator('lb-compare .tabulator').evaluate((table) => {
              const cell = table.querySelector('[aria-current="true"]');
              const body = table.querySelector<HTMLElement>('.tabulator-tableholder');
              const frozen = cell?.closest('.tabulator-row')?.querySelector('.tabulator-frozen');
              if (cell == null || body === null || frozen == null) return null;
              const box = cell.getBoundingClientRect();
              const right = body.getBoundingClientRect().left + body.clientLeft + body.clientWidth;
              const clear = frozen.getBoundingClientRect().right;
              return {
                field: cell.getAttribute('tabulator-field'),
                whole: box.left >= clear - 0.5 && box.right <= right + 0.5,
              };
            }),
          { timeout: 5_000 },
        )
        .toEqual({ field: expect.stringMatching(/^v\./) as unknown, whole: true });
      // The first row's cells, named with the run.
      const label = step === 0 ? 'SEA Avg' : step === values.length - 1 ? 'Aggregate' : '';
      expect(await line.textContent()).toContain(
        `n4-g8-en_ratio0.35-cc_ratio0.3_4000 (exp_datamix) · ${label}`,
      );
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the run and the model in frozen columns of their own in a wide window', async () => {
    const { page, problems } = await open(site.browser, url(), {
      viewport: { width: 1280, height: 800 },
    });
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const shown = await layout(page);
    expect(shown.frozen).toEqual(['run', 'model']);
    const names = shown.rows.map((cells) => {
      expect(cells.map((cell) => [cell.field, cell.run])).toEqual([
        ['run', null],
        ['model', null],
      ]);
      return [cells[0]?.text, cells[1]?.model];
    });
    expect(names.sort()).toEqual(picked.map(([run, model]) => [run, model]).sort());
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** One cell as a table shows it: its text and its tooltip (coverage, or why it is empty). */
interface ShownCell {
  readonly text: string;
  readonly title: string;
  /** Marked partial (its `*`). */
  readonly partial: boolean;
}

/**
 * The SEA Avg and Aggregate cells of a grid's visible rows by model (`run model` where the grid
 * has a Run column), with the fields (`v.<index>`) of the two columns in that grid.
 */
async function averages(
  page: Page,
  scope: string,
  fields: { readonly sea: string; readonly total: string },
): Promise<Record<string, { sea: ShownCell; total: ShownCell }>> {
  const rows = await page.locator(`${scope} .tabulator-row:visible`).evaluateAll(
    (elements, f) =>
      elements.map((row) => {
        const cell = (field: string) => {
          const el = row.querySelector(`[tabulator-field="${field}"]`);
          return {
            text: el?.textContent ?? '',
            title: el?.getAttribute('title') ?? '',
            partial: el?.classList.contains('partial') ?? false,
          };
        };
        const run = row.querySelector('[tabulator-field="run"]')?.textContent;
        const model = row.querySelector('.model-name')?.textContent ?? '';
        return {
          name: run === undefined || run === null ? model : `${run} ${model}`,
          sea: cell(f.sea),
          total: cell(f.total),
        };
      }),
    fields,
  );
  return Object.fromEntries(rows.map((r) => [r.name, { sea: r.sea, total: r.total }]));
}

describe('Comparison, hidden columns', () => {
  const picked = [
    ['exp_lr_gbs', 'LR3e-4_GBS512_04000'],
    ['exp_lr_gbs', 'LR6e-4_GBS256_06000'],
    ['hero_8b', 'hero_8b_20000'],
  ] as const;
  const models = picked.map(([r, m]) => `${r}:${m}`).join(',');
  const runPages = { exp_lr_gbs: '/experiments/exp_lr_gbs/', hero_8b: '/hero-runs/hero_8b/' };

  /** The fields of SEA Avg and Aggregate in a payload's columns (a run's, or the comparison's). */
  const fieldsOf = (columns: readonly { readonly id: string }[]) => ({
    sea: `v.${columns.findIndex((c) => c.id === 'sea_total')}`,
    total: `v.${columns.findIndex((c) => c.id === 'total')}`,
  });
  const compareFields = () =>
    fieldsOf(
      (
        JSON.parse(
          /<script type="application\/json" data-compare-json>([\s\S]*?)<\/script>/.exec(
            fs.readFileSync(path.join(site.dist, 'compare/index.html'), 'utf8'),
          )?.[1] ?? '{}',
        ) as { columns: { id: string }[] }
      ).columns,
    );

  /**
   * SEA Avg and Aggregate of the picked models as their run pages show them with `hide` in the
   * address (`run model` -> cells), each run page opened afresh.
   */
  async function onRunPages(hide: string) {
    const cells: Record<string, { sea: ShownCell; total: ShownCell }> = {};
    for (const [key, url] of Object.entries(runPages)) {
      const scores = JSON.parse(
        fs.readFileSync(path.join(site.dist, `data${url}scores.json`), 'utf8'),
      ) as RunData;
      const { page, problems } = await open(site.browser, `${site.origin}${url}?hide=${hide}`);
      await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
      const shown = await averages(page, '[data-panel="overall"]', fieldsOf(scores.columns));
      for (const [run, model] of picked) {
        const cell = shown[model];
        if (run === key && cell !== undefined) cells[`${run} ${model}`] = cell;
      }
      expect(problems).toEqual([]);
      await page.close();
    }
    expect(Object.keys(cells).length).toBe(picked.length);
    return cells;
  }

  it('keeps a hidden language in the address; the link opens with it hidden and the run pages numbers', async () => {
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=${models}&x=en`,
    );
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const before = await averages(page, 'lb-compare', compareFields());
    await page.locator('lb-compare summary', { hasText: 'Columns' }).click();
    await page.locator('lb-compare label.check', { hasText: 'Thai' }).locator('input').uncheck();
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const address = new URL(page.url());
    expect(address.searchParams.get('hide')).toBe('th');
    // Beside the models and axes, which stay as they were.
    expect(address.search).toBe(`?models=${models}&hide=th&x=en`);
    const hiddenNote = page.locator('lb-compare [data-hidden-languages-note]');
    expect(await hiddenNote.innerText()).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Thai.',
    );
    const after = await averages(page, 'lb-compare', compareFields());
    expect(after).not.toEqual(before);

    // The link, opened afresh: Thai hidden, its box unchecked, the same numbers and note.
    const linked = await open(site.browser, address.href);
    await linked.page.waitForSelector('lb-compare[data-ready="true"]');
    const headers = await linked.page
      .locator('lb-compare .tabulator-col:visible .col-title')
      .allTextContents();
    expect(headers).not.toContain('Thai');
    expect(headers).toContain('Tamil');
    const box = linked.page.locator('lb-compare label.check', { hasText: 'Thai' }).locator('input');
    expect(await box.isChecked()).toBe(false);
    expect(await linked.page.locator('lb-compare [data-hidden-languages-note]').innerText()).toBe(
      'SEA Avg and Aggregate exclude hidden languages: Thai.',
    );
    const reopened = await averages(linked.page, 'lb-compare', compareFields());
    expect(reopened).toEqual(after);
    // Each row as its run page shows it with Thai hidden: value, partial mark and tooltip.
    expect(reopened).toEqual(await onRunPages('th'));
    expect(new URL(linked.page.url()).search).toBe(address.search);
    expect(problems).toEqual([]);
    expect(linked.problems).toEqual([]);
    await page.close();
    await linked.page.close();
  });

  it('marks partial values and says why, as their run pages do', async () => {
    const { page, problems } = await open(site.browser, `${site.origin}/compare/?models=${models}`);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const shown = await averages(page, 'lb-compare', compareFields());
    expect(Object.values(shown).some((cells) => cells.sea.partial || cells.total.partial)).toBe(
      true,
    );
    expect(shown).toEqual(await onRunPages(''));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads a link by ids or shown names as run pages do, drops unknown names, and says what the averages cover', async () => {
    const hide = 'Malay,my,English,nope';
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=${models}&hide=${hide}`,
    );
    await page.waitForSelector('lb-compare[data-ready="true"]');
    // Rewritten by id, in column order, the unknown name dropped: what a run page writes.
    expect(new URL(page.url()).searchParams.get('hide')).toBe('ms,my,en');
    expect(await page.locator('lb-compare [data-hidden-languages-note]').innerText()).toBe(
      'SEA Avg excludes hidden languages: Malay, Burmese. Aggregate is empty while English is hidden: it is (SEA Avg + English) / 2, never SEA Avg alone.',
    );
    // Without Malay and Burmese both runs average the same five languages: nothing to warn of.
    expect(await page.locator('[data-sea-languages-note]').isVisible()).toBe(false);
    const shown = await averages(page, 'lb-compare', compareFields());
    expect(new Set(Object.values(shown).map((c) => c.total.text))).toEqual(new Set(['–']));
    expect(shown).toEqual(await onRunPages(hide));
    // The scatter draws SEA Avg and Aggregate as the table does, and says so.
    await expect
      .poll(() => page.locator('[data-scatter-hidden-note]').innerText())
      .toMatch(/^As the table computes them: SEA Avg excludes hidden languages: Malay, Burmese\./);
    await expect
      .poll(() => page.locator('[data-scatter] lb-chart').innerText())
      .toContain('No model has both SEA Avg and Aggregate.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names the hidden columns while no model is picked, and shows them all again from the keyboard', async () => {
    const { page, problems } = await open(site.browser, `${site.origin}/compare/?hide=Thai,en`);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(new URL(page.url()).search).toBe('?hide=th,en');
    const note = page.locator('lb-compare [data-hidden-columns-note]');
    expect(await note.innerText()).toBe(
      'Hidden columns: Thai, English. The table of the models you pick leaves them out.',
    );
    // In a live region, the button beside it rather than inside.
    expect(await note.evaluate((el) => el.parentElement?.getAttribute('role'))).toBe('status');
    const button = page.getByRole('button', { name: 'Show all columns' });
    await expect.poll(() => page.locator('[data-scatter-hidden-note]').isVisible()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(new URL(page.url()).search).toBe('');
    expect(await note.innerText()).toBe('Every column is shown again.');
    expect(await button.isVisible()).toBe(false);
    // The focus is not lost with the button: it is in the model picker.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'combobox',
    );
    await expect.poll(() => page.locator('[data-scatter-hidden-note]').isVisible()).toBe(false);
    // A model picked: its table shows every column, and the note has gone.
    await page.keyboard.type('hero_8b_20000');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const headers = await page
      .locator('lb-compare .tabulator-col:visible .col-title')
      .allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Thai', 'English']));
    expect(await note.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the columns hidden in a table whose last model is removed in sight, and undoable', async () => {
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=hero_8b:hero_8b_20000`,
    );
    await page.waitForSelector('lb-compare[data-ready="true"]');
    await page.locator('lb-compare summary', { hasText: 'Columns' }).click();
    const thai = page.locator('lb-compare label.check', { hasText: 'Thai' }).locator('input');
    await thai.uncheck();
    await page.getByRole('button', { name: 'Remove hero_8b_20000 — hero_8b' }).click();
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(new URL(page.url()).search).toBe('?hide=th');
    expect(await page.locator('lb-compare [data-hidden-columns-note]').innerText()).toBe(
      'Hidden columns: Thai. The table of the models you pick leaves them out.',
    );
    await page.getByRole('button', { name: 'Show all columns' }).click();
    await page.waitForSelector('lb-compare[data-ready="true"]');
    expect(new URL(page.url()).search).toBe('');
    // The table, shown again, has Thai back, and its chooser says so.
    await page.keyboard.type('hero_8b_20000');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const header = page.locator('lb-compare .tabulator-col:visible .col-title', {
      hasText: /^Thai$/,
    });
    expect(await header.count()).toBe(1);
    expect((await header.boundingBox())?.width).toBeGreaterThan(20);
    expect(await thai.isChecked()).toBe(true);
    expect(new URL(page.url()).search).toBe('?models=hero_8b:hero_8b_20000');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says which runs have no SEA language left while another run still has some', async () => {
    // hero_8b's five languages hidden; exp_lr_gbs keeps Malay and Burmese.
    const { page, problems } = await open(
      site.browser,
      `${site.origin}/compare/?models=${models}&hide=id,vi,th,ta,tl`,
    );
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const hidden =
      'SEA Avg and Aggregate exclude hidden languages: Indonesian, Vietnamese, Thai, Tamil, Filipino';
    expect(await page.locator('lb-compare [data-hidden-languages-note]').innerText()).toBe(
      `${hidden}; none is left for hero_8b, so both are empty in its rows.`,
    );
    expect(await page.locator('[data-sea-languages-note]').innerText()).toMatch(
      /exp_lr_gbs: 2 \(Malay, Burmese\); hero_8b: none\.$/,
    );
    const shown = await averages(page, 'lb-compare', compareFields());
    expect(shown['hero_8b hero_8b_20000']?.sea.title).toBe('0/0: every SEA language is hidden');
    expect(shown['exp_lr_gbs LR6e-4_GBS256_06000']?.sea.text).not.toBe('–');
    // The scatter draws every run: exp_datamix has none left either.
    await expect
      .poll(() => page.locator('[data-scatter-hidden-note]').innerText())
      .toBe(
        `As the table computes them: ${hidden}; none is left for exp_datamix and hero_8b, so both are empty in their points.`,
      );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('does not write a note again with the text it shows, which its live region would announce again', async () => {
    // No model picked (the hidden columns' note), and one picked (the table's note on hidden
    // languages); the scatter's note on them in both. Another X axis, Y still Aggregate: no
    // note has anything new to say.
    const notes = [
      '[data-hidden-columns-note]',
      '[data-hidden-languages-note]',
      '[data-scatter-hidden-note]',
    ];
    for (const query of ['?hide=Thai,en', `?models=hero_8b:hero_8b_20000&hide=th`]) {
      const { page, problems } = await open(site.browser, `${site.origin}/compare/${query}`);
      await page.waitForSelector('lb-compare[data-ready="true"]');
      const said = () =>
        page.evaluate(
          (selectors) =>
            selectors.map((s) => document.querySelector<HTMLElement>(s)?.innerText ?? ''),
          notes,
        );
      const before = await said();
      expect(before.filter((text) => text !== '').length).toBe(2);
      await page.evaluate((selectors) => {
        const written: string[] = [];
        Object.assign(window, { written });
        for (const selector of selectors) {
          const note = document.querySelector(selector);
          if (note === null) continue;
          const observer = new MutationObserver(() => written.push(selector));
          observer.observe(note, { childList: true, characterData: true, subtree: true });
        }
      }, notes);
      await page.getByLabel('X axis').selectOption('vi');
      await page.waitForSelector('lb-compare[data-ready="true"]');
      expect(await said()).toEqual(before);
      expect(
        await page.evaluate(() => (window as unknown as { written: string[] }).written),
      ).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});

describe('a run without models', () => {
  const fixture = useFixtureSite(runsWithoutModels);
  const views = ['overall', 'delta', 'competency', 'task', 'pareto', 'contour', 'inclexcl'];

  it.each(views)(
    '%s says the run has no models and why, not that filters hid them',
    async (view) => {
      const { page, problems } = await open(
        site.browser,
        `${fixture.origin()}/experiments/exp_empty/?view=${view}`,
      );
      await page.waitForSelector(`[data-panel="${view}"][data-ready="true"]`);
      const text = await page.locator(`[data-panel="${view}"]`).innerText();
      expect(text).toContain(
        'This run has no models (no result file below runs/empty: it holds no .json file).',
      );
      expect(text).not.toMatch(/match the search|No model has both|hyperparameters/);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('says on the index why each run has no models, as text', () => {
    const html = fs.readFileSync(path.join(fixture.dist(), 'index.html'), 'utf8');
    const reasons = [...html.matchAll(/<span class="muted no-models"[^>]*>([^<]*)<\/span>/g)].map(
      (m) => m[1],
    );
    const escaped = EVIL.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(reasons).toEqual([
      'No models (no result file below runs/empty: it holds no .json file)',
      'No models (path runs/gone does not exist; it has no results)',
      `No models (path runs/${escaped} does not exist; it has no results)`,
    ]);
    expect(html).not.toContain('<img');
  });

  it('names a path that does not exist', async () => {
    const { page } = await open(site.browser, `${fixture.origin()}/experiments/exp_gone/`);
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    expect(await page.locator('[data-panel="overall"] .tabulator-placeholder').innerText()).toBe(
      'This run has no models (path runs/gone does not exist; it has no results).',
    );
    await page.close();
  });

  it('leaves the comparison page nothing to compare, and says so', async () => {
    const { page, problems } = await open(site.browser, `${fixture.origin()}/compare/`);
    await page.waitForSelector('lb-compare[data-ready="true"]');
    const text = await page.locator('main').innerText();
    expect(text).toContain('No run has a model');
    expect(text).not.toMatch(/Unknown metric|Please select models/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a run with baselines alone', () => {
  const fixture = useFixtureSite(runWithBaselineOnly);

  it('says on its page why it has no model of its own, beside its baseline row', async () => {
    const url = `${fixture.origin()}/experiments/exp_later/`;
    const { page, problems } = await open(site.browser, url);
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    expect(await page.locator('main > p.muted').first().innerText()).toMatch(
      /^Experiment · 0 models \(path runs\/later does not exist; it has no results\) · baselines: bl/,
    );
    expect(await page.locator('[data-panel="overall"] .tabulator-row').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('Printing', () => {
  /** The table printed in `scope`, as text: its header, and each row's cells. */
  const printedIn = (page: Page, scope: string) =>
    page.locator(`${scope} table.print-table`).evaluate((table: HTMLTableElement) => {
      const text = (row: HTMLTableRowElement) => [...row.cells].map((c) => c.textContent ?? '');
      const [head] = table.tHead?.rows ?? [];
      return {
        head: head === undefined ? [] : text(head),
        rows: [...(table.tBodies[0]?.rows ?? [])].map(text),
      };
    });
  /** The table printed for a view. */
  const printed = (page: Page, view: string) => printedIn(page, `[data-panel="${view}"]`);
  /** What the browser does as it prints: tell the page, then lay it out for paper. */
  const startPrinting = async (page: Page) => {
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
  };
  const overallIds = ['sea_total', 'id', 'vi', 'th', 'ta', 'tl', 'ms', 'my', 'en', 'total'];
  const labelOf = (id: string) => run.columns[col(id)]?.label ?? '';
  const modelText = (row: Row) => (row.baseline === null ? row.model : `${row.model} baseline`);

  it('prints every row the search keeps, in their order, with their values, in place of the table and its controls', async () => {
    // A window of a few rows: Tabulator's box, printed, showed one screen of them.
    const { page, problems } = await openView('overall', '', {
      viewport: { width: 1000, height: 400 },
      colorScheme: 'dark',
    });
    await page.locator('[data-panel="overall"] input[type="search"]').fill('GBS');
    await applied(page, 'overall', 'sea_total', ({ model }) => model.includes('GBS'));
    await clickInTable(
      page.locator(
        `[data-panel="overall"] .tabulator-col[tabulator-field="v.${col('sea_total')}"] .col-title`,
      ),
    );
    const sort = await page
      .locator(`[data-panel="overall"] .tabulator-col[tabulator-field="v.${col('sea_total')}"]`)
      .getAttribute('aria-sort');
    await startPrinting(page);
    const table = page.locator('[data-panel="overall"] table.print-table');
    expect(await table.isVisible()).toBe(true);
    for (const hidden of ['.grid-table', '.grid-toolbar', '.cell-detail']) {
      expect(await page.locator(`[data-panel="overall"] ${hidden}`).isVisible()).toBe(false);
    }
    const { head, rows } = await printed(page, 'overall');
    expect(head).toEqual(['Model', ...overallIds.map(labelOf)]);
    const kept = run.rows.filter((r) => r.model.includes('GBS'));
    const value = (r: Row) => r.values[col('sea_total')] ?? Number.NaN;
    expect(kept.every((r) => !Number.isNaN(value(r)))).toBe(true);
    const sorted = [...kept].sort((a, b) =>
      sort === 'ascending' ? value(a) - value(b) : value(b) - value(a),
    );
    expect(rows).toEqual(
      sorted.map((r) => [modelText(r), ...overallIds.map((id) => formatScore(r.values[col(id)]))]),
    );
    // Paper is white: the dark theme's light text would hardly show on it.
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe(
      'rgb(27, 31, 36)',
    );
    // Done printing, the table is the interactive one again.
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('table.print-table').count()).toBe(0);
    expect(await page.locator('[data-panel="overall"] .grid-table').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints the columns shown, baselines named, and only the table of the tab shown', async () => {
    const { page, problems } = await openView('overall', '&hide=th');
    await startPrinting(page);
    expect(await page.locator('table.print-table').count()).toBe(1);
    const { head, rows } = await printed(page, 'overall');
    expect(head).toEqual(['Model', ...overallIds.filter((id) => id !== 'th').map(labelOf)]);
    expect(rows.map((r) => r[0])).toEqual(run.rows.map(modelText));
    expect(run.rows.some((r) => r.baseline !== null)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("prints Delta's differences as the table shows them, its reference row in bold", async () => {
    const { page, problems } = await openView('delta');
    const shown = await visible(page, 'delta', 'sea_total');
    await startPrinting(page);
    const { rows } = await printed(page, 'delta');
    expect(rows.length).toBe(run.rows.length);
    const printedText = new Map(rows.map((r) => [r[0], r[1]]));
    for (const r of shown) {
      const row = rowOf(r.model);
      expect(printedText.get(modelText(row))).toBe(r.text);
    }
    const weight = await page
      .locator('[data-panel="delta"] table.print-table tr.reference td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).fontWeight);
    expect(Number(weight)).toBeGreaterThanOrEqual(600);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints a table wider than a page in blocks of columns, each with the model names and fitting the page', async () => {
    // English has 40 tasks in the sample: printed as one table, most were cut at the paper's edge.
    const ids = run.columns.filter((c) => c.level === 'task' && c.lang === 'en').map((c) => c.id);
    expect(ids.length).toBeGreaterThan(30);
    const tasks = JSON.parse(
      fs.readFileSync(path.join(site.dist, 'data/experiments/exp_lr_gbs/tasks.json'), 'utf8'),
    ) as TaskPart;
    // A window as wide as Chromium may lay out a portrait A4 page (718 px of paper, shrunk).
    const { page, problems } = await openView('task', '&lang=en', {
      viewport: { width: 955, height: 1000 },
    });
    await startPrinting(page);
    const blocks = await page
      .locator('[data-panel="task"] table.print-table')
      .evaluateAll((tables: HTMLTableElement[]) =>
        tables.map((table) => {
          const text = (row: HTMLTableRowElement) => [...row.cells].map((c) => c.textContent ?? '');
          const [head] = table.tHead?.rows ?? [];
          return {
            caption: table.caption?.textContent ?? '',
            head: head === undefined ? [] : text(head),
            rows: [...(table.tBodies[0]?.rows ?? [])].map(text),
            overflows:
              table.getBoundingClientRect().width > (table.parentElement?.clientWidth ?? 0),
          };
        }),
      );
    expect(blocks.length).toBeGreaterThan(1);
    let first = 1;
    for (const block of blocks) {
      expect(block.overflows).toBe(false);
      expect(block.head[0]).toBe('Model');
      expect(block.rows.map((r) => r[0])).toEqual(run.rows.map(modelText));
      const last = first + block.head.length - 2;
      expect(block.caption).toMatch(new RegExp(`\\(columns ${first}–${last} of ${ids.length}\\)$`));
      first = last + 1;
    }
    // Side by side, the blocks give every column once, in order, with each row's values.
    expect(blocks.flatMap((b) => b.head.slice(1))).toHaveLength(ids.length);
    run.rows.forEach((_, i) => {
      const cells = blocks.flatMap((b) => b.rows[i]?.slice(1) ?? []);
      const values = tasks.rows[i]?.values ?? [];
      expect(cells).toEqual(ids.map((id) => formatScore(values[col(id) - tasks.offset] ?? null)));
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks partial values on paper as the table does, with their *', async () => {
    const { page, problems } = await openView('overall');
    await startPrinting(page);
    const marks = await page
      .locator('[data-panel="overall"] table.print-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')].map((cell) => getComputedStyle(cell, '::after').content),
        ),
      );
    const expected = run.rows.map((r) =>
      overallIds.map((id) => (r.status[col(id)] === 'p' ? '"*"' : 'none')),
    );
    expect(expected.flat()).toContain('"*"');
    expect(marks).toEqual(expected);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("prints the comparison's run before each model, and says across the table when the search keeps none", async () => {
    const picked = ['exp_lr_gbs:LR3e-4_GBS512_04000', 'hero_8b:hero_8b_20000'];
    const { page, problems } = await openComparison(picked);
    await startPrinting(page);
    const { head, rows } = await printedIn(page, 'lb-compare');
    expect(head.slice(0, 3)).toEqual(['Run', 'Model', 'SEA Avg']);
    expect(rows.map((r) => `${r[0] ?? ''}:${r[1] ?? ''}`)).toEqual(picked);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.locator('lb-compare input[type="search"]').fill('no such model');
    await expect
      .poll(() => page.locator('lb-compare .row-count').textContent())
      .toBe('0 of 2 rows');
    await startPrinting(page);
    const empty = await printedIn(page, 'lb-compare');
    expect(empty.rows).toEqual([['No models match the search and filters.']]);
    expect(
      await page.locator('lb-compare table.print-table tbody td').getAttribute('colspan'),
    ).toBe(String(head.length));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("names a --limit run's rows on paper and on screen, as the static table does", async () => {
    const hero = JSON.parse(
      fs.readFileSync(path.join(site.dist, 'data/hero-runs/hero_8b/scores.json'), 'utf8'),
    ) as RunData;
    expect(hero.rows.some((r) => r.limited)).toBe(true);
    const { page, problems } = await open(site.browser, `${site.origin}/hero-runs/hero_8b/`);
    await page.waitForSelector('[data-panel="overall"][data-ready="true"]');
    await startPrinting(page);
    const { rows } = await printed(page, 'overall');
    const named = (r: Row) =>
      [r.model, ...(r.baseline === null ? [] : ['baseline']), ...(r.limited ? ['limit'] : [])].join(
        ' ',
      );
    expect(rows.map((r) => r[0])).toEqual(hero.rows.map(named));
    // On screen too, its badge beside its name.
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    const panel = page.locator('[data-panel="overall"]');
    for (const row of hero.rows.filter((r) => r.limited)) {
      await panel.locator('input[type="search"]').fill(row.model);
      await expect
        .poll(() =>
          panel
            .locator('.tabulator-row')
            .evaluateAll((shown) =>
              shown.map((el) =>
                [el.querySelector('.model-name'), ...el.querySelectorAll('.badge')]
                  .map((part) => part?.textContent ?? '')
                  .join(' '),
              ),
            ),
        )
        .toEqual([named(row)]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("is made as the browser prints (Chromium's PDF), and gone after", async () => {
    const { page, problems } = await openView('overall');
    await page.evaluate(() => {
      addEventListener('beforeprint', () => {
        const table = document.querySelector('table.print-table');
        document.body.dataset['printedRows'] = String(table?.querySelectorAll('tbody tr').length);
      });
    });
    await page.pdf();
    expect(await page.evaluate(() => document.body.dataset['printedRows'])).toBe(
      String(run.rows.length),
    );
    expect(await page.locator('table.print-table').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
