/**
 * The write-ups of the site being built: the `writeups` collection without those written for
 * another config (see `writeupApplies`), newest first, then by title.
 */

import { getCollection, type CollectionEntry } from 'astro:content';
import { writeupApplies } from '../lib/site/writeups.ts';
import { sharedState } from './state.ts';

export type Writeup = CollectionEntry<'writeups'>;

export async function siteWriteups(): Promise<Writeup[]> {
  const { configFile, root } = sharedState();
  const entries = await getCollection('writeups', (entry) =>
    writeupApplies(entry.data.config, configFile, root ?? process.cwd()),
  );
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
