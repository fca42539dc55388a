import { describe, expect, it } from 'vitest';
import { shownPath } from '../../src/integrations/config-path.ts';

describe('shownPath', () => {
  it('names a path below the working folder relatively, and any other absolutely', () => {
    expect(shownPath('/proj/leaderboard.config.yaml', '/proj')).toBe('leaderboard.config.yaml');
    expect(shownPath('/proj/..configs/lb.yaml', '/proj')).toBe('..configs/lb.yaml');
    expect(shownPath('/other/lb.yaml', '/proj')).toBe('/other/lb.yaml');
    expect(shownPath('/proj', '/proj')).toBe('/proj');
  });
});
