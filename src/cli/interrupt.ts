/**
 * Ctrl+C (SIGINT), a CI job's timeout (SIGTERM) or a closed terminal (SIGHUP) while the command
 * reads files, writes the reports or builds the site. Node's default is to die at once, which
 * leaves the temporary file of a report being written (`.results.json.<pid>-….tmp`) in the
 * output folder. Here the command stops its worker threads, removes its own temporary files,
 * says what state the output folder is in, and then ends by the same signal, so that a shell
 * or CI sees it killed (exit status 130, 143 or 129).
 */

import { constants } from 'node:os';
import type { WorkerPool } from '../lib/work/workers.ts';
import { printable } from '../lib/printable.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface Interruption {
  /** The reports are about to be written to `outDir`, in these folders below it. */
  writing(outDir: string, shownDir: string, folders: readonly string[]): void;
  /** The reports are written. */
  written(): void;
  /** The site is being built into `shownSite` (which writes the reports again). */
  building(shownSite: string): void;
  /**
   * Lets a signal that came during synchronous work be handled (Node sees it only when the
   * event loop polls next), then resolves; never once a signal came, so that the work does not
   * go on (to write, or to end as if all went well) while the handler ends the process.
   */
  settle(): Promise<void>;
  /** Gives the signals back to Node (the site's server handles them itself). */
  release(): void;
}

interface Options {
  readonly workers: WorkerPool;
  readonly stderr: NodeJS.WritableStream;
  /** Clears the progress line, so that the message starts a line of its own. */
  readonly clearProgress: () => void;
}

export function catchInterruptions({ workers, stderr, clearProgress }: Options): Interruption {
  let phase: 'reading' | 'writing' | 'written' | 'building' = 'reading';
  let output: { outDir: string; shownDir: string; folders: readonly string[] } | null = null;
  let site = '';
  let stopping = false;
  const never = new Promise<void>(() => {});

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C while cleaning up: end now, as Node would.
      release();
      process.kill(process.pid, signal);
      return;
    }
    stopping = true;
    // The work may end meanwhile: the process must live until the handler has ended it.
    setInterval(() => {}, 60_000);
    clearProgress();
    void end(signal);
  };

  const end = async (signal: NodeJS.Signals) => {
    try {
      // A worker may be writing a CSV report: stop it before removing what it left.
      await Promise.allSettled(workers.workers.map((worker) => worker.terminate()));
      if (output !== null) {
        const { removeOwnTemporaryFiles } = await import('../lib/report/write-text.ts');
        removeOwnTemporaryFiles(output.outDir, output.folders);
      }
      stderr.write(`seahelm-leaderboard: stopped by ${signal}; ${state()}\n`);
    } finally {
      release();
      // Exit status 128 + the signal's number, should the signal below not end the process.
      process.exitCode = 128 + constants.signals[signal];
      process.kill(process.pid, signal);
    }
  };

  const state = (): string => {
    const where = output === null ? '' : printable(output.shownDir);
    if (phase === 'reading') return 'no report was written';
    if (phase === 'writing') {
      return `the reports in ${where} are incomplete: some may be missing or from an earlier run (each file is whole; the temporary files were removed)`;
    }
    if (phase === 'written') return `the reports in ${where} are written`;
    return `the reports in ${where} are written; the site in ${printable(site)} is incomplete`;
  };

  const release = () => {
    for (const signal of SIGNALS) process.off(signal, stop);
  };
  for (const signal of SIGNALS) process.on(signal, stop);

  return {
    writing(outDir, shownDir, folders) {
      phase = 'writing';
      output = { outDir, shownDir, folders };
    },
    written() {
      phase = 'written';
    },
    building(shownSite) {
      phase = 'building';
      site = shownSite;
    },
    settle: async () => {
      // Two turns of the loop: a poll, where the signal is seen, comes between them.
      for (let turn = 0; turn < 2 && !stopping; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (stopping) await never;
    },
    release,
  };
}
