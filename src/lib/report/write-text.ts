/** Writes a text given in many small pieces to a file, about a megabyte at a time. */

import fs from 'node:fs';

const BATCH_CHARS = 1 << 20;

export function writeTextPieces(target: string, pieces: Iterable<string>): void {
  const fd = fs.openSync(target, 'w');
  try {
    let batch: string[] = [];
    let length = 0;
    for (const piece of pieces) {
      batch.push(piece);
      length += piece.length;
      if (length >= BATCH_CHARS) {
        fs.writeSync(fd, batch.join(''));
        batch = [];
        length = 0;
      }
    }
    fs.writeSync(fd, batch.join(''));
  } finally {
    fs.closeSync(fd);
  }
}
