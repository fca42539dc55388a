/**
 * Lists the `.json` entries below a folder (files, and anything else so named: a broken link,
 * a pipe): the folder itself, then each of its sub-folders in turn, each breadth first. Symbolic
 * links are followed, but every real folder is listed once only, so link loops end at once;
 * folders that cannot be read are reported instead of stopping the walk. A caller may take each
 * top-level folder's files as soon as it is walked whole.
 */

import fs from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../compare.ts';

export interface WalkResult {
  /** Paths relative to the root, POSIX separators, sorted by code point. */
  readonly files: string[];
  /** Folders that could not be read, relative to the root, with the reason. */
  readonly unreadable: { readonly folder: string; readonly reason: string }[];
}

export interface WalkOptions {
  /** A folder never listed (the reports folder, when it lies below a run's path). */
  readonly skipFolder?: string;
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
  // The folder to skip counts as listed already: it is then never listed.
  const skip = skipped(options);
  const walk: Walk = { files: [], unreadable: [], listed: new Set(skip === null ? [] : [skip]) };
  // The root's own files, then its folders one at a time, in code-point order: a folder
  // reachable by two paths is always listed under the same one, the first met this way.
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
  return { files: walk.files, unreadable: walk.unreadable };
}

interface Walk {
  readonly files: string[];
  readonly unreadable: { folder: string; reason: string }[];
  /** Real paths of the folders listed so far (and of the one to skip). */
  readonly listed: Set<string>;
}

/** Real path of the folder not to list (a folder not made yet has nothing to list). */
function skipped(options: WalkOptions): string | null {
  if (options.skipFolder === undefined) return null;
  try {
    return fs.realpathSync.native(path.resolve(options.skipFolder));
  } catch {
    return null;
  }
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
    walk.unreadable.push({ folder: folder.relative === '' ? '.' : folder.relative, ...listing });
    return;
  }
  for (const entry of listing.entries) {
    const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
    const absolute = joinName(folder.absolute, entry.name);
    const kind = entryKind(entry, absolute);
    if (kind === 'folder') {
      // A plain sub-folder's real path follows from its parent's; a link's must be resolved.
      const real = entry.isSymbolicLink() ? null : joinName(listing.real, entry.name);
      folders.push({ absolute, relative, real });
    } else if (JSON_NAME.test(entry.name)) {
      // Not only plain files: a broken link or a pipe named like a result file is read in turn,
      // and skipped there with its reason, so that it is accounted for.
      walk.files.push(relative);
    }
  }
}

type Listing =
  { readonly real: string; readonly entries: fs.Dirent[] } | { readonly reason: string };

/** The folder's entries in code-point order; none when its real folder was listed already. */
function listFolder(folder: Folder, listed: Set<string>): Listing {
  try {
    const real = folder.real ?? fs.realpathSync.native(folder.absolute);
    if (listed.has(real)) return { real, entries: [] };
    listed.add(real);
    const entries = fs.readdirSync(folder.absolute, { withFileTypes: true });
    return { real, entries: entries.sort((a, b) => compareCodePoints(a.name, b.name)) };
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
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
