/**
 * Writes report files under the output folder, never through a symbolic link: a link left where
 * a report goes (or a linked folder) would otherwise carry the write to a file outside it.
 */

import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';

const BATCH_CHARS = 1 << 20;

/**
 * Writes a text given in many small pieces, about a megabyte at a time, to a new file beside the
 * target, then renames it over the target. The rename replaces a link where the target is, not
 * the file it points to, and a reader never sees a half-written report.
 */
export function writeTextPieces(target: string, pieces: Iterable<string>): void {
  // Random, so that a file left by a run that was killed never stands in the way.
  const suffix = `${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
  // (removeOwnTemporaryFiles knows this name.)
  // 'wx' creates the file or fails: it never opens something already there.
  let fd: number;
  try {
    fd = fs.openSync(temporary, 'wx');
  } catch (error) {
    throw naming(error, target);
  }
  try {
    try {
      writeBatches(fd, pieces);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw naming(error, target);
  }
}

/**
 * The error with the report's path in its message: Node names none for a failed write
 * (`ENOSPC: no space left on device, write`), and the temporary file's name for a failed open.
 */
function naming(error: unknown, target: string): unknown {
  if (!(error instanceof Error)) return error;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (code === undefined || syscall === undefined || syscall === 'rename') return error;
  const reason = error.message.replace(/, \w+( '.*')?$/s, '');
  return Object.assign(new Error(`${reason}, ${syscall} '${target}'`), {
    code,
    syscall,
    path: target,
  });
}

export function writeText(target: string, text: string): void {
  writeTextPieces(target, [text]);
}

function writeBatches(fd: number, pieces: Iterable<string>): void {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARS) {
      writeAll(fd, batch.join(''));
      batch = [];
      length = 0;
    }
  }
  writeAll(fd, batch.join(''));
}

/**
 * Writes the whole text. One write may take only part of it (on a disk that is nearly full,
 * say); the rest is then written, or fails with the disk's error, so that a cut-off report is
 * never renamed into place.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0)
      throw Object.assign(new Error('EIO: nothing written, write'), {
        code: 'EIO',
        syscall: 'write',
      });
    offset += written;
  }
}

/**
 * Makes (or finds) the folder `name` right below the output folder, which must be a real folder
 * there: reports are not written through a link to somewhere else. The output folder itself may
 * be a link; the user named it.
 */
export function reportFolder(outDir: string, name: string): string {
  makeFolders(outDir);
  const folder = path.join(outDir, name);
  try {
    fs.mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  checkReportFolder(outDir, name);
  return folder;
}

/**
 * Removes the temporary files this process left in the output folder and in the given report
 * folders below it, as a run stopped mid-write does; returns their paths. Files of other
 * processes (another pid) are left alone: they may still be writing.
 */
export function removeOwnTemporaryFiles(outDir: string, folders: readonly string[]): string[] {
  const own = new RegExp(`^\\..+\\.${process.pid}-\\d+-[0-9a-f]{8}\\.tmp$`);
  const removed: string[] = [];
  for (const folder of [outDir, ...folders.map((name) => path.join(outDir, name))]) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue; // not made (the run stopped before), or not a folder: nothing of ours in it
    }
    for (const name of names.filter((n) => own.test(n))) {
      fs.rmSync(path.join(folder, name), { force: true });
      removed.push(path.join(folder, name));
    }
  }
  return removed;
}

/**
 * `mkdir -p` that says which folder could not be made and why. Node's recursive mkdir gives
 * ENOENT for the deepest folder where the parent's error was the cause (EROFS, ENOSPC, EACCES),
 * and loops forever where a file system answers ENOENT to any mkdir (/proc).
 */
export function makeFolders(dir: string): void {
  try {
    fs.mkdirSync(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return mustBeFolder(dir, error);
    if (code === 'ENOTDIR') throw notAFolderOnTheWay(dir, error);
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    makeFolders(parent);
  }
  // Once: a second ENOENT, with the parent there, is the file system's answer.
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    mustBeFolder(dir, error);
  }
}

/** `dir` exists: fine when it is a folder (or a link to one), else an error that says what it is. */
function mustBeFolder(dir: string, error: unknown): void {
  const stats = fs.statSync(dir, { throwIfNoEntry: false });
  if (stats?.isDirectory() === true) return;
  if (stats !== undefined) throw notAFolder(dir, stats);
  // There, but what it names is not: a link to nothing (Node says EEXIST, file already exists).
  const target = fs.readlinkSync(dir, { encoding: 'utf8' });
  throw Object.assign(new Error(`${dir} is a symbolic link to ${target}, which does not exist`), {
    code: 'ENOENT',
    syscall: 'mkdir',
    path: dir,
    cause: error,
  });
}

/** ENOTDIR below `dir`: the nearest folder above it that exists and is not a folder. */
function notAFolderOnTheWay(dir: string, error: unknown): unknown {
  for (let at = path.dirname(dir); at !== path.dirname(at); at = path.dirname(at)) {
    const stats = fs.statSync(at, { throwIfNoEntry: false });
    if (stats !== undefined && !stats.isDirectory()) return notAFolder(at, stats);
  }
  return error;
}

function notAFolder(at: string, stats: fs.Stats): Error {
  const what = stats.isFile() ? 'a file, not a folder' : 'not a folder';
  return Object.assign(new Error(`${at} is ${what}`), {
    code: 'ENOTDIR',
    syscall: 'mkdir',
    path: at,
  });
}

/** Writing stopped before any report was written (a check refused the output folder, or a folder could not be made). */
export class ReportsRefused extends Error {}

/** Throws when `name` below the output folder is there but is not a real folder. */
export function checkReportFolder(outDir: string, name: string): void {
  const folder = path.join(outDir, name);
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(folder);
  } catch (error) {
    // Not there yet: made when written (where making it fails, that error says why).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw error;
  }
  if (!stats.isDirectory()) {
    const what = stats.isSymbolicLink() ? 'a symbolic link' : 'not a folder';
    throw new ReportsRefused(
      `${folder} is ${what}; reports are written only into real folders below the output folder`,
    );
  }
}
