/**
 * Vitest global setup: every temp folder the tests make (their result trees, site builds,
 * Chromium profiles, child processes' scratch files) goes under one folder per test run, removed
 * when the run ends, so repeated runs do not fill the machine's temp folder.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-tests-'));
  // os.tmpdir() reads TMPDIR on each call, in this process and in the workers started after it.
  process.env['TMPDIR'] = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
