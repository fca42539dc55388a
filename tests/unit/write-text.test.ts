/** Report files are written by way of a temporary file renamed into place (write-text.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { writeText, writeTextPieces } from '../../src/lib/report/write-text.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function folder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'write-text-'));
  roots.push(root);
  return root;
}

describe('writeTextPieces', () => {
  it('writes the pieces in order and leaves no temporary file', () => {
    const root = folder();
    const target = path.join(root, 'r.csv');
    writeTextPieces(target, ['a', 'b', 'c'.repeat(3 << 20)]);
    expect(fs.readFileSync(target, 'utf8')).toBe(`ab${'c'.repeat(3 << 20)}`);
    expect(fs.readdirSync(root)).toEqual(['r.csv']);
  });

  it('replaces a symbolic link at the target, never the file it points to', () => {
    const root = folder();
    fs.writeFileSync(path.join(root, 'victim.txt'), 'keep');
    fs.symlinkSync(path.join(root, 'victim.txt'), path.join(root, 'r.csv'));
    writeText(path.join(root, 'r.csv'), 'report');
    expect(fs.readFileSync(path.join(root, 'victim.txt'), 'utf8')).toBe('keep');
    expect(fs.lstatSync(path.join(root, 'r.csv')).isFile()).toBe(true);
  });

  it('is not stopped by a temporary file a killed run left behind', () => {
    const root = folder();
    // The name an earlier version used, which a later process with the same pid met again.
    const stale = path.join(root, `.r.csv.${process.pid}-${threadId}.tmp`);
    fs.writeFileSync(stale, 'half');
    writeText(path.join(root, 'r.csv'), 'report');
    expect(fs.readFileSync(path.join(root, 'r.csv'), 'utf8')).toBe('report');
  });

  it('removes its temporary file when the rename fails (a folder where the file goes)', () => {
    const root = folder();
    fs.mkdirSync(path.join(root, 'r.csv'));
    fs.writeFileSync(path.join(root, 'r.csv', 'x'), '');
    expect(() => writeText(path.join(root, 'r.csv'), 'report')).toThrow();
    expect(fs.readdirSync(root)).toEqual(['r.csv']);
  });
});
