/**
 * Benchmark of the report-only command against the floor of merely reading the same files.
 *
 * Writes a synthetic tree of N checkpoints (one SEA-HELM file of about 25 KB and one lm-eval file
 * of about 400 KB each) and its config into a temporary folder, then measures, in one run:
 *   floor   discover (fast-glob) + read + JSON.parse of every file, in this process, one thread;
 *   report  `node bin/seahelm-leaderboard.js --no-gui` end to end as a child process, process
 *           start included (the built CLI when `build/cli` is fresh, else the sources: said so);
 *   RSS     the child's peak resident set size;
 *   pair    without --threads, two `--threads 1` reports started together against one alone: how
 *           much work the cores really do at once, which bounds what threads can gain;
 *   Python  when python3 is there, `scripts/python-floor.py` (glob + json.load of every file, the
 *           least the original Python tool does) end to end, interpreter start included: a
 *           yardstick measured in the same run, unlike the tool's own time noted in the issue;
 * times are medians of 3. The last line is `report/floor ratio: X.XX`.
 *
 * Usage: npm run bench:report -- [--checkpoints N] [--threads N] [--lmeval-kb K] [--keep]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { bundleIsFresh } from '../bin/bundle.js';
import {
  lmEvalPath,
  seahelmPath,
  writeLmEvalFile,
  writeSeahelmFile,
  writeText,
} from './synth/files.ts';
import {
  buildLmEvalResults,
  configsSection,
  HARNESS_0_4_9,
  longEnvInfo,
  requestedTasks,
  samplesSection,
} from './synth/lmeval.ts';
import { Rng } from './synth/prng.ts';
import { RawJson, toPythonJson } from './synth/pyjson.ts';
import { buildSeahelmResults } from './synth/seahelm.ts';
import { addSeconds, instant } from './synth/time.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO_ROOT, 'bin', 'seahelm-leaderboard.js');
const PYTHON_FLOOR = join(REPO_ROOT, 'scripts', 'python-floor.py');
const GNU_TIME = '/usr/bin/time';
const REPETITIONS = 3;
const CHECKPOINTS_PER_CONFIG = 10;
const MB = 1024 * 1024;

interface BenchOptions {
  readonly checkpoints: number;
  /** `--threads` passed to the CLI; null: measure `--threads 1` and the default. */
  readonly threads: number | null;
  readonly lmEvalKb: number;
  readonly keep: boolean;
}

const USAGE = `Usage: npm run bench:report -- [--checkpoints N] [--threads N] [--lmeval-kb K] [--keep]

  --checkpoints N  checkpoints in the synthetic tree, 2 files each (default 2000)
  --threads N      pass --threads N to the CLI (1 = single thread); without it, the report runs
                   with --threads 1 and with the CLI's default, and both ratios are printed;
                   then two --threads 1 reports run at once, to show what the cores do together
  --lmeval-kb K    approximate size of each lm-eval file in KB (default 400; 115 gives about
                   the original tool's reference tree, 146 MB per 1,000 checkpoints)
  --keep           keep the temporary tree and print where it is`;

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new Error(`${flag} expects a whole number of at least 1, found '${text}'`);
  }
  return Number(text);
}

/** The options, or null when help was asked for. */
function parseOptions(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      checkpoints: { type: 'string' },
      threads: { type: 'string' },
      'lmeval-kb': { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  return {
    checkpoints: wholeNumber('--checkpoints', values.checkpoints, 2000),
    threads: values.threads === undefined ? null : wholeNumber('--threads', values.threads, 1),
    lmEvalKb: wholeNumber('--lmeval-kb', values['lmeval-kb'], 400),
    keep: values.keep,
  };
}

// ---------------------------------------------------------------------------------------------
// The synthetic tree: one experiment of N/10 configurations x 10 checkpoints.

interface Tree {
  readonly configFile: string;
  readonly seahelmFiles: number;
  readonly seahelmBytes: number;
  readonly lmEvalFiles: number;
  readonly lmEvalBytes: number;
}

/** Stand-in for the model path in the configs rendered once; replaced in each file. */
const PRETRAINED_TOKEN = '@@PRETRAINED@@';

/** About what an lm-eval file weighs besides `configs` and `samples` (results, versions, ...). */
const LM_EVAL_REST_BYTES = 28_000;

/**
 * The score-free sections of an lm-eval file, rendered once: `configs` (as in real files, with
 * few-shot examples and code) and `samples` sized so that each file weighs about `lmEvalKb`.
 */
function renderLargeSections(lmEvalKb: number): { configs: string; samples: RawJson } {
  const tasks = requestedTasks('leaderboard');
  const mathVersion = HARNESS_0_4_9.mathVersion;
  const modelArgs = { pretrained: PRETRAINED_TOKEN, dtype: 'bfloat16' };
  const configs = toPythonJson(configsSection(tasks, 'full', modelArgs, mathVersion), {
    ensureAscii: false,
  });
  const samplesBytes = Math.max(0, lmEvalKb * 1024 - configs.length - LM_EVAL_REST_BYTES);
  const samples = samplesSection(tasks, mathVersion, samplesBytes);
  return { configs, samples: new RawJson(toPythonJson(samples, { ensureAscii: false })) };
}

function configName(index: number): string {
  // Hyperparameter-like names, as real sweeps have: a 2-D grid over two ratios.
  const en = (index % 9) / 10 + 0.1;
  const cc = Math.floor(index / 9) % 9;
  return `cfg${String(index).padStart(4, '0')}-en_ratio${en.toFixed(1)}-cc_ratio0.${cc + 1}`;
}

function writeTree(folder: string, options: BenchOptions): Tree {
  const runRoot = join(folder, 'results', 'bench');
  const rng = new Rng('seahelm-leaderboard-bench-v1');
  const large = renderLargeSections(options.lmEvalKb);
  const prettyEnvInfo = longEnvInfo();
  const origin = instant('2025-03-01T00:00:00Z');
  const tree = { seahelmFiles: 0, seahelmBytes: 0, lmEvalFiles: 0, lmEvalBytes: 0 };
  for (let i = 0; i < options.checkpoints; i++) {
    const config = configName(Math.floor(i / CHECKPOINTS_PER_CONFIG));
    const step = ((i % CHECKPOINTS_PER_CONFIG) + 1) * 1000;
    const checkpoint = `ba${step}`;
    const r = rng.fork(`${i}`);
    const skill = 0.3 + 0.5 * r.next();
    const dir = join(runRoot, config, checkpoint);
    const model = `${config}-${checkpoint}`;
    const seaAt = addSeconds(origin, i * 900 + r.int(0, 600), r.int(1, 999999));
    const sea = buildSeahelmResults({ layout: 'v1', skill, rng: r.fork('sea'), errorRate: 0.03 });
    tree.seahelmBytes += writeSeahelmFile(seahelmPath(dir, model, 'v1', seaAt), sea);
    tree.seahelmFiles++;

    const pretrained = `/exports/bench/${model}`;
    const lmAt = addSeconds(seaAt, 4 * 3600 + r.int(0, 3600), r.int(1, 999999));
    const lmEval = buildLmEvalResults({
      rng: r.fork('lm-eval'),
      skill,
      modelArgs: { pretrained, dtype: 'bfloat16' },
      modelParameters: 1498482688,
      request: 'leaderboard',
      harness: HARNESS_0_4_9,
      limit: null,
      savedAt: lmAt,
      durationSeconds: 4 * 3600,
      configDetail: 'full',
      shape: 'raw-dump',
      prettyEnvInfo,
      prerendered: {
        configs: new RawJson(large.configs.replaceAll(PRETRAINED_TOKEN, pretrained)),
        samples: large.samples,
      },
    });
    tree.lmEvalBytes += writeLmEvalFile(lmEvalPath(dir, pretrained, lmAt), lmEval);
    tree.lmEvalFiles++;
  }
  const configFile = join(folder, 'bench.config.yaml');
  writeText(
    configFile,
    [
      'experiments:',
      '  bench:',
      '    path: results/bench',
      'output:',
      '  base_dir: reports',
      '',
    ].join('\n'),
  );
  return { configFile, ...tree };
}

// ---------------------------------------------------------------------------------------------
// Measurements.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The floor: find every `.json` below the tree, read it and parse it, in this thread. */
function measureFloor(treeRoot: string): { seconds: number; files: number } {
  const start = process.hrtime.bigint();
  const files = fg.sync('**/*.json', { cwd: treeRoot, absolute: true, followSymbolicLinks: true });
  let keys = 0;
  for (const file of files) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    // Touch the result so the parse cannot be optimized away.
    if (parsed !== null && typeof parsed === 'object') keys += Object.keys(parsed).length;
  }
  if (keys === 0) throw new Error(`no JSON content found below ${treeRoot}`);
  return { seconds: seconds(start), files: files.length };
}

/** `python3 scripts/python-floor.py ROOT` end to end; null when there is no python3. */
async function measurePythonFloor(treeRoot: string): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = process.hrtime.bigint();
    const child = spawn('python3', [PYTHON_FLOOR, treeRoot], { stdio: 'ignore' });
    const exit = await new Promise<number | null>((done) => {
      child.on('error', () => done(null));
      child.on('close', (code) => done(code));
    });
    if (exit !== 0) return null;
    times.push(seconds(start));
  }
  return median(times);
}

interface ReportRun {
  readonly seconds: number;
  /** Peak resident set size in bytes; null when it could not be measured. */
  readonly peakRss: number | null;
  /** The CLI's `--timings` line: when each stage ended. */
  readonly stages: string;
}

/** Runs the report command once as a child process; wall time includes process start. */
async function runReport(tree: Tree, outDir: string, threads: number | null): Promise<ReportRun> {
  rmSync(outDir, { recursive: true, force: true });
  const cliArgs = [CLI, '--no-gui', '--timings', '--config', tree.configFile, '--out', outDir];
  if (threads !== null) cliArgs.push('--threads', String(threads));
  const rssFile = `${outDir}.rss`;
  const useGnuTime = existsSync(GNU_TIME);
  const [command, args] = useGnuTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...cliArgs]]
    : [process.execPath, cliArgs];
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const watcher = useGnuTime ? null : watchPeakRss(child.pid);
  const exitCode = await new Promise<number | null>((done) =>
    child.on('close', (code) => done(code)),
  );
  const elapsed = seconds(start);
  const polledRss = watcher?.stop() ?? null;
  if (exitCode !== 0) {
    throw new Error(`the report command exited with ${String(exitCode)}:\n${output.join('')}`);
  }
  const peakRss = useGnuTime ? readGnuTimeRss(rssFile) : polledRss;
  rmSync(rssFile, { force: true });
  const stages =
    /timings \(ms since start[^)]*\): (.*)/.exec(output.join(''))?.[1] ?? 'not reported';
  return { seconds: elapsed, peakRss, stages };
}

/** GNU time's `%M`: maximum resident set size in kilobytes. */
function readGnuTimeRss(file: string): number | null {
  const kilobytes = Number(readFileSync(file, 'utf8').trim().split('\n').at(-1));
  return Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes * 1024 : null;
}

/** Without GNU time: poll the child's high-water mark (`VmHWM` in /proc) every 20 ms. */
function watchPeakRss(pid: number | undefined): { stop: () => number | null } {
  let peak: number | null = null;
  const poll = (): void => {
    try {
      const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
      const kilobytes = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
      if (Number.isFinite(kilobytes)) peak = Math.max(peak ?? 0, kilobytes * 1024);
    } catch {
      // The process has exited, or /proc is not there (not Linux).
    }
  };
  const timer = pid === undefined ? null : setInterval(poll, 20);
  return {
    stop: () => {
      if (timer !== null) clearInterval(timer);
      return peak;
    },
  };
}

interface ReportSummary {
  readonly label: string;
  readonly seconds: number;
  readonly peakRss: number | null;
  /** The stages of the run whose time is the median. */
  readonly stages: string;
}

async function measureReport(
  tree: Tree,
  folder: string,
  threads: number | null,
  label: string,
): Promise<ReportSummary> {
  const runs: ReportRun[] = [];
  for (let i = 0; i < REPETITIONS; i++)
    runs.push(await runReport(tree, join(folder, 'out'), threads));
  const rss = runs.map((run) => run.peakRss).filter((value): value is number => value !== null);
  const seconds = median(runs.map((run) => run.seconds));
  const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  return {
    label,
    seconds,
    peakRss: rss.length > 0 ? Math.max(...rss) : null,
    stages: middle?.stages ?? 'not reported',
  };
}

/**
 * Two `--threads 1` reports started together, each on its own output folder: the median over
 * the repetitions of the slower one. Compared with one report alone, it says how much work this
 * machine's cores really do at once (shared caches, memory bandwidth, a virtual machine's
 * cores), which bounds what worker threads can gain.
 */
async function measureSideBySide(tree: Tree, folder: string): Promise<number> {
  const pairs: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const both = await Promise.all(
      ['pair-a', 'pair-b'].map((name) => runReport(tree, join(folder, name), 1)),
    );
    pairs.push(Math.max(...both.map((run) => run.seconds)));
  }
  return median(pairs);
}

// ---------------------------------------------------------------------------------------------
// Output.

/** The original Python tool on its reference tree: 1,000 checkpoints, 2,000 files, 146 MB. */
const PYTHON_SECONDS_PER_1000 = [1.22, 1.34] as const;
const PYTHON_MB_PER_1000 = 146;

function treeMegabytes(tree: Tree): number {
  return (tree.seahelmBytes + tree.lmEvalBytes) / MB;
}

function printTree(tree: Tree, checkpoints: number): void {
  const files = tree.seahelmFiles + tree.lmEvalFiles;
  const kb = (bytes: number, count: number): string => `${Math.round(bytes / count / 1024)} KB`;
  console.log(
    `tree: ${checkpoints} checkpoints, ${files} files, ${treeMegabytes(tree).toFixed(1)} MB`,
  );
  console.log(
    `  SEA-HELM ${tree.seahelmFiles} files of ~${kb(tree.seahelmBytes, tree.seahelmFiles)}, ` +
      `lm-eval ${tree.lmEvalFiles} files of ~${kb(tree.lmEvalBytes, tree.lmEvalFiles)}`,
  );
}

/** The ratio's budget for a run: one thread, or worker threads on more than one core. */
function ratioBudget(threads: number | null): {
  readonly text: string;
  readonly met: (r: number) => boolean;
} {
  const oneThread = threads === 1 || os.availableParallelism() === 1;
  return oneThread
    ? { text: '<= 1.2 on one thread', met: (ratio) => ratio <= 1.2 }
    : { text: '< 0.8 with worker threads', met: (ratio) => ratio < 0.8 };
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

function printReport(
  summary: ReportSummary,
  floorSeconds: number,
  files: number,
  threads: number | null,
): void {
  console.log(
    `${summary.label} (end to end, median of ${REPETITIONS}): ${summary.seconds.toFixed(3)} s`,
  );
  console.log(`  files/s: ${Math.round(files / summary.seconds)}`);
  console.log(`  stages of the middle run, ms since start: ${summary.stages}`);
  const rss = summary.peakRss === null ? 'not measured' : `${Math.round(summary.peakRss / MB)} MB`;
  console.log(`  peak RSS: ${rss} (budget < 1 GB at 10,000 checkpoints)`);
  const ratio = summary.seconds / floorSeconds;
  const budget = ratioBudget(threads);
  console.log(
    `  report/floor: ${ratio.toFixed(2)} (budget ${budget.text}: ${verdict(budget.met(ratio))})`,
  );
}

/** What two threads at once can give on this machine, and what the default threads gave. */
function printSideBySide(alone: number, pair: number, threaded: number): void {
  const capacity = (2 * alone) / pair;
  console.log(
    `side by side: two reports --threads 1 at once, median of ${REPETITIONS}: ${pair.toFixed(3)} s (one alone: ${alone.toFixed(3)} s)`,
  );
  console.log(
    `  so the cores together do ${capacity.toFixed(2)}x the work of one (2.00x: two free cores); ` +
      `spreading all the work over them could take a single thread's time down to ` +
      `${(1 / capacity).toFixed(2)} of it at best; the default threads took it to ${(threaded / alone).toFixed(2)}`,
  );
}

/** Other work on the machine skews every time measured here (the ratio less than each time). */
function loadAverage(): string {
  const [one, five, fifteen] = os.loadavg().map((load) => load.toFixed(2));
  return `load average ${one ?? '?'} / ${five ?? '?'} / ${fifteen ?? '?'} (1 / 5 / 15 min)`;
}

/** The Python tool's time scaled to this tree, by checkpoint count and by size. */
function printPythonComparison(checkpoints: number, treeMb: number, reportSeconds: number): void {
  console.log(
    'original Python tool: 1.22-1.34 s per 1,000 checkpoints (2,000 files, 146 MB); ' +
      'target at least 2x faster',
  );
  const scaled = (label: string, thousands: number): void => {
    const [fast, slow] = PYTHON_SECONDS_PER_1000.map((s) => s * thousands);
    const range = `${(fast ?? 0).toFixed(2)}-${(slow ?? 0).toFixed(2)} s`;
    const low = (fast ?? 0) / reportSeconds;
    const speedUp = `${low.toFixed(2)}-${((slow ?? 0) / reportSeconds).toFixed(2)}x`;
    console.log(
      `  scaled ${label}: ${range}, so the report's speed-up is ${speedUp} (target >= 2x: ${verdict(low >= 2)})`,
    );
  };
  scaled(`by checkpoints (${checkpoints})`, checkpoints / 1000);
  scaled(`by size (${treeMb.toFixed(0)} MB)`, treeMb / PYTHON_MB_PER_1000);
}

async function main(): Promise<void> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === null) {
    console.log(USAGE);
    return;
  }
  const folder = mkdtempSync(join(os.tmpdir(), 'seahelm-bench-'));
  const cleanUp = (): void => {
    if (!options.keep) rmSync(folder, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const writeStart = process.hrtime.bigint();
    const tree = writeTree(folder, options);
    printTree(tree, options.checkpoints);
    console.log(`  (written in ${seconds(writeStart).toFixed(1)} s to ${folder})`);

    console.log(`machine: ${os.availableParallelism()} cores, ${loadAverage()}`);
    const floors: number[] = [];
    let files = 0;
    for (let i = 0; i < REPETITIONS; i++) {
      const floor = measureFloor(join(folder, 'results'));
      floors.push(floor.seconds);
      files = floor.files;
    }
    const floorSeconds = median(floors);
    console.log(
      `floor (discover+read+JSON.parse, median of ${REPETITIONS}): ${floorSeconds.toFixed(3)} s`,
    );

    console.log(
      bundleIsFresh(REPO_ROOT)
        ? 'CLI: the build in build/cli'
        : 'CLI: the TypeScript sources (build/cli is missing or stale; npm run build:cli)',
    );
    if (!existsSync(CLI)) {
      console.log(`report: skipped, ${CLI} does not exist yet`);
      process.exitCode = 1;
      return;
    }
    const plans: [number | null, string][] =
      options.threads === null
        ? [
            [1, 'report --threads 1'],
            [null, `report (default threads; ${os.availableParallelism()} cores)`],
          ]
        : [[options.threads, `report --threads ${options.threads}`]];
    const summaries: ReportSummary[] = [];
    for (const [threads, label] of plans) {
      const summary = await measureReport(tree, folder, threads, label);
      printReport(summary, floorSeconds, files, threads);
      summaries.push(summary);
    }
    const last = summaries.at(-1);
    if (last === undefined) return;
    // The single-thread run, measured first when no --threads was given.
    const alone = summaries.length > 1 ? summaries[0] : undefined;
    if (alone !== undefined && os.availableParallelism() > 1) {
      printSideBySide(alone.seconds, await measureSideBySide(tree, folder), last.seconds);
    }
    printPythonComparison(options.checkpoints, treeMegabytes(tree), last.seconds);
    const python = await measurePythonFloor(join(folder, 'results'));
    if (python === null) console.log('python floor: not measured (no python3)');
    else {
      console.log(
        `python floor (glob + json.load of every file, end to end, median of ${REPETITIONS}): ${python.toFixed(3)} s;`,
      );
      console.log(
        `  the report's speed-up over the least the Python tool does: ${(python / last.seconds).toFixed(2)}x (target >= 2x: ${verdict(python / last.seconds >= 2)})`,
      );
    }
    if (options.keep) console.log(`kept: ${folder}`);
    if (alone !== undefined) {
      console.log(`report/floor ratio (--threads 1): ${(alone.seconds / floorSeconds).toFixed(2)}`);
    }
    console.log(`machine after the runs: ${loadAverage()}`);
    // The last line, as the issue asks: the ratio of the last report measured (the default
    // threads when no --threads was given).
    console.log(`report/floor ratio: ${(last.seconds / floorSeconds).toFixed(2)}`);
  } finally {
    cleanUp();
  }
}

await main();
