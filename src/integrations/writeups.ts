/**
 * The write-ups of the site being built: the `writeups` collection without those written for
 * another config (see `writeupApplies`), in `compareWriteups` order. A write-up whose `config`
 * names no file stops the build (see `writeupConfigProblem`).
 */

import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { throughRealFolder } from '../lib/config/real-folder.ts';
import { lineAt, writeupTagProblem } from '../lib/site/writeup-tags.ts';
import { compareWriteups, writeupApplies, writeupConfigProblem } from '../lib/site/writeups.ts';
import { sharedState } from './state.ts';
import { userError } from './user-error.ts';

export type Writeup = CollectionEntry<'writeups'>;

export async function siteWriteups(): Promise<Writeup[]> {
  const { configFile } = sharedState();
  const root = projectRoot();
  const all = await getCollection('writeups');
  for (const entry of all) {
    const problem = writeupConfigProblem(writeupPath(entry), entry.data.config, root, isFile);
    if (problem !== null) throw userError(problem);
  }
  const entries = all.filter((entry) =>
    writeupApplies(entry.data.config, configFile, root, throughRealFolder),
  );
  return entries.sort(compareWriteups);
}

/** How many write-ups the site leaves out (written for another config), given its own. */
export async function otherConfigWriteups(own: readonly Writeup[]): Promise<number> {
  return (await getCollection('writeups')).length - own.length;
}

/**
 * Stops the build at a tag in the write-up that names no component but looks meant for one of
 * `components` (writeup-tags.ts), with the line in the file.
 */
export function checkWriteupTags(entry: Writeup, components: readonly string[]): void {
  const body = entry.body ?? '';
  const problem = writeupTagProblem(body, components);
  if (problem === null) return;
  const file = writeupPath(entry);
  const line = lineInFile(file, body, problem.at);
  throw userError(`${file}${line === null ? '' : `:${line}`}: ${problem.message}`);
}

function projectRoot(): string {
  return sharedState().root ?? process.cwd();
}

function writeupPath(entry: Writeup): string {
  return entry.filePath ?? `src/content/writeups/${entry.id}.mdx`;
}

/** The line of the body's `offset` in the file (the body follows the frontmatter); null: unknown. */
function lineInFile(file: string, body: string, offset: number): number | null {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(projectRoot(), file), 'utf8');
  } catch {
    return null;
  }
  const start = text.endsWith(body) ? text.length - body.length : text.indexOf(body);
  return start < 0 ? null : lineAt(text, start + offset);
}

function isFile(absolute: string): boolean {
  return fs.statSync(absolute, { throwIfNoEntry: false })?.isFile() ?? false;
}
