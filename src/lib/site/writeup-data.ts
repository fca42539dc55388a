/**
 * The runs the write-up components read, checked by name first: one entry per component, not
 * the whole collection (pages with many runs stay cheap).
 */

import { getEntry } from 'astro:content';
import { asRunData, asSiteData } from './entries.ts';
import type { RunData } from './site-data.ts';
import type { PropChecker } from './writeup-props.ts';

async function runKeys(): Promise<{ readonly key: string }[]> {
  const site = await getEntry('site', 'site');
  return site === undefined ? [] : asSiteData(site.data).runs.map((r) => ({ key: r.key }));
}

/** The run a component's prop names; a wrong name throws the checker's message. */
export async function loadRun(check: PropChecker, value: unknown, prop = 'run'): Promise<RunData> {
  const { key } = check.run(await runKeys(), value, prop);
  const entry = await getEntry('runs', key);
  if (entry === undefined) return check.fail(prop, value, `run '${key}' has no data`);
  return asRunData(entry.data);
}

/** Every run, for the comparison scatter. */
export async function loadRuns(): Promise<RunData[]> {
  const runs: RunData[] = [];
  for (const { key } of await runKeys()) {
    const entry = await getEntry('runs', key);
    if (entry !== undefined) runs.push(asRunData(entry.data));
  }
  return runs;
}
