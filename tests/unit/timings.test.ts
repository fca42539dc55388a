/** `--timings` (src/cli/timings.ts): each stage with the time it first ended, in order. */

import { describe, expect, it, vi } from 'vitest';
import { stageClock } from '../../src/cli/timings.ts';

describe('stageClock', () => {
  it('keeps the first time of a stage noted twice, and the stages in the order first noted', () => {
    let now = 10.4;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const stages = stageClock();
      stages.mark('config read');
      now = 80.6;
      stages.mark('files read');
      now = 95;
      stages.mark('config read');
      stages.mark('files read');
      stages.mark('scored');
      expect(stages.text(2)).toBe(
        'timings (ms since start, 2 threads): config read 10, files read 81, scored 95\n',
      );
      expect(stages.text(1)).toMatch(/^timings \(ms since start, 1 thread\): config read 10,/);
    } finally {
      clock.mockRestore();
    }
  });
});
