/**
 * The command as CI systems and shells run it: its standard output closed early or on a full
 * disk, and its arguments. Each test starts the CLI from the sources as a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const cliEntry = path.join(projectRoot, 'src/cli/main.ts');
const nodeBinary = path.join(projectRoot, 'node_modules/.bin/node');
const sampleConfig = path.join(projectRoot, 'leaderboard.config.yaml');

const tempRoots: string[] = [];
afterAll(() => {
  for (const dir of tempRoots) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempRoots.push(dir);
  return dir;
}

/** Runs the CLI with its standard output closed by the reader before anything is written. */
function withStdoutClosed(
  args: readonly string[],
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [cliEntry, ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away (`| head -1` once it has its line): writes fail with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('standard output', () => {
  it('ends quietly, with the exit status of the work, when the reader closed the pipe', async () => {
    const out = tempDir('stdout-closed-');
    const run = await withStdoutClosed(['--no-gui', '--config', sampleConfig, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'results.json'))).toBe(true);
    const help = await withStdoutClosed(['--help']);
    expect(help).toEqual({ status: 0, stderr: '' });
  });

  it.runIf(fs.existsSync('/dev/full'))(
    'says in one line that it cannot be written (a full disk), and exits 1',
    () => {
      const out = tempDir('stdout-full-');
      const full = fs.openSync('/dev/full', 'w');
      try {
        for (const args of [['--no-gui', '--config', sampleConfig, '--out', out], ['--version']]) {
          const run = spawnSync(nodeBinary, [cliEntry, ...args], {
            cwd: projectRoot,
            encoding: 'utf8',
            stdio: ['ignore', full, 'pipe'],
          });
          expect(run.stderr).toBe(
            'seahelm-leaderboard: cannot write to standard output: ENOSPC: no space left on device, write\n',
          );
          expect(run.status).toBe(1);
        }
      } finally {
        fs.closeSync(full);
      }
      // The reports were written before the summary was due.
      expect(fs.existsSync(path.join(out, 'results.json'))).toBe(true);
    },
  );
});
