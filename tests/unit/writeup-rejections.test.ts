/**
 * The build's handler of unhandled rejections (src/integrations/writeup-rejections.ts), in a
 * child process each: what Node does with an unhandled rejection is the process's fate.
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(
  new URL('../../src/integrations/writeup-rejections.ts', import.meta.url),
);

/** Runs `body` after the handler is installed as `rejections`; the process then waits a little. */
function run(body: string) {
  const script = [
    `import { letWriteupRejectionsGo } from ${JSON.stringify(MODULE)};`,
    'const rejections = letWriteupRejectionsGo();',
    'const writeupError = Object.assign(new Error("bad prop"), { name: "WriteupPropError" });',
    body,
    'setTimeout(() => console.log("ignored:", rejections.ignored()?.message ?? "none"), 50);',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('unhandled rejections during a build', () => {
  it("let a write-up component's error go, and keep it for the end of the build", () => {
    const child = run('Promise.reject(writeupError);');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('ignored: bad prop\n');
  });

  it('keep the first of several, to stop the build with', () => {
    const second = 'Object.assign(new Error("second prop"), { name: "WriteupPropError" })';
    const child = run(`Promise.reject(writeupError);\nPromise.reject(${second});`);
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('ignored: bad prop\n');
  });

  it('end the process on any other, as Node does without a handler', () => {
    const child = run('Promise.reject(new Error("something else"));');
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('something else');
    expect(child.stdout).toBe('');
  });

  it('leave any other to another handler, when there is one', () => {
    const child = run(
      'process.on("unhandledRejection", () => console.log("other handler"));\nPromise.reject(new Error("something else"));',
    );
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('other handler\nignored: none\n');
  });

  it('stop listening once stopped', () => {
    const child = run('rejections.stop();\nPromise.reject(writeupError);');
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('bad prop');
  });
});
