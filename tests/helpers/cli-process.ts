/**
 * What tests that run the CLI as a process share: where the sources and the project's Node are,
 * and temporary folders removed after the file's tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliEntry = path.join(projectRoot, 'src/cli/main.ts');
export const nodeBinary = path.join(projectRoot, 'node_modules/.bin/node');

/** A function making fresh temporary folders, all removed once the calling file's tests end. */
export function tempDirs(): (prefix: string) => string {
  const roots: string[] = [];
  afterAll(() => {
    for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    roots.push(dir);
    return dir;
  };
}
