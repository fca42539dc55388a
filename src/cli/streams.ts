/**
 * Standard output and standard error that a closed pipe or a full disk cannot crash. Without a
 * listener, a failed write is an unhandled 'error' event: a stack trace and exit status 1, after
 * the reports were written.
 */

export interface OutputGuard {
  /** Why standard output could not be written (a full disk, say), or null. */
  readonly stdoutFailure: () => string | null;
}

export function guardOutput(
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): OutputGuard {
  let stdoutFailure: string | null = null;
  let stdoutClosed = false;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    // Each later write fails again (the stream is destroyed): the first error is the one.
    if (stdoutClosed) return;
    stdoutClosed = true;
    // A reader that stopped reading (`| head -1`) wants no more output: nothing went wrong.
    if (error.code === 'EPIPE') return;
    stdoutFailure = error.message;
    stderr.write(`seahelm-leaderboard: cannot write to standard output: ${error.message}\n`);
    // The command may have ended already with 0: the output it was to give is lost.
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = 1;
  });
  // Nowhere left to say that standard error failed; the exit status still tells the rest.
  stderr.on('error', () => {});
  return { stdoutFailure: () => stdoutFailure };
}
