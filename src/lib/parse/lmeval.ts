/**
 * Reads an lm-evaluation-harness results object (result-formats.md section 2) into the task
 * entries the English scores need. Group entries and tasks outside the Open LLM Leaderboard v2
 * set are reported and dropped here, so nothing bulky outlives parsing.
 */

import type { Diagnostic } from '../diagnostics.ts';
import {
  BENCHMARKS,
  GROUP_TASKS,
  KNOWN_TASKS,
  METRICS_BY_TASK,
} from '../score/english-benchmarks.ts';
import { isRecord } from './detect.ts';
import type { LmFile, LmTask } from './types.ts';
import { describeValue, isNonFiniteMarker, isWithin } from './values.ts';

export function readLmEval(
  root: Record<string, unknown>,
  file: string,
): { content: LmFile; diagnostics: Diagnostic[] } {
  const results = root['results'] as Record<string, unknown>;
  const configs = root['configs'] as Record<string, unknown>;
  const nSamples = isRecord(root['n-samples']) ? root['n-samples'] : {};
  const groups = groupNames(root);
  const diagnostics: Diagnostic[] = [];
  const samplesMalformed = root['n-samples'] !== undefined && !isRecord(root['n-samples']);
  if (samplesMalformed) {
    const message = `expected sample counts by task, found ${describeValue(root['n-samples'])}; not used: every sample-weighted task weighs 1 in its mean`;
    diagnostics.push({ kind: 'unexpected-key', file, keyPath: 'n-samples', message });
  }
  const tasks: LmTask[] = [];
  const limit = configuredLimit(root['config']);
  const limitProblem = malformedLimit(root['config'], file);
  if (limitProblem !== null) diagnostics.push(limitProblem);
  const unknown: string[] = [];
  for (const [task, entry] of Object.entries(results)) {
    if (GROUP_TASKS.has(task)) continue;
    if (!KNOWN_TASKS.has(task)) {
      // Groups of other task sets are not tasks either (their subtasks are reported).
      if (!groups.has(task)) unknown.push(task);
      continue;
    }
    if (!isRecord(entry)) {
      const message = `expected a task entry object, found ${describeValue(entry)}; its values are invalid`;
      diagnostics.push({ kind: 'unexpected-key', file, keyPath: `results.${task}`, message });
      tasks.push(unreadableTask(task, entry, file));
      continue;
    }
    const read = readTask(task, entry, nSamples[task], configs[task], { file, limit, diagnostics });
    // A cell's detail says where a value that is missing or invalid comes from.
    tasks.push(lacksAValue(read) ? { ...read, file } : read);
  }
  if (unknown.length > 0) {
    diagnostics.push({
      kind: 'unknown-task',
      file,
      keyPath: 'results',
      message: `not Open LLM Leaderboard v2 tasks, ignored: ${unknown.join(', ')}`,
    });
  }
  // A task whose counts were reported malformed is not reported again for lacking them.
  const countsReported = (task: string) =>
    samplesMalformed ||
    diagnostics.some((d) => d.kind === 'unexpected-key' && d.keyPath === `n-samples.${task}`);
  diagnostics.push(
    ...describeLimitedRun(tasks, file),
    ...describeTaskProblems(tasks, file, countsReported),
  );
  const date =
    typeof root['date'] === 'number' && Number.isFinite(root['date']) ? root['date'] : null;
  return { content: { format: 'lm-eval', tasks, date, model: modelIdentity(root) }, diagnostics };
}

/**
 * A task rewritten with other metrics (a generative rewrite): none of the metrics the scores read
 * is there while others are. It is reported, its values are missing, and the messages name its
 * `output_type` (row-facts.ts).
 */
export function isModifiedTask(task: LmTask): boolean {
  const needed = METRICS_BY_TASK.get(task.task) ?? [];
  const absent = (metric: string) => !(metric in task.metrics) && !(metric in task.invalid);
  return Object.keys(task.metrics).length > 0 && needed.every(absent);
}

/**
 * Names of groups: `group_subtasks` keys with subtasks (the harness lists plain tasks there too,
 * with `[]`; a group in the top-level `groups` of newer harnesses is listed there as well, and
 * the fast path of big files does not read `groups`).
 */
function groupNames(root: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const subtasks = root['group_subtasks'];
  if (isRecord(subtasks)) {
    for (const [name, list] of Object.entries(subtasks)) {
      if (Array.isArray(list) && list.length > 0) names.add(name);
    }
  }
  return names;
}

/** `config.limit` as a positive number (`10`, `10.0`, `0.1`), else null. */
function configuredLimit(config: unknown): number | null {
  const limit = isRecord(config) ? finiteOrNull(config['limit']) : null;
  return limit !== null && limit > 0 ? limit : null;
}

/**
 * A `config.limit` that is neither a number nor null (`"10"`, `true`): the harness never writes
 * one, and a limit it may stand for would otherwise go unsaid. A bare NaN has its own warning.
 */
function malformedLimit(config: unknown, file: string): Diagnostic | null {
  if (!isRecord(config) || !('limit' in config)) return null;
  const value = config['limit'];
  if (value === null || typeof value === 'number' || isNonFiniteMarker(value)) return null;
  const use = 'not used: only n-samples can tell a --limit run';
  return malformed(file, 'config.limit', 'a number or null', value, use);
}

/** What a task's reading shares with the file: where to report, and `config.limit`. */
interface FileContext {
  readonly file: string;
  readonly limit: number | null;
  readonly diagnostics: Diagnostic[];
}

function readTask(
  task: string,
  entry: Record<string, unknown>,
  samples: unknown,
  config: unknown,
  { file, limit, diagnostics }: FileContext,
): LmTask {
  const metrics: Record<string, number> = {};
  const invalid: Record<string, string> = {};
  const stderr: Record<string, number> = {};
  for (const [key, value] of Object.entries(entry)) {
    const comma = key.indexOf(',');
    if (comma < 0) continue; // alias, name, sample_len, " ": not metrics
    const metric = key.slice(0, comma);
    if (metric.endsWith('_stderr')) {
      const of = `${metric.slice(0, -'_stderr'.length)}${key.slice(comma)}`;
      if (isStandardError(task, of, value)) stderr[of] = value;
      else if (value !== 'N/A') {
        const expected =
          typeof value === 'number' && Number.isFinite(value)
            ? `a standard error from 0${isReadMetric(task, of) ? ' to 1' : ''} (or "N/A")`
            : 'a standard error (a number or "N/A")';
        diagnostics.push(malformed(file, `results.${task}.${key}`, expected, value));
      }
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      if (isFractionOutOfRange(task, key, value)) invalid[key] = `${value}, outside 0-1`;
      else metrics[key] = value;
    } else {
      invalid[key] = describeValue(value);
    }
  }
  const counts = isRecord(samples) ? samples : {};
  const effective = countOrNull(counts['effective']);
  if (effective === 0) noSamples(metrics, invalid);
  let read: LmTask = {
    task,
    metrics: effective === 0 ? {} : metrics,
    invalid,
    stderr,
    original: countOrNull(counts['original']),
    effective,
    uncheckedLimit: null,
    outputType: null,
  };
  if (read.original === null || read.effective === null) {
    if (samples !== undefined) {
      const use =
        read.effective !== null
          ? 'the effective count is the sample weight; whether the run was limited cannot be told'
          : SAMPLE_WEIGHTED_TASKS.has(task)
            ? 'not used: the task weighs 1 in its sample-weighted mean'
            : 'not used';
      const message = `expected {original, effective} sample counts (whole numbers from 0), found ${describeCounts(samples)}; ${use}`;
      diagnostics.push({ kind: 'unexpected-key', file, keyPath: `n-samples.${task}`, message });
    }
    // A task on 0 samples is invalid, not limited (isLimitedTask).
    if (limit !== null && read.effective !== 0) read = { ...read, uncheckedLimit: limit };
  } else if (read.effective > read.original) {
    // The harness writes min(limit, dataset size): more samples than the dataset has means the
    // counts were edited or mixed up, which the weight should not hide.
    const message = `effective ${read.effective} is above original ${read.original} (the harness never evaluates more samples than the dataset has); the effective count is still the sample weight, and the task is not limited`;
    diagnostics.push({ kind: 'unexpected-key', file, keyPath: `n-samples.${task}`, message });
  }
  const outputType = isRecord(config) ? config['output_type'] : undefined;
  return typeof outputType === 'string' && isModifiedTask(read) ? { ...read, outputType } : read;
}

/**
 * A value read beside the scores that is there but malformed: an n-samples entry without two
 * counts (the sample weights fall back as for a missing count), a standard error that is neither
 * a number nor lm-eval's `"N/A"` (no stderr is shown).
 */
function malformed(
  file: string,
  keyPath: string,
  expected: string,
  found: unknown,
  use = 'not used',
): Diagnostic {
  const message = `expected ${expected}, found ${describeValue(found)}; ${use}`;
  return { kind: 'unexpected-key', file, keyPath, message };
}

/** A task evaluated on no sample at all: its values mean nothing, so they are invalid. */
function noSamples(metrics: Record<string, number>, invalid: Record<string, string>): void {
  for (const [key, value] of Object.entries(metrics)) {
    invalid[key] = `${value}, from 0 samples (n-samples effective is 0)`;
  }
}

/**
 * A sample count: a whole number from 0, small enough that sums of them are exact (the counts
 * weigh means: 1e308 would overflow them).
 */
function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function describeCounts(samples: unknown): string {
  if (!isRecord(samples)) return describeValue(samples);
  return ['original', 'effective'].map((key) => `${key} ${describeValue(samples[key])}`).join(', ');
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A task whose entry is not an object: its values are invalid (not absent), so that its cells
 * say why, and it never supersedes a usable entry of an older file.
 */
function unreadableTask(task: string, entry: unknown, file: string): LmTask {
  const why = `unreadable (the task entry is ${describeValue(entry)}, not an object)`;
  const needed = METRICS_BY_TASK.get(task) ?? [];
  return {
    task,
    metrics: {},
    invalid: Object.fromEntries(needed.map((metric) => [metric, why])),
    stderr: {},
    original: null,
    effective: null,
    uncheckedLimit: null,
    outputType: null,
    file,
  };
}

/** An lm-eval entry is usable when it carries a value that section 4 reads. */
export function usableLmTask(task: LmTask): boolean {
  return (METRICS_BY_TASK.get(task.task) ?? []).some((metric) => metric in task.metrics);
}

/** Whether a metric section 4 reads is invalid or absent. */
function lacksAValue(task: LmTask): boolean {
  const needed = METRICS_BY_TASK.get(task.task) ?? [];
  return Object.keys(task.invalid).length > 0 || !needed.every((m) => m in task.metrics);
}

/**
 * A task of a `--limit` run: evaluated on fewer samples than its dataset has, but on some (a
 * task evaluated on none has invalid values, which are not scored at all).
 */
export function isLimitedTask(t: LmTask): boolean {
  return t.original !== null && t.effective !== null && t.effective > 0 && t.effective < t.original;
}

/** A `--limit` run: some task evaluated on fewer samples than its dataset has. */
function describeLimitedRun(tasks: readonly LmTask[], file: string): Diagnostic[] {
  const limited = tasks.filter(isLimitedTask);
  const first = limited[0];
  if (first === undefined) {
    const unchecked = tasks.filter((t) => t.uncheckedLimit !== null);
    const limit = unchecked[0]?.uncheckedLimit;
    if (limit === undefined || limit === null) return [];
    const message = `--limit run: config.limit is ${limit}, and ${unchecked.length} of ${tasks.length} tasks have no n-samples counts to check it against; scored as they are`;
    return [{ kind: 'limited-run', file, keyPath: 'config.limit', message }];
  }
  return [
    {
      kind: 'limited-run',
      file,
      keyPath: 'n-samples',
      message: `--limit run: ${limited.length} of ${tasks.length} tasks used fewer samples than their dataset (${first.task}: ${first.effective} of ${first.original}); scored as they are`,
    },
  ];
}

const SAMPLE_WEIGHTED_TASKS: ReadonlySet<string> = new Set(
  BENCHMARKS.filter((b) => b.combine !== 'mean').flatMap((b) => b.subtasks.map((s) => s.task)),
);

/** Tasks rewritten with other metrics, and sample-weighted tasks without a sample count. */
function describeTaskProblems(
  tasks: readonly LmTask[],
  file: string,
  countsReported: (task: string) => boolean,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const t of tasks) {
    const keyPath = `results.${t.task}`;
    if (isModifiedTask(t)) {
      const needed = METRICS_BY_TASK.get(t.task) ?? [];
      const found = Object.keys(t.metrics);
      const outputType = t.outputType === null ? '' : ` (output_type ${t.outputType})`;
      const message = `expected ${needed.map((m) => `'${m}'`).join(' or ')}, found ${found.join(', ')}${outputType}: a modified task, not normalized; the task is missing`;
      diagnostics.push({ kind: 'modified-task', file, keyPath, message });
    } else if (
      SAMPLE_WEIGHTED_TASKS.has(t.task) &&
      t.effective === null &&
      usableLmTask(t) &&
      !countsReported(t.task)
    ) {
      // A weight matters only to a value that is used.
      const message = `no n-samples.${t.task}.effective: the task weighs 1 in its sample-weighted mean`;
      diagnostics.push({ kind: 'no-sample-count', file, keyPath: `n-samples.${t.task}`, message });
    }
  }
  return diagnostics;
}

/**
 * The metrics the English scores read are fractions of samples (accuracy, exact match): a value
 * outside [0, 1] is garbage (a percentage written by mistake, a broken file), and would make a
 * benchmark exceed 100 or read as a real 0 after normalization. Rounding noise is tolerated.
 */
function isFractionOutOfRange(task: string, key: string, value: number): boolean {
  return isReadMetric(task, key) && !isWithin(value, 0, 1);
}

/** Whether `key` (`acc_norm,none`) is a metric that section 4 reads for `task`. */
function isReadMetric(task: string, key: string): boolean {
  return (METRICS_BY_TASK.get(task) ?? []).includes(key);
}

/**
 * A standard error: a finite number from 0, and for a metric the scores read (a fraction of
 * samples) at most 1, the width of its whole scale. A negative one, or one that overflows on the
 * normalized scale (`1e308`), would be shown as a stderr, or vanish as none, without a word.
 */
function isStandardError(task: string, metric: string, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !isWithin(value, 0, Infinity)) {
    return false;
  }
  return !isReadMetric(task, metric) || isWithin(value, 0, 1);
}

/**
 * `model_name`, else `pretrained=` of `config.model_args` (a string, or an object in some
 * versions), with its revision when it is not `main`: lm-eval writes every revision of a model
 * (`revision=step1000`, as Pythia's and OLMo's checkpoints are published) into one folder, and
 * the model-identity check should tell them apart (`EleutherAI/pythia-1b@step1000`).
 */
function modelIdentity(root: Record<string, unknown>): string | null {
  const config = isRecord(root['config']) ? root['config'] : {};
  const args = config['model_args'];
  const name = root['model_name'];
  const model = typeof name === 'string' && name !== '' ? name : modelArg(args, 'pretrained');
  if (model === null) return null;
  const revision = modelArg(args, 'revision') ?? nonEmpty(config['model_revision']);
  return revision === null || revision === 'main' ? model : `${model}@${revision}`;
}

/** One `key=value` of `model_args`, a string (`pretrained=x,revision=y`) or an object. */
function modelArg(args: unknown, key: string): string | null {
  if (isRecord(args)) return nonEmpty(args[key]);
  if (typeof args !== 'string') return null;
  const part = args.split(',').find((p) => p.trim().startsWith(`${key}=`));
  return nonEmpty(part?.trim().slice(key.length + 1));
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
