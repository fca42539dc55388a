/** Standard output that fails (src/cli/streams.ts): said once, and the command ends with 1. */

import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { guardOutput } from '../../src/cli/streams.ts';

/** A stream whose writes are kept as text. */
function collecting(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

const writeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('guardOutput', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it('says once that standard output cannot be written, though each later write fails too', () => {
    const stdout = collecting();
    const stderr = collecting();
    const guard = guardOutput(stdout.stream, stderr.stream);
    // The command may have ended with 0 before the write failed.
    process.exitCode = 0;
    const full = 'ENOSPC: no space left on device, write';
    stdout.stream.emit('error', writeError('ENOSPC', full));
    stdout.stream.emit(
      'error',
      writeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'),
    );
    expect(stderr.text()).toBe(`seahelm-leaderboard: cannot write to standard output: ${full}\n`);
    expect(guard.stdoutFailure()).toBe(full);
    expect(process.exitCode).toBe(1);
  });

  it('says nothing, and leaves the exit status, when the reader stopped reading (EPIPE)', () => {
    const stdout = collecting();
    const stderr = collecting();
    const guard = guardOutput(stdout.stream, stderr.stream);
    process.exitCode = 0;
    stdout.stream.emit('error', writeError('EPIPE', 'write EPIPE'));
    expect(stderr.text()).toBe('');
    expect(guard.stdoutFailure()).toBeNull();
    expect(process.exitCode).toBe(0);
  });

  it('takes a failed standard error quietly, where nothing is left to say it', () => {
    const stdout = collecting();
    const stderr = collecting();
    guardOutput(stdout.stream, stderr.stream);
    // Without a listener, an 'error' event throws: a stack trace after the reports were written.
    expect(() => stderr.stream.emit('error', writeError('EPIPE', 'write EPIPE'))).not.toThrow();
  });
});
