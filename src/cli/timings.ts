/**
 * `--timings`: when each stage of a run ended, in milliseconds since the process started (the
 * clock Node's `performance.now()` keeps), and on how many threads, printed on one line to
 * standard error.
 */

export interface StageClock {
  /** Notes that a stage ended now; a stage noted twice keeps its first time. */
  mark(stage: string): void;
  /** `timings (ms since start, 2 threads): config read 78, files found 180, ...` */
  text(threads: number): string;
}

export function stageClock(): StageClock {
  const marks = new Map<string, number>();
  return {
    mark(stage) {
      if (!marks.has(stage)) marks.set(stage, performance.now());
    },
    text(threads) {
      const stages = [...marks].map(([stage, at]) => `${stage} ${Math.round(at)}`);
      const on = `${threads} ${threads === 1 ? 'thread' : 'threads'}`;
      return `timings (ms since start, ${on}): ${stages.join(', ')}\n`;
    },
  };
}
