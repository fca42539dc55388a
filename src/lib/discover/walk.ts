/**
 * Lists the `.json` files below a folder with fast-glob. Symbolic links are followed, but every
 * real folder is listed once only, so link loops end at once; folders that cannot be read are
 * reported instead of stopping the walk.
 */

import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { compareCodePoints } from '../compare.ts';

export interface WalkResult {
  /** Paths relative to the root, POSIX separators, sorted by code point. */
  readonly files: string[];
  /** Folders that could not be read, relative to the root, with the reason. */
  readonly unreadable: { readonly folder: string; readonly reason: string }[];
}

export function listJsonFiles(root: string): WalkResult {
  const unreadable: { folder: string; reason: string }[] = [];
  const files = fg.sync('**/*.json', {
    cwd: root,
    caseSensitiveMatch: false,
    dot: true, // results in hidden folders are results too
    followSymbolicLinks: true,
    suppressErrors: true,
    fs: { readdirSync: onceOnlyReaddir(root, unreadable) } as Partial<fg.FileSystemAdapter>,
  });
  files.sort(compareCodePoints);
  return { files, unreadable };
}

/**
 * fast-glob's own readdir, except that a folder already listed under another path (through a
 * link) reads as empty, and a folder that cannot be read is recorded before the error is
 * suppressed.
 */
function onceOnlyReaddir(
  root: string,
  unreadable: { folder: string; reason: string }[],
): typeof fs.readdirSync {
  const listed = new Set<string>();
  const readdir = (dir: fs.PathLike, options?: unknown) => {
    const folder = String(dir);
    try {
      const real = fs.realpathSync.native(folder);
      if (listed.has(real)) return [];
      listed.add(real);
      // Sorted, so that a folder reachable by two paths is always found by the same one.
      const entries = fs.readdirSync(folder, options as { withFileTypes: true });
      return entries.sort((a, b) => compareCodePoints(a.name, b.name));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const relative = path.relative(root, folder).split(path.sep).join('/');
      unreadable.push({ folder: relative === '' ? '.' : relative, reason: code });
      throw error;
    }
  };
  return readdir as unknown as typeof fs.readdirSync;
}
