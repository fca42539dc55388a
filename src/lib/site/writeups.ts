/**
 * Write-ups: MDX pages in `src/content/writeups/` that embed the leaderboard's tables and charts
 * through components. This module holds what the pages and components share at build time.
 */

import path from 'node:path';
import { compareCodePoints } from '../compare.ts';
import { printable } from '../printable.ts';

interface Listed {
  readonly id: string;
  readonly data: { readonly title: string; readonly date?: Date | undefined };
}

/**
 * The order write-ups are listed in: newest first (undated last), then by title, then by file
 * name (its entry id), each in code-point order. Astro's content store gives the collection
 * sorted by id in the build machine's locale, so two write-ups with one title and date came in
 * another order under another `LANG` (`ä-note` before `z-note` in English, after it in Swedish).
 */
export function compareWriteups(a: Listed, b: Listed): number {
  return (
    (b.data.date?.getTime() ?? 0) - (a.data.date?.getTime() ?? 0) ||
    compareCodePoints(a.data.title, b.data.title) ||
    compareCodePoints(a.id, b.id)
  );
}

/**
 * Whether a write-up belongs to the site being built. A write-up may name, in its frontmatter,
 * the config it was written for (`config: leaderboard.config.yaml`, relative to the project
 * root): it is left out when the site is built from another config, whose runs it does not know.
 * Without `config` it always belongs (and a wrong run name in it fails the build). `canonical`
 * (the caller's I/O) names one file by one path whatever links lead to it.
 */
export function writeupApplies(
  config: string | undefined,
  configFile: string | null,
  root: string,
  canonical: (absolute: string) => string = (absolute) => absolute,
): boolean {
  if (config === undefined || configFile === null) return true;
  return canonical(path.resolve(root, config)) === canonical(path.resolve(configFile));
}

/**
 * Why a write-up's `config` is wrong, or null: it must name a config file that exists. A path
 * with a typo matches no build's config, so the write-up would be left out of every site
 * without a word. `isFile` is given the absolute path (the caller's I/O).
 */
export function writeupConfigProblem(
  file: string,
  config: string | undefined,
  root: string,
  isFile: (absolute: string) => boolean,
): string | null {
  if (config === undefined) return null;
  const absolute = path.resolve(root, config);
  if (isFile(absolute)) return null;
  return `${file}: config: no file '${printable(config)}' (${printable(absolute)}); expected the config file the write-up was written for, relative to the project root`;
}

interface WriteupLocals {
  writeupFile?: string;
  chartCount?: number;
}

/**
 * The page rendering a write-up records its file in `Astro.locals`, which the components of the
 * same render share, so their error messages can name it.
 */
export function setWriteupFile(locals: object, file: string): void {
  (locals as WriteupLocals).writeupFile = file;
}

export function writeupFile(locals: object): string {
  return (locals as WriteupLocals).writeupFile ?? 'a page';
}

/** A chart id unique on the page: `wu-pareto-2`. */
export function nextChartId(locals: object, kind: string): string {
  const holder = locals as WriteupLocals;
  holder.chartCount = (holder.chartCount ?? 0) + 1;
  return `wu-${kind}-${holder.chartCount}`;
}
