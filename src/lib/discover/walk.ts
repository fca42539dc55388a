/**
 * Lists the `.json` entries below a folder (files, and anything else so named: a broken link,
 * a pipe): the folder itself, then each of its sub-folders in turn, each breadth first. Symbolic
 * links are followed, but every real folder is listed once only, so link loops end at once: a
 * folder the root reaches without links is listed under that path, whatever links point to it,
 * and every link not followed is reported with the path its folder is listed under. Folders
 * that cannot be read are reported instead of stopping the walk. A caller may take each
 * top-level folder's files as soon as it is walked whole.
 */

import fs from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../compare.ts';
import { isInside } from '../path-inside.ts';

export interface WalkResult {
  /** Paths relative to the root, POSIX separators, sorted by code point. */
  readonly files: string[];
  /** Folders that could not be read, relative to the root, with the reason. */
  readonly unreadable: { readonly folder: string; readonly reason: string }[];
  /**
   * Links to folders listed under another path (`listedAs`, relative to the root, '.' for the
   * root itself): not followed, so nothing is listed twice.
   */
  readonly linked: { readonly folder: string; readonly listedAs: string }[];
}

export interface WalkOptions {
  /**
   * Real path of a file never listed: the tool's own results.json, when the reports folder
   * lies below a run's path. Only that file: result files beside it are listed as any other.
   */
  readonly skipFile?: string | null;
  /**
   * Called once a top-level folder is walked whole, with the files below it (relative to the
   * root, in the order found); the walk then lets other work run before it goes on.
   */
  readonly onTopFolder?: (files: readonly string[]) => void;
}

interface Folder {
  readonly absolute: string;
  /** Relative to the root, POSIX separators; '' for the root. */
  readonly relative: string;
  /** Real path when known without asking (no link on the way); null: resolve it. */
  readonly real: string | null;
}

const JSON_NAME = /\.json$/i;

/** How long the walk runs before it lets other work (worker threads' messages) run. */
const YIELD_AFTER_MS = 2;

export async function listJsonFiles(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const walk: Walk = {
    files: [],
    unreadable: [],
    linked: [],
    listed: new Map(),
    skipFile: options.skipFile ?? null,
    rootReal: realOrNull(root),
  };
  // The root's own files, then its folders one at a time, in code-point order: a folder
  // outside the root reachable by two links is always listed under the same one, the first
  // met this way.
  const top = listBreadthFirst([{ absolute: root, relative: '', real: null }], walk, 1);
  let lastYield = performance.now();
  for (const folder of top) {
    const first = walk.files.length;
    listBreadthFirst([folder], walk, Infinity);
    if (options.onTopFolder === undefined) continue;
    options.onTopFolder(walk.files.slice(first));
    if (performance.now() - lastYield >= YIELD_AFTER_MS) {
      await new Promise((resume) => setImmediate(resume));
      lastYield = performance.now();
    }
  }
  walk.files.sort(compareCodePoints);
  return { files: walk.files, unreadable: walk.unreadable, linked: walk.linked };
}

interface Walk {
  readonly files: string[];
  readonly unreadable: { folder: string; reason: string }[];
  readonly linked: { folder: string; listedAs: string }[];
  /** Real path of each folder listed so far -> the path it is listed under. */
  readonly listed: Map<string, string>;
  readonly skipFile: string | null;
  readonly rootReal: string | null;
}

/**
 * Lists the folders and, breadth first, the folders below them down to `depth` levels; returns
 * the sub-folders found below the last level (none when the depth is unlimited).
 */
function listBreadthFirst(start: readonly Folder[], walk: Walk, depth: number): Folder[] {
  let level = [...start];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: Folder[] = [];
    for (const folder of level) listInto(folder, walk, next);
    level = next;
  }
  return level;
}

/** The folder's `.json` files into the walk, its sub-folders into `folders`. */
function listInto(folder: Folder, walk: Walk, folders: Folder[]): void {
  const listing = listFolder(folder, walk.listed);
  if ('reason' in listing) {
    walk.unreadable.push({ folder: shown(folder.relative), ...listing });
    return;
  }
  if ('listedAs' in listing) {
    walk.linked.push({ folder: folder.relative, listedAs: listing.listedAs });
    return;
  }
  for (const entry of listing.entries) {
    const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
    const absolute = joinName(folder.absolute, entry.name);
    const kind = entryKind(entry, absolute);
    if (kind === 'folder') {
      // A plain sub-folder's real path follows from its parent's; a link's must be resolved.
      if (!entry.isSymbolicLink()) {
        folders.push({ absolute, relative, real: joinName(listing.real, entry.name) });
        continue;
      }
      const real = realOrNull(absolute);
      const direct = real === null ? null : directPath(walk, real);
      if (direct === null) folders.push({ absolute, relative, real });
      else walk.linked.push({ folder: relative, listedAs: direct });
    } else if (JSON_NAME.test(entry.name) && joinName(listing.real, entry.name) !== walk.skipFile) {
      // Not only plain files: a broken link or a pipe named like a result file is read in turn,
      // and skipped there with its reason, so that it is accounted for.
      walk.files.push(relative);
    }
  }
}

type Listing =
  | { readonly real: string; readonly entries: fs.Dirent[] }
  | { readonly listedAs: string }
  | { readonly reason: string };

/** The folder's entries in code-point order, unless its real folder was listed already. */
function listFolder(folder: Folder, listed: Map<string, string>): Listing {
  try {
    const real = folder.real ?? fs.realpathSync.native(folder.absolute);
    const listedAs = listed.get(real);
    if (listedAs !== undefined) return { listedAs };
    listed.set(real, shown(folder.relative));
    const entries = fs.readdirSync(folder.absolute, { withFileTypes: true });
    return { real, entries: entries.sort((a, b) => compareCodePoints(a.name, b.name)) };
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/**
 * Where the walk lists a linked folder without the link: its path below the root when no link
 * is on the way there and every folder on the way can be listed (the walk reaches every such
 * folder); null when it lies outside the root, or only links lead to it, or a folder on the way
 * cannot be listed, and the link is followed.
 */
function directPath(walk: Walk, real: string): string | null {
  if (walk.rootReal === null) return null;
  if (!isInside(real, walk.rootReal)) return null;
  const relative = path.relative(walk.rootReal, real);
  if (relative === '') return '.';
  const parts = relative.split(path.sep);
  let at = walk.rootReal;
  for (const part of parts) {
    at = joinName(at, part);
    try {
      if (!fs.lstatSync(at).isDirectory()) return null; // a link on the way
      fs.accessSync(at, fs.constants.R_OK | fs.constants.X_OK); // the walk can list it
    } catch {
      return null;
    }
  }
  return parts.join('/');
}

function realOrNull(folder: string): string | null {
  try {
    return fs.realpathSync.native(folder);
  } catch {
    return null;
  }
}

function shown(relative: string): string {
  return relative === '' ? '.' : relative;
}

/** What an entry is once links are followed; a broken link is neither file nor folder. */
function entryKind(entry: fs.Dirent, absolute: string): 'file' | 'folder' | 'other' {
  let target: fs.Dirent | fs.Stats = entry;
  if (entry.isSymbolicLink()) {
    try {
      target = fs.statSync(absolute);
    } catch {
      return 'other';
    }
  }
  return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
}

/** `folder/name` without path.join's normalizing, which every entry would pay for. */
function joinName(folder: string, name: string): string {
  return folder.endsWith(path.sep) ? folder + name : folder + path.sep + name;
}
