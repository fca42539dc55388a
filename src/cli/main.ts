/**
 * `seahelm-leaderboard`: loads the config, runs the pipeline, writes the reports. Report-only
 * mode (`--no-gui`) never loads Astro.
 */

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LeaderboardConfig } from '../lib/config/types.ts';
import { startWorkers, stopWorkers, workerCount, type WorkerPool } from '../lib/work/workers.ts';
import { USAGE, UsageError, parseCliArgs, type CliOptions } from './args.ts';
import { portProblem } from './port.ts';
import { siteNodeProblem } from './node-support.ts';
import { progressReporter, type ProgressReporter } from './progress.ts';
import { catchInterruptions, type Interruption } from './interrupt.ts';
import { MERGED_FOLDER } from '../lib/config/defaults.ts';
import { printable } from '../lib/printable.ts';
import { strictViolations } from './strict.ts';
import { guardOutput } from './streams.ts';
import { nothingRead, warningsBesideFiles } from '../lib/report/nothing-read.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { diagnosticText, summaryText } from '../lib/report/summary-text.ts';
import { stageClock, type StageClock } from './timings.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`seahelm-leaderboard: ${printableLines(error.message)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`seahelm-leaderboard ${packageVersion()}\n`);
    return 0;
  }
  return report(options);
}

/**
 * The library is imported part by part, when first needed. Worker threads start first: they
 * load their code while this thread reads the config and starts finding the files, and take
 * models as soon as discovery gives complete ones.
 */
async function report(options: CliOptions): Promise<number> {
  try {
    process.cwd();
  } catch {
    // Removed under a running shell (a CI step that cleaned its workspace): paths cannot be
    // resolved, and worker threads cannot start.
    process.stderr.write(
      'seahelm-leaderboard: the working folder no longer exists (it was removed or moved); change to an existing folder and run again\n',
    );
    return 1;
  }
  if (options.gui) {
    const nodeProblem = siteNodeProblem(process.versions.node, process.features.typescript);
    if (nodeProblem !== null) {
      process.stderr.write(`seahelm-leaderboard: ${nodeProblem}\n`);
      return 1;
    }
    const problem = await portProblem(options.port, options.host);
    if (problem !== null) {
      process.stderr.write(`seahelm-leaderboard: ${problem}\n`);
      return 1;
    }
  }
  const workers = startWorkers(workerCount(options.threads ?? undefined));
  const clock = stageClock();
  const progress = progressReporter(process.stderr);
  const interruption = catchInterruptions({
    workers,
    stderr: process.stderr,
    clearProgress: progress.clear,
  });
  try {
    const { ConfigError, loadConfig } = await import('../lib/config/load.ts');
    let config;
    try {
      const overrides = options.out === null ? {} : { baseDir: options.out };
      config = await loadConfig(options.config, overrides);
      clock.mark('config read');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // Run from another folder than the project's (npx from elsewhere), say: one line that
      // says what to do, rather than that leaderboard.config.yaml does not exist.
      const noDefault = !options.configGiven && !existsSync(options.config);
      process.stderr.write(
        noDefault
          ? `seahelm-leaderboard: no --config given, and the working folder ${printable(process.cwd())} has no ${printable(options.config)}; give the config with --config FILE\n`
          : `${printableLines(error.message)}\n`,
      );
      return 1;
    }
    return await reportOn(config, options, { workers, clock, progress, interruption });
  } finally {
    // A signal that came while the work ended still ends the command by that signal.
    await interruption.settle();
    interruption.release();
    stopWorkers(workers);
    // This thread and the workers: what --threads (or the cores) gave.
    if (options.timings) process.stderr.write(clock.text(workers.workers.length + 1));
  }
}

/** One warning on a line of its own: the file, the key path where it has one, the message. */
function diagnosticLine(d: Diagnostic): string {
  return `${printable(diagnosticText(d))}\n`;
}

interface Run {
  readonly workers: WorkerPool;
  readonly clock: StageClock;
  readonly progress: ProgressReporter;
  readonly interruption: Interruption;
}

async function reportOn(
  config: LeaderboardConfig,
  options: CliOptions,
  { workers, clock, progress, interruption }: Run,
): Promise<number> {
  const { runPipeline } = await import('../lib/pipeline.ts');
  const result = await runPipeline(config, {
    workers,
    onProgress: (event) => {
      progress.show(event);
      if (event.stage === 'discovered') clock.mark('files found');
      if (event.stage === 'parsed' && event.done === event.total) clock.mark('files read');
    },
  });
  clock.mark('scored');
  const nothing = nothingRead(result);
  if (nothing === 'none-found') {
    for (const d of result.diagnostics) process.stderr.write(diagnosticLine(d));
    process.stderr.write(
      `seahelm-leaderboard: no result file found below the paths of ${printable(options.config)}; nothing written\n`,
    );
    return 1;
  }
  if (nothing === 'none-readable') {
    for (const f of result.files)
      process.stderr.write(`${printable(`${f.file}: ${f.reason ?? ''}`)}\n`);
    for (const d of warningsBesideFiles(result)) process.stderr.write(diagnosticLine(d));
    // "Read" would be wrong for a file read whole that holds no scored task.
    process.stderr.write(
      `seahelm-leaderboard: none of the ${result.files.length} result files found below the paths of ${printable(options.config)} could be used; nothing written\n`,
    );
    return 1;
  }
  const [{ summarize }, { writeReports }, { ReportsRefused }, { staleReportFolders }] =
    await Promise.all([
      import('../lib/report/summary.ts'),
      import('../lib/report/write-reports.ts'),
      import('../lib/report/write-text.ts'),
      import('../lib/report/stale-reports.ts'),
    ]);
  const outDir = config.output.baseDir;
  await interruption.settle(); // a signal came: write nothing
  const folders = [...result.runs.map(({ run }) => run.key), MERGED_FOLDER];
  interruption.writing(outDir, displayDir(outDir), folders);
  let written: string[];
  try {
    written = await writeReports(result, outDir, { workers });
  } catch (error) {
    const refused = error instanceof ReportsRefused;
    const after = refused ? 'no report was written' : 'some reports may be missing or out of date';
    process.stderr.write(
      `seahelm-leaderboard: cannot write the reports to ${printable(displayDir(outDir))}: ${printable(writeError(error))}; ${after}\n`,
    );
    return 1;
  }
  interruption.written();
  clock.mark('reports written');
  stopWorkers(workers);
  const summary = summarize(result);
  const stale = staleReportFolders(outDir, written).map((f) => path.join(displayDir(outDir), f));
  process.stdout.write(summaryText(result, summary, displayDir(outDir), stale));
  clock.mark('summary');
  const violations = strictViolations(result, summary);
  if (options.strict && violations.length > 0) {
    process.stderr.write(`seahelm-leaderboard: --strict: ${violations.join(', ')}\n`);
    return 1;
  }
  if (options.gui) {
    const { SITE_FOLDER, buildSite, serveSite } = await import('./serve.ts');
    try {
      await interruption.settle();
      // The project's dist/, named from the working folder (the build changes to the project).
      const shownSite = displayDir(SITE_FOLDER);
      interruption.building(shownSite);
      // The build prints nothing for seconds, or minutes on a large tree.
      process.stdout.write(`leaderboard site: building it in ${printable(shownSite)}…\n`);
      const base = await buildSite(result);
      await interruption.settle();
      // The server stops on SIGINT and SIGTERM itself.
      interruption.release();
      await serveSite(options.port, options.host, base);
    } catch (error) {
      // A write-up naming a run this config lacks, say: the reports are written already.
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `seahelm-leaderboard: the site build failed (the reports are written): ${printableLines(why)}\n`,
      );
      return 1;
    }
  }
  return 0;
}

/**
 * The version in package.json, two folders up from this module in the sources (src/cli) and in
 * the build (build/cli) alike.
 */
function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * Each line made safe for the terminal: a path as given (a name from disk, by a glob) may hold
 * control characters.
 */
function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** `ENOTDIR: not a directory, mkdir '...'`, the way Node says it, or the error's text. */
function writeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function displayDir(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (relative === '') return '.';
  return relative.split(path.sep)[0] === '..' || path.isAbsolute(relative) ? dir : relative;
}

/** Runs the command on this process's arguments and sets its exit status. */
export function runAsProgram(): void {
  const output = guardOutput(process.stdout, process.stderr);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code === 0 && output.stdoutFailure() !== null ? 1 : code;
    },
    (error: unknown) => {
      process.stderr.write(`seahelm-leaderboard: internal error: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** Whether Node was started on this file (`node src/cli/main.ts`, or the built main.js). */
function startedOnThisFile(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    // Module URLs name the real file; the script may have been named through a link.
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

// bin/seahelm-leaderboard.js imports this module and calls runAsProgram itself.
if (startedOnThisFile()) runAsProgram();
