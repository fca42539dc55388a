/**
 * Walking a run's folder (scoring.md section 7: "A run's files are found below its path"):
 * `.json` files, relative POSIX paths in code-point order, symbolic links followed, link loops
 * ending. Unreadable folders cannot be tested here: the tests run as root, which reads anything.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listJsonFiles } from '../../src/lib/discover/walk.ts';

const base = mkdtempSync(path.join(os.tmpdir(), 'walk-test-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder with the given files (each holding `{}`). */
function tree(files: readonly string[]): string {
  const root = path.join(base, `t${counter++}`);
  mkdirSync(root, { recursive: true });
  for (const relative of files) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{}');
  }
  return root;
}

describe('listJsonFiles', () => {
  it('lists .json files (any case) at every depth, relative and sorted by code point', async () => {
    const root = tree([
      'b/seahelm/x.json',
      'a/ba10/lm_eval/results_1.json',
      'a/ba10/lm_eval/samples_leaderboard_bbh.jsonl',
      'a/ba10/notes.txt',
      'Z/upper.JSON',
      'top.json',
    ]);
    const { files, unreadable } = await listJsonFiles(root);
    // Code-point order: 'Z' (0x5A) < 'a' (0x61) < 'b' < 't'.
    expect(files).toEqual([
      'Z/upper.JSON',
      'a/ba10/lm_eval/results_1.json',
      'b/seahelm/x.json',
      'top.json',
    ]);
    expect(unreadable).toEqual([]);
  });

  it('orders names by code point, not UTF-16 code unit: U+FF5A before U+1F600', async () => {
    // As UTF-16 units the emoji's high surrogate (0xD83D) would come before 0xFF5A.
    const root = tree(['\u{1F600}.json', '\uFF5A.json', '\u{1F600}/a.json', '\uFF5A/a.json']);
    const { files } = await listJsonFiles(root);
    expect(files).toEqual(['\uFF5A.json', '\uFF5A/a.json', '\u{1F600}.json', '\u{1F600}/a.json']);
  });

  it('returns nothing for an empty folder', async () => {
    expect(await listJsonFiles(tree([]))).toEqual({ files: [], unreadable: [], linked: [] });
  });

  it('follows a symbolic link to a folder outside the tree', async () => {
    const outside = tree(['seahelm/o.json']);
    const root = tree(['own/seahelm/a.json']);
    symlinkSync(outside, path.join(root, 'linked'));
    const { files } = await listJsonFiles(root);
    expect(files).toEqual(['linked/seahelm/o.json', 'own/seahelm/a.json']);
  });

  it('follows a symbolic link to a .json file', async () => {
    const outside = tree(['x.json']);
    const root = tree(['cfg/seahelm/a.json']);
    symlinkSync(path.join(outside, 'x.json'), path.join(root, 'cfg', 'seahelm', 'b.json'));
    const { files } = await listJsonFiles(root);
    expect(files).toEqual(['cfg/seahelm/a.json', 'cfg/seahelm/b.json']);
  });

  it('ends on a link loop (a folder linking to itself) and goes on', async () => {
    const root = tree(['cfg/ba1/seahelm/m.json', 'cfg/ba2/seahelm/n.json']);
    const dir = path.join(root, 'cfg', 'ba1', 'seahelm');
    symlinkSync(dir, path.join(dir, 'loop'));
    const { files } = await listJsonFiles(root);
    expect(files).toContain('cfg/ba2/seahelm/n.json');
    expect(files.length).toBeLessThan(10);
  });

  it('lists each real file of a link loop once, under its real path', async () => {
    // walk.ts promises to visit "each real folder at most once, so link loops end".
    const root = tree(['cfg/ba1/seahelm/m.json']);
    const dir = path.join(root, 'cfg', 'ba1', 'seahelm');
    symlinkSync(dir, path.join(dir, 'loop'));
    const { files } = await listJsonFiles(root);
    expect(files).toEqual(['cfg/ba1/seahelm/m.json']);
  });

  it('ends on a loop through a parent folder', async () => {
    const root = tree(['a/b/x.json']);
    symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'b', 'up'));
    const { files } = await listJsonFiles(root);
    expect(files).toContain('a/b/x.json');
    expect(files.length).toBeLessThan(10);
  });

  it('ends when the run path itself is reached again through a link', async () => {
    const root = tree(['cfg/seahelm/x.json']);
    symlinkSync(realpathSync(root), path.join(root, 'cfg', 'root-again'));
    const { files } = await listJsonFiles(root);
    expect(files).toEqual(['cfg/seahelm/x.json']);
  });

  it('lists a folder under its own path, not under a link to it that sorts first, and says so', async () => {
    // A config folder linked by an alias that sorts before it, and a sub-folder linked from
    // another config: the real paths win, and each link not followed is reported.
    const root = tree(['runs/real_cfg/ba1/seahelm/m.json', 'runs/other/ba2/lm-eval/n.json']);
    symlinkSync('real_cfg', path.join(root, 'runs', 'alias_cfg'));
    symlinkSync('../../real_cfg/ba1/seahelm', path.join(root, 'runs', 'other', 'ba2', 'seahelm'));
    const walked = await listJsonFiles(path.join(root, 'runs'));
    expect(walked.files).toEqual(['other/ba2/lm-eval/n.json', 'real_cfg/ba1/seahelm/m.json']);
    expect(walked.linked).toEqual([
      { folder: 'alias_cfg', listedAs: 'real_cfg' },
      { folder: 'other/ba2/seahelm', listedAs: 'real_cfg/ba1/seahelm' },
    ]);
  });

  it('takes a folder whose name starts with two dots for one below the run path', async () => {
    // `..cfg` is a name, not a step up: a link to it is a link to a folder already listed.
    const root = tree(['runs/..cfg/seahelm/m.json']);
    symlinkSync('..cfg', path.join(root, 'runs', '-alias')); // sorts first
    const walked = await listJsonFiles(path.join(root, 'runs'));
    expect(walked.files).toEqual(['..cfg/seahelm/m.json']);
    expect(walked.linked).toEqual([{ folder: '-alias', listedAs: '..cfg' }]);
  });

  it('reports a loop back to the run path as a link to "."', async () => {
    const root = tree(['cfg/seahelm/x.json']);
    symlinkSync(realpathSync(root), path.join(root, 'cfg', 'root-again'));
    const walked = await listJsonFiles(root);
    expect(walked.linked).toEqual([{ folder: 'cfg/root-again', listedAs: '.' }]);
  });

  it('follows a link to a folder outside the run path once, and reports the second link to it', async () => {
    const outside = tree(['seahelm/x.json']);
    const root = tree(['a/keep.json', 'b/keep.json']);
    symlinkSync(path.join(outside, 'seahelm'), path.join(root, 'a', 'seahelm'));
    symlinkSync(path.join(outside, 'seahelm'), path.join(root, 'b', 'seahelm'));
    const walked = await listJsonFiles(root);
    expect(walked.files).toEqual(['a/keep.json', 'a/seahelm/x.json', 'b/keep.json']);
    expect(walked.linked).toEqual([{ folder: 'b/seahelm', listedAs: 'a/seahelm' }]);
  });

  it('lists a broken symbolic link and a named pipe named like a result file (read, they are skipped with a reason)', async () => {
    const root = tree(['cfg/seahelm/x.json']);
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'cfg', 'seahelm', 'broken.json'));
    execFileSync('mkfifo', [path.join(root, 'cfg', 'seahelm', 'pipe.json')]);
    const { files } = await listJsonFiles(root);
    expect(files).toEqual([
      'cfg/seahelm/broken.json',
      'cfg/seahelm/pipe.json',
      'cfg/seahelm/x.json',
    ]);
  });

  it('does not list the file it is told to skip (its own results.json), by its path', async () => {
    const root = tree(['cfg/seahelm/x.json', 'reports/results.json', 'reports/seahelm/r.json']);
    const skipFile = realpathSync(path.join(root, 'reports', 'results.json'));
    const { files } = await listJsonFiles(root, { skipFile });
    // Result files beside it are listed.
    expect(files).toEqual(['cfg/seahelm/x.json', 'reports/seahelm/r.json']);
  });

  it('does not list the file it is told to skip when only a link leads to its folder', async () => {
    const outside = tree(['reports/results.json', 'reports/seahelm/r.json']);
    const root = tree(['cfg/seahelm/x.json']);
    symlinkSync(path.join(outside, 'reports'), path.join(root, 'cfg', 'linked'));
    const skipFile = realpathSync(path.join(outside, 'reports', 'results.json'));
    const { files } = await listJsonFiles(root, { skipFile });
    expect(files).toEqual(['cfg/linked/seahelm/r.json', 'cfg/seahelm/x.json']);
  });

  it('follows a link into the run folder when a folder on the way cannot be listed', async () => {
    const root = tree(['run/a/cfg1/seahelm/x.json']);
    symlinkSync('a/cfg1', path.join(root, 'run', 'cfg1'));
    chmodSync(path.join(root, 'run', 'a'), 0o311); // enterable, not listable
    try {
      // As root the folder is still listable: then the direct path wins, as above.
      const listable = (() => {
        try {
          readdirSync(path.join(root, 'run', 'a'));
          return true;
        } catch {
          return false;
        }
      })();
      const walked = await listJsonFiles(path.join(root, 'run'));
      expect(walked.files).toEqual(listable ? ['a/cfg1/seahelm/x.json'] : ['cfg1/seahelm/x.json']);
    } finally {
      chmodSync(path.join(root, 'run', 'a'), 0o755);
    }
  });

  it('keeps names with spaces and non-ASCII characters', async () => {
    const root = tree(['cfg ä/seahelm/ü x.json']);
    expect((await listJsonFiles(root)).files).toEqual(['cfg ä/seahelm/ü x.json']);
  });
});
