/** The I/O edge of parsing: read one file (size-checked) and hand its bytes to the pure parser. */

import fs from 'node:fs';
import { MAX_FILE_BYTES } from './read-json.ts';
import { parseResultFile, type ParseRequest } from './parse-file.ts';
import type { ParsedFile } from './types.ts';

export interface ReadRequest extends ParseRequest {
  readonly absolute: string;
}

/**
 * Synchronous on purpose: files are read one after another by each thread, and a blocking read
 * avoids a round trip through the I/O pool per call (async reads left the thread idle).
 */
export function readAndParse(request: ReadRequest): ParsedFile {
  const file = request.file;
  let bytes: Uint8Array;
  let fd: number | null = null;
  try {
    fd = fs.openSync(request.absolute, 'r');
    const { size } = fs.fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      const message = `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 64 MB limit; not read`;
      return { ok: false, diagnostics: [{ kind: 'too-large', file, message }] };
    }
    bytes = fs.readFileSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = `the file cannot be read (${code})`;
    return { ok: false, diagnostics: [{ kind: 'unreadable-file', file, message }] };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  return parseResultFile(bytes, request);
}
