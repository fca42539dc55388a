/** The I/O edge of parsing: read one file (size-checked) and hand its bytes to the pure parser. */

import fs from 'node:fs';
import { MAX_FILE_BYTES } from './read-json.ts';
import { parseResultFile, type ParseRequest } from './parse-file.ts';
import type { ParsedFile } from './types.ts';

export interface ReadRequest extends ParseRequest {
  readonly absolute: string;
}

export async function readAndParse(request: ReadRequest): Promise<ParsedFile> {
  const file = request.file;
  let bytes: Uint8Array;
  try {
    const handle = await fs.promises.open(request.absolute, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_FILE_BYTES) {
        const message = `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 64 MB limit; not read`;
        return { ok: false, diagnostics: [{ kind: 'too-large', file, message }] };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = `the file cannot be read (${code})`;
    return { ok: false, diagnostics: [{ kind: 'unreadable-file', file, message }] };
  }
  return parseResultFile(bytes, request);
}
