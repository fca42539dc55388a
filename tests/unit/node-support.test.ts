/** Which Node can build the site (GUI mode); the report alone runs on older ones. */
import { describe, expect, it } from 'vitest';
import { siteNodeProblem } from '../../src/cli/node-support.ts';

const advice =
  "it needs Node 22.18 or later; run `npx seahelm-leaderboard` in the project, which runs the project's Node 22, or use --no-gui for the reports alone";

describe('siteNodeProblem', () => {
  it('takes a Node that Astro supports and that runs TypeScript files', () => {
    expect(siteNodeProblem('22.18.0', 'strip')).toBeNull();
    expect(siteNodeProblem('24.1.0', 'transform')).toBeNull();
    // 22.12 to 22.17 with --experimental-strip-types.
    expect(siteNodeProblem('22.12.0', 'strip')).toBeNull();
  });

  it('refuses an older Node, as a system Node running bin/seahelm-leaderboard.js may be', () => {
    expect(siteNodeProblem('20.20.2', undefined)).toBe(
      `the site cannot be built with Node 20.20.2: ${advice}`,
    );
    // TypeScript turned on, but older than Astro's lowest.
    expect(siteNodeProblem('22.11.0', 'strip')).toBe(
      `the site cannot be built with Node 22.11.0: ${advice}`,
    );
  });

  it('refuses a recent Node that runs no TypeScript file (--no-experimental-strip-types)', () => {
    expect(siteNodeProblem('22.23.3', false)).toBe(
      `the site cannot be built with Node 22.23.3, which runs no TypeScript file: ${advice}`,
    );
    expect(siteNodeProblem('22.17.1', false)).toBe(
      `the site cannot be built with Node 22.17.1, which runs no TypeScript file: ${advice}`,
    );
  });
});
