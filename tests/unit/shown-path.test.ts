import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfigPath, shownPath } from '../../src/integrations/config-path.ts';

describe('shownPath', () => {
  it('names a path below the working folder relatively, and any other absolutely', () => {
    expect(shownPath('/proj/leaderboard.config.yaml', '/proj')).toBe('leaderboard.config.yaml');
    expect(shownPath('/proj/..configs/lb.yaml', '/proj')).toBe('..configs/lb.yaml');
    expect(shownPath('/other/lb.yaml', '/proj')).toBe('/other/lb.yaml');
    expect(shownPath('/proj', '/proj')).toBe('/proj');
  });
});

describe('resolveConfigPath', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const root = fs.realpathSync(os.tmpdir());

  it("takes LEADERBOARD_CONFIG over the integration's option, and the option over the default", () => {
    vi.stubEnv('LEADERBOARD_CONFIG', 'other.config.yaml');
    expect(resolveConfigPath('option.config.yaml', root)).toBe(
      path.join(root, 'other.config.yaml'),
    );
    vi.stubEnv('LEADERBOARD_CONFIG', '');
    expect(resolveConfigPath('option.config.yaml', root)).toBe(
      path.join(root, 'option.config.yaml'),
    );
    expect(resolveConfigPath(undefined, root)).toBe(path.join(root, 'leaderboard.config.yaml'));
  });
});
