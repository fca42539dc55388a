/** Report files are written by way of a temporary file renamed into place (write-text.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  makeFolders,
  removeOwnTemporaryFiles,
  writeText,
  writeTextPieces,
} from '../../src/lib/report/write-text.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const realWriteSync = fs.writeSync.bind(fs);

/**
 * Makes each write take at most `limit` bytes, as the kernel does when a disk is nearly full;
 * `thenFail` makes the writes after the first fail with ENOSPC, as on a disk that is full.
 */
function shortWrites(limit: number, thenFail = false): void {
  let calls = 0;
  vi.spyOn(fs, 'writeSync').mockImplementation((fd: number, data: unknown, ...rest: unknown[]) => {
    calls += 1;
    if (thenFail && calls > 1) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        syscall: 'write',
      });
    }
    if (typeof data === 'string') return realWriteSync(fd, data.slice(0, limit));
    if (!(data instanceof Uint8Array)) throw new Error('unexpected write');
    const [offset = 0, length = data.length - Number(offset)] = rest as [number?, number?];
    return realWriteSync(fd, data, offset, Math.min(length, limit));
  });
}

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

  it('writes the whole text when each write takes only part of it', () => {
    const root = folder();
    const target = path.join(root, 'results.json');
    const text = `{"a": "${'é'.repeat(5000)}"}\n`;
    shortWrites(1000);
    writeTextPieces(target, [text, text]);
    vi.restoreAllMocks();
    expect(fs.readFileSync(target, 'utf8')).toBe(text + text);
    expect(fs.readdirSync(root)).toEqual(['results.json']);
  });

  it('keeps the earlier report, leaves no temporary file and names the report on a full disk', () => {
    const root = folder();
    const target = path.join(root, 'results.json');
    fs.writeFileSync(target, 'earlier');
    shortWrites(1000, true);
    expect(() => writeText(target, 'x'.repeat(5000))).toThrow(
      `ENOSPC: no space left on device, write '${target}'`,
    );
    vi.restoreAllMocks();
    expect(fs.readFileSync(target, 'utf8')).toBe('earlier');
    expect(fs.readdirSync(root)).toEqual(['results.json']);
  });
});

describe('makeFolders', () => {
  it('makes the folders on the way, and takes a folder or a link to one that is there', () => {
    const root = folder();
    makeFolders(path.join(root, 'a', 'b', 'c'));
    expect(fs.statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeFolders(path.join(root, 'a', 'b'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'link'));
    makeFolders(path.join(root, 'link'));
    makeFolders(path.join(root, 'link', 'd'));
    expect(fs.statSync(path.join(root, 'a', 'd')).isDirectory()).toBe(true);
  });

  it('names a file where a folder goes, or on the way to it', () => {
    const root = folder();
    const file = path.join(root, 'afile');
    fs.writeFileSync(file, 'keep');
    expect(() => makeFolders(file)).toThrow(`${file} is a file, not a folder`);
    expect(() => makeFolders(path.join(file, 'x', 'y'))).toThrow(`${file} is a file, not a folder`);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
  });

  it('names a link to nothing where a folder goes', () => {
    const root = folder();
    const link = path.join(root, 'reports');
    fs.symlinkSync(path.join(root, 'gone', 'deep'), link);
    expect(() => makeFolders(link)).toThrow(
      `${link} is a symbolic link to ${path.join(root, 'gone', 'deep')}, which does not exist`,
    );
  });

  it.runIf(fs.existsSync('/proc/self'))(
    'fails where the file system refuses any new folder (/proc), where Node loops forever',
    () => {
      // In a child process, with a time limit: Node's recursive mkdir never returns there.
      const module = fileURLToPath(new URL('../../src/lib/report/write-text.ts', import.meta.url));
      const script = `import { makeFolders } from ${JSON.stringify(module)};
try { makeFolders('/proc/seahelm-no-such/reports'); } catch (error) { console.log(error.code); }`;
      const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
      const child = spawnSync(node, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(child.signal).toBeNull();
      expect(child.stdout.trim()).toBe('ENOENT');
    },
  );
});

describe('removeOwnTemporaryFiles', () => {
  it("removes this process's temporary files in the output folder and the report folders only", () => {
    const root = folder();
    const own = (name: string) => `.${name}.${process.pid}-0-0123abcd.tmp`;
    const files = [
      own('results.json'),
      `merged/${own('lang_report.csv')}`,
      `run/${own('task_report.csv')}`,
      // Another process's (it may still be writing), a user's file, a folder not named.
      `.results.json.${process.pid + 1}-0-0123abcd.tmp`,
      'merged/lang_report.csv',
      `other/${own('lang_report.csv')}`,
    ];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), 'x');
    }
    const removed = removeOwnTemporaryFiles(root, ['run', 'merged', 'not-made']);
    expect(removed.map((f) => path.relative(root, f)).sort()).toEqual(files.slice(0, 3).sort());
    const left = (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter(
      (f) => fs.statSync(path.join(root, f)).isFile(),
    );
    expect(left.sort()).toEqual(files.slice(3).sort());
  });
});
