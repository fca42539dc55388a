/**
 * A write-up component that stops the build (a wrong prop, `WriteupPropError`) before its first
 * `await` also rejects, besides the render that Astro awaits and reports, a promise that nothing
 * awaits (Astro 7). Astro then waits up to 400 ms for its telemetry before it exits, and in that
 * time Node meets the unawaited promise and ends the process with a dump after Astro's message.
 * During a build this lets that copy go: the build still fails on the error through Astro's own
 * path (and were it not to, it stops at its end with that error). Any other unhandled rejection
 * ends the process as Node's default does.
 */

const WRITEUP_PROP_ERROR = 'WriteupPropError';

export interface WriteupRejections {
  /** The first write-up error let go, if any; the build must not succeed with one. */
  readonly ignored: () => Error | null;
  readonly stop: () => void;
}

export function letWriteupRejectionsGo(): WriteupRejections {
  let ignored: Error | null = null;
  const onRejection = (reason: unknown) => {
    // By name: the components' copy of the class is another module instance than this one's.
    if (reason instanceof Error && reason.name === WRITEUP_PROP_ERROR) {
      ignored ??= reason;
      return;
    }
    // Another listener decides; alone, do what Node does without one.
    if (process.listenerCount('unhandledRejection') > 1) return;
    throw reason;
  };
  process.on('unhandledRejection', onRejection);
  return {
    ignored: () => ignored,
    stop: () => process.off('unhandledRejection', onRejection),
  };
}
