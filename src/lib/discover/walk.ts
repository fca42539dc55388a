/**
 * Lists the `.json` files below a folder with fast-glob. Symbolic links are followed by hand,
 * each real folder at most once, so link loops end; folders that cannot be read are reported.
 */

import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { compareCodePoints } from '../compare.ts';

export interface WalkResult {
  /** Paths relative to the root, POSIX separators, sorted by code point. */
  readonly files: string[];
  /** Folders that could not be read, with the reason. */
  readonly unreadable: { readonly folder: string; readonly reason: string }[];
}

export async function listJsonFiles(root: string): Promise<WalkResult> {
  const files: string[] = [];
  const unreadable: { folder: string; reason: string }[] = [];
  const visited = new Set<string>();
  await walk(root, '', { files, unreadable, visited });
  files.sort(compareCodePoints);
  return { files, unreadable };
}

interface WalkState {
  readonly files: string[];
  readonly unreadable: { folder: string; reason: string }[];
  readonly visited: Set<string>;
}

async function walk(folder: string, prefix: string, state: WalkState): Promise<void> {
  const real = await fs.promises.realpath(folder).catch(() => folder);
  if (state.visited.has(real)) return;
  state.visited.add(real);
  const entries = await fg('**', {
    cwd: folder,
    onlyFiles: false,
    objectMode: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    fs: { readdir: recordingReaddir(folder, prefix, state) } as Partial<fg.FileSystemAdapter>,
  });
  const linkedFolders: string[] = [];
  for (const entry of entries) {
    const relative = prefix + entry.path;
    if (entry.dirent.isFile()) {
      if (isJsonName(entry.name)) state.files.push(relative);
    } else if (entry.dirent.isSymbolicLink()) {
      const target = await fs.promises.stat(path.join(folder, entry.path)).catch(() => null);
      if (target?.isFile() && isJsonName(entry.name)) state.files.push(relative);
      else if (target?.isDirectory()) linkedFolders.push(entry.path);
    }
  }
  linkedFolders.sort(compareCodePoints);
  for (const linked of linkedFolders) {
    await walk(path.join(folder, linked), `${prefix}${linked}/`, state);
  }
}

/** fast-glob's errors are suppressed to keep walking; this records them first. */
function recordingReaddir(root: string, prefix: string, state: WalkState): typeof fs.readdir {
  const readdir = (dir: fs.PathLike, options: unknown, callback: unknown) => {
    const done = callback as (error: NodeJS.ErrnoException | null, entries?: unknown) => void;
    fs.readdir(dir, options as { withFileTypes: true }, (error, entries) => {
      if (error) {
        const relative = path.relative(root, String(dir)).split(path.sep).join('/');
        state.unreadable.push({ folder: prefix + relative, reason: error.code ?? error.message });
      }
      done(error, entries);
    });
  };
  return readdir as unknown as typeof fs.readdir;
}

function isJsonName(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}
