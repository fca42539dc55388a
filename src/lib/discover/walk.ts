/**
 * Lists the `.json` files below a folder, breadth first. Symbolic links are followed, but every
 * real folder is listed once only, so link loops end at once; folders that cannot be read are
 * reported instead of stopping the walk.
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

interface Folder {
  readonly absolute: string;
  /** Relative to the root, POSIX separators; '' for the root. */
  readonly relative: string;
  /** Real path when known without asking (no link on the way); null: resolve it. */
  readonly real: string | null;
}

const JSON_NAME = /\.json$/i;

export function listJsonFiles(root: string): WalkResult {
  const files: string[] = [];
  const unreadable: { folder: string; reason: string }[] = [];
  const listed = new Set<string>();
  // Breadth first, entries in code-point order: a folder reachable by two paths is always
  // listed under the same one, the shallowest.
  const queue: Folder[] = [{ absolute: root, relative: '', real: null }];
  for (let next = 0; next < queue.length; next++) {
    const folder = queue[next] as Folder;
    const listing = listFolder(folder, listed);
    if ('reason' in listing) {
      unreadable.push({ folder: folder.relative === '' ? '.' : folder.relative, ...listing });
      continue;
    }
    for (const entry of listing.entries) {
      const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
      const absolute = joinName(folder.absolute, entry.name);
      const kind = entryKind(entry, absolute);
      if (kind === 'folder') {
        // A plain sub-folder's real path follows from its parent's; a link's must be resolved.
        const real = entry.isSymbolicLink() ? null : joinName(listing.real, entry.name);
        queue.push({ absolute, relative, real });
      } else if (kind === 'file' && JSON_NAME.test(entry.name)) {
        files.push(relative);
      }
    }
  }
  files.sort(compareCodePoints);
  return { files, unreadable };
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
