/**
 * The command's signal handler (src/cli/interrupt.ts), in a child process each: it ends the
 * process by the signal, which no test may do to its own.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('../../src/cli/interrupt.ts', import.meta.url));

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Runs `body` with the handler installed as `interruption`, over one stand-in worker thread
 * whose terminate says so on standard error (and never ends with `hang`); `log` writes a line.
 */
function run(body: string, { hang = false } = {}) {
  const script = [
    `import { catchInterruptions } from ${JSON.stringify(MODULE)};`,
    'const log = (text) => process.stderr.write(`${text}\\n`);',
    `const terminate = () => (log('terminate'), ${hang ? 'new Promise(() => {})' : 'Promise.resolve(0)'});`,
    'const workers = { workers: [{ terminate }], ready: new Set(), failures: [] };',
    "const clearProgress = () => log('clear');",
    'const interruption = catchInterruptions({ workers, stderr: process.stderr, clearProgress });',
    body,
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { signal: child.signal, stderr: child.stderr };
}

describe('a signal', () => {
  it('clears the progress line, stops the workers, says so, and ends the process by it (SIGINT, SIGTERM, SIGHUP)', () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      const child = run(
        `process.kill(process.pid, '${signal}');\nawait interruption.settle();\nlog('went on');`,
      );
      expect(child.stderr).toBe(
        `clear\nterminate\nseahelm-leaderboard: stopped by ${signal}; no report was written\n`,
      );
      expect(child.signal).toBe(signal);
    }
  });

  it('while the reports are written, removes their temporary files and names the folder', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'interrupt-'));
    roots.push(out);
    fs.mkdirSync(path.join(out, 'exp'));
    const child = run(
      [
        `const out = ${JSON.stringify(out)};`,
        "const fs = await import('node:fs');",
        'fs.writeFileSync(`${out}/exp/.lang_report.csv.${process.pid}-1-0123abcd.tmp`, "");',
        "interruption.writing(out, 'shown/out', ['exp']);",
        "process.kill(process.pid, 'SIGTERM');",
        'await interruption.settle();',
      ].join('\n'),
    );
    expect(child.stderr).toBe(
      'clear\nterminate\nseahelm-leaderboard: stopped by SIGTERM; the reports in shown/out are incomplete: some may be missing or from an earlier run (each file is whole; the temporary files were removed)\n',
    );
    expect(child.signal).toBe('SIGTERM');
    expect(fs.readdirSync(path.join(out, 'exp'))).toEqual([]);
  });

  it('holds the work while it is handled, and a second time ends the process at once', () => {
    // The workers never stop: only the second signal ends the process.
    const child = run(
      [
        "process.kill(process.pid, 'SIGINT');",
        "setTimeout(() => process.kill(process.pid, 'SIGINT'), 100);",
        'await interruption.settle();',
        "log('went on');",
      ].join('\n'),
      { hang: true },
    );
    expect(child.stderr).toBe('clear\nterminate\n');
    expect(child.signal).toBe('SIGINT');
  });
});
