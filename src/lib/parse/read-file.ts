/** The I/O edge of parsing: read one file (size-checked) and hand its bytes to the pure parser. */

import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { MAX_FILE_BYTES } from './read-json.ts';
import { parseResultFile, type ParseRequest } from './parse-file.ts';
import type { ParsedFile } from './types.ts';

export interface ReadRequest extends ParseRequest {
  readonly absolute: string;
}

/**
 * Files are read into one buffer per thread, reused from file to file: a fresh buffer per file
 * (hundreds of KB each) costs page faults and garbage collection. Nothing parsed keeps a
 * reference to it. Files above this size get a buffer of their own, so a rare huge file does
 * not stay in memory for the rest of the run.
 */
const REUSED_BUFFER_BYTES = 4 * 1024 * 1024;
let reused = Buffer.allocUnsafe(0);

/**
 * Synchronous on purpose: files are read one after another by each thread, and a blocking read
 * avoids a round trip through the I/O pool per call (async reads left the thread idle).
 */
export function readAndParse(request: ReadRequest): ParsedFile {
  const file = request.file;
  let bytes: Uint8Array;
  let fd: number | null = null;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer (it is skipped below).
    fd = fs.openSync(request.absolute, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) {
      const message = `not a regular file (${kindOf(stats)}); not read`;
      return { ok: false, diagnostics: [{ kind: 'unreadable-file', file, message }] };
    }
    const { size } = stats;
    if (size > MAX_FILE_BYTES) {
      const message = `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 64 MB limit; not read`;
      return { ok: false, diagnostics: [{ kind: 'too-large', file, message }] };
    }
    bytes = readOpenFile(fd, size);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = isBrokenLink(request.absolute, code)
      ? `a symbolic link to nothing readable (${code}); not read`
      : `the file cannot be read (${code})`;
    return { ok: false, diagnostics: [{ kind: 'unreadable-file', file, message }] };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  return parseResultFile(bytes, request);
}

/** The file's bytes, read up to the size it had when opened (as `readFileSync` reads). */
function readOpenFile(fd: number, size: number): Uint8Array {
  // Size 0 may mean "unknown" (pseudo-files): let Node read until the end.
  if (size === 0) return fs.readFileSync(fd);
  const target = size <= REUSED_BUFFER_BYTES ? growReused(size) : Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const read = fs.readSync(fd, target, done, size - done, done);
    if (read === 0) break;
    done += read;
  }
  return target.subarray(0, done);
}

function growReused(size: number): Buffer {
  if (reused.length < size) {
    reused = Buffer.allocUnsafe(Math.max(size, Math.min(reused.length * 2, REUSED_BUFFER_BYTES)));
  }
  return reused;
}

function kindOf(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return stats.isDirectory() ? 'a folder' : 'not a file';
}

/** Whether opening failed because the path is a link whose target is missing or loops. */
function isBrokenLink(absolute: string, code: string): boolean {
  if (code !== 'ENOENT' && code !== 'ELOOP') return false;
  try {
    return fs.lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}
