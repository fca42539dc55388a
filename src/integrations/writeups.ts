/**
 * The write-ups of the site being built: the `writeups` collection without those written for
 * another config (see `writeupApplies`), newest first, then by title. A write-up whose `config`
 * names no file stops the build (see `writeupConfigProblem`).
 */

import fs from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { writeupApplies, writeupConfigProblem } from '../lib/site/writeups.ts';
import { sharedState } from './state.ts';

export type Writeup = CollectionEntry<'writeups'>;

export async function siteWriteups(): Promise<Writeup[]> {
  const { configFile, root: projectRoot } = sharedState();
  const root = projectRoot ?? process.cwd();
  const all = await getCollection('writeups');
  for (const entry of all) {
    const file = entry.filePath ?? `src/content/writeups/${entry.id}.mdx`;
    const problem = writeupConfigProblem(file, entry.data.config, root, isFile);
    if (problem !== null) throw new Error(problem);
  }
  const entries = all.filter((entry) => writeupApplies(entry.data.config, configFile, root));
  return entries.sort(
    (a, b) =>
      (b.data.date?.getTime() ?? 0) - (a.data.date?.getTime() ?? 0) ||
      (a.data.title < b.data.title ? -1 : a.data.title > b.data.title ? 1 : 0),
  );
}

/** How many write-ups the site leaves out (written for another config), given its own. */
export async function otherConfigWriteups(own: readonly Writeup[]): Promise<number> {
  return (await getCollection('writeups')).length - own.length;
}

function isFile(absolute: string): boolean {
  return fs.statSync(absolute, { throwIfNoEntry: false })?.isFile() ?? false;
}
