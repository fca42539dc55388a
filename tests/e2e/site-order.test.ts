/**
 * The site lists runs in config order, as the merged reports do, whatever order Astro's content
 * store gives the `runs` collection in (sorted by key in the build machine's locale).
 */

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsOutOfNameOrder } from './fixtures.ts';
import { buildSite } from './harness.ts';

const CONFIG_ORDER = ['zeta', 'Alpha', 'beta'];

describe('a site whose run keys are not in name order', () => {
  let config: string;
  let dist: string;
  beforeAll(() => {
    config = runsOutOfNameOrder();
    dist = buildSite(config);
  });
  afterAll(() => {
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
  });

  /** The runs in the order their rows come, without repeats. */
  const runsOf = (rows: readonly string[]) => rows.filter((run, i) => rows[i - 1] !== run);

  it('has them in config order in the merged reports', () => {
    const csv = fs.readFileSync(path.join(dist, 'reports/merged/lang_report.csv'), 'utf8');
    const rows = csv.trim().split('\n').slice(1);
    expect(runsOf(rows.map((line) => line.split(',')[1] ?? ''))).toEqual(CONFIG_ORDER);
  });

  it('has them in config order on /compare/ too', () => {
    const html = fs.readFileSync(path.join(dist, 'compare/index.html'), 'utf8');
    const json = /<script type="application\/json" data-compare-json>(.*?)<\/script>/s.exec(html);
    const data = JSON.parse(json?.[1] ?? '{}') as {
      rows: { run: string }[];
      runColumns: Record<string, unknown>;
    };
    expect(runsOf(data.rows.map((row) => row.run))).toEqual(CONFIG_ORDER);
    expect(Object.keys(data.runColumns)).toEqual(CONFIG_ORDER);
  });
});
