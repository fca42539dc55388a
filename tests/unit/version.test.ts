/** The footer's version label (src/integrations/version.ts). */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versionLabel } from '../../src/integrations/version.ts';

const outsideGit = fs.mkdtempSync(path.join(os.tmpdir(), 'version-'));
afterAll(() => fs.rmSync(outsideGit, { recursive: true, force: true }));

describe('versionLabel', () => {
  it("is the config's site.version when it has one, whatever git says", () => {
    expect(versionLabel('v2.0-rc1', process.cwd())).toBe('v2.0-rc1');
    expect(versionLabel('v2.0-rc1', outsideGit)).toBe('v2.0-rc1');
  });

  it('is dev outside a git work tree', () => {
    expect(versionLabel(null, outsideGit)).toBe('dev');
  });
});
