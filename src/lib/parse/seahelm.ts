/**
 * Reads a SEA-HELM results object (result-formats.md section 1) into flat task entries.
 * Objects are tasks; numbers are upstream aggregates, kept only for comparison. A bare NaN or
 * Infinity where a number belongs is an aggregate too (never a task), one that cannot be compared.
 */

import type { Diagnostic } from '../diagnostics.ts';
import {
  COMPUTED_OBJECTS,
  FALLBACK_METRICS,
  LINGUISTIC_DIAGNOSTICS,
  PRAGMATIC_LOGPROB_TASKS,
  PRAGMATIC_TASKS,
  isGroupName,
  lookupTask,
} from '../score/seahelm-tasks.ts';
import { seaMembership, type SeaMembership } from '../score/languages.ts';
import { supersedes } from '../score/merge-files.ts';
import { isLanguageKey, isRecord } from './detect.ts';
import { describeValue, errorText, isNonFiniteMarker, isWithin } from './values.ts';
import type { SeaEntry, SeaFile, UpstreamValue } from './types.ts';

/**
 * `scored`: the languages that are scored (the configured `sea_languages`, or the default rule).
 * Entries of the others are read too, to be counted as ignored, but nothing of them is used, so
 * nothing inside them is reported.
 */
export function readSeahelm(
  root: Record<string, unknown>,
  file: string,
  extraMetrics: Readonly<Record<string, string>>,
  scored: SeaMembership = seaMembership(null),
): { content: SeaFile; diagnostics: Diagnostic[] } {
  const entries: SeaEntry[] = [];
  const upstream: UpstreamValue[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [lang, langValue] of Object.entries(root)) {
    if (!isRecord(langValue)) {
      const problem = topLevelProblem(file, lang, langValue);
      if (problem !== null) diagnostics.push(problem);
      continue;
    }
    if (!isLanguageKey(lang)) {
      const message = 'an object whose key is not a language code; ignored';
      diagnostics.push({ kind: 'unexpected-key', file, keyPath: lang, message });
      continue;
    }
    const reported = scored.has(lang) ? diagnostics : [];
    readLanguage(lang, langValue, { file, extraMetrics, entries, upstream, diagnostics: reported });
  }
  return { content: { format: 'seahelm', entries, upstream }, diagnostics };
}

/**
 * SEA-HELM's own top-level `total` is never used (it averages every language, `en` too), but one
 * that is not a number is still a sign of a broken file. `evaluated_as_base` (the original app
 * skipped it; its type is unknown) is tolerated; any other non-object is unexpected.
 */
function topLevelProblem(file: string, key: string, value: unknown): Diagnostic | null {
  if (key === 'evaluated_as_base') return null;
  if (key !== 'total') return unexpected(file, key, value);
  if (typeof value === 'number' || isNonFiniteMarker(value)) return null;
  const message = `expected a number, found ${describeValue(value)}; not used (SEA-HELM's own total never is)`;
  return { kind: 'unexpected-key', file, keyPath: key, message };
}

interface Reading {
  readonly file: string;
  readonly extraMetrics: Readonly<Record<string, string>>;
  readonly entries: SeaEntry[];
  readonly upstream: UpstreamValue[];
  readonly diagnostics: Diagnostic[];
}

/** The competencies of one language: their tasks, and the upstream numbers among them. */
function readLanguage(lang: string, langValue: Record<string, unknown>, reading: Reading): void {
  const { file, extraMetrics, entries, upstream, diagnostics } = reading;
  /** Task name -> the entry of it that merging will use so far, in this language. */
  const seen = new Map<string, { readonly keyPath: string; readonly usable: boolean }>();
  const add = (entry: SeaEntry, keyPath: string) => {
    const earlier = seen.get(entry.task);
    const usable = entry.status === 'ok';
    // As merging decides (merge-files.ts).
    const wins = earlier === undefined || supersedes(usable, earlier.usable);
    if (earlier !== undefined) {
      const used = wins ? keyPath : earlier.keyPath;
      diagnostics.push(duplicateTask(file, entry, earlier.keyPath, keyPath, used));
    }
    if (wins) seen.set(entry.task, { keyPath, usable });
    // A cell's detail says where a value that is not ok comes from.
    entries.push(usable ? entry : { ...entry, where: `${file}: ${keyPath}` });
  };
  const competencies = Object.entries(langValue);
  if (competencies.length === 0) diagnostics.push(empty(file, lang, 'language'));
  for (const [competency, compValue] of competencies) {
    if (typeof compValue === 'number' || isNonFiniteMarker(compValue)) {
      // Only the language's `total` is compared; other numbers here mean nothing to us.
      if (competency !== 'total') continue;
      if (typeof compValue === 'number') upstream.push({ path: [lang], value: compValue });
      else diagnostics.push(nonFiniteAggregate(file, `${lang}.total`, compValue));
      continue;
    }
    if (competency === 'total') {
      // SEA-HELM's language total (section 1.2), never a competency, whatever it holds.
      diagnostics.push(notANumberTotal(file, `${lang}.total`, 'language', compValue));
      continue;
    }
    if (!isRecord(compValue)) {
      diagnostics.push(unexpected(file, `${lang}.${competency}`, compValue));
      continue;
    }
    const tasks = Object.entries(compValue);
    if (tasks.length === 0) diagnostics.push(empty(file, `${lang}.${competency}`, 'competency'));
    for (const [task, taskValue] of tasks) {
      const keyPath = `${lang}.${competency}.${task}`;
      // A known task written as a bare number (a bare NaN or Infinity too) is a task entry (an
      // unusable one), not a group's upstream number.
      const marker = isNonFiniteMarker(taskValue);
      const numberForTask =
        (typeof taskValue === 'number' || marker) &&
        task !== 'total' &&
        lookupTask(task, extraMetrics) !== null;
      if (typeof taskValue === 'number' && !numberForTask) {
        const path = task === 'total' ? [lang, competency] : [lang, competency, task];
        upstream.push({ path, value: taskValue });
      } else if (marker && !numberForTask) {
        diagnostics.push(nonFiniteAggregate(file, keyPath, taskValue));
      } else if (task === 'total') {
        // SEA-HELM's competency total (section 1.2), never a task, whatever it holds: an
        // object too, as the original app's `{ overall_score }` (original-app.md section 4.3).
        diagnostics.push(notANumberTotal(file, keyPath, 'competency', taskValue));
      } else if (!isRecord(taskValue) && isComputedObject(competency, task)) {
        // SEA-HELM's own pooled value (section 1.2), never a task, whatever it holds.
        const message = `expected the value SEA-HELM computes (an object or a number), found ${describeValue(taskValue)}; not a task, ignored`;
        diagnostics.push({ kind: 'unexpected-key', file, keyPath, message });
      } else if (!isRecord(taskValue) && isGroupName(task, extraMetrics)) {
        // SEA-HELM's own group value (section 1.2), never a task, whatever it holds.
        const message = `expected the group's value (a number), found ${describeValue(taskValue)}; not a task, not compared`;
        diagnostics.push({ kind: 'unexpected-key', file, keyPath, message });
      } else if (!isRecord(taskValue)) {
        // Still a task entry, just an unusable one: it counts, and it is reported.
        diagnostics.push(unexpected(file, keyPath, taskValue));
        const detail = `expected a task entry object, found ${describeValue(taskValue)}`;
        add({ lang, competency, task, status: 'invalid', value: null, detail }, keyPath);
      } else if (!isComputedObject(competency, task)) {
        const entry = readTask(lang, competency, task, taskValue, extraMetrics);
        add(entry, keyPath);
        if (entry.status === 'ok' && entry.detail !== '') {
          diagnostics.push({ kind: 'fallback-metric', file, keyPath, message: entry.detail });
        }
      }
    }
  }
}

/** `pragmatics`, `lindsea` and their `-logprobs` under linguistic-diagnostics: not tasks. */
function isComputedObject(competency: string, task: string): boolean {
  return competency === LINGUISTIC_DIAGNOSTICS && COMPUTED_OBJECTS.has(task);
}

function readTask(
  lang: string,
  competency: string,
  task: string,
  value: Record<string, unknown>,
  extraMetrics: Readonly<Record<string, string>>,
): SeaEntry {
  const base = { lang, competency, task };
  if ('error' in value) {
    return {
      ...base,
      status: 'failed',
      value: null,
      detail: `error: ${errorText(value['error'])}`,
    };
  }
  if (PRAGMATIC_TASKS.has(task)) return readPragmaticCounts(base, value);
  if (PRAGMATIC_LOGPROB_TASKS.has(task)) return readPragmaticLogprobs(base, value);
  const spec = lookupTask(task, extraMetrics);
  const metric = spec?.metric ?? FALLBACK_METRICS.find((key) => key in value);
  if (metric === undefined) {
    const detail = `unknown task: not in the built-in table, and none of the fallback metrics (${FALLBACK_METRICS.join(', ')}) is present`;
    return { ...base, status: 'missing', value: null, detail };
  }
  if (!(metric in value)) {
    return { ...base, status: 'missing', value: null, detail: `no '${metric}' key` };
  }
  const score = value[metric];
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    return {
      ...base,
      status: 'invalid',
      value: null,
      detail: `'${metric}' is ${describeValue(score)}`,
    };
  }
  if (!isPercentage(score)) {
    const detail = `'${metric}' is ${score}, outside 0-100`;
    return { ...base, status: 'invalid', value: null, detail };
  }
  const detail =
    spec === null
      ? `unknown task '${task}': used '${metric}', the first fallback metric present`
      : '';
  return { ...base, status: 'ok', value: score, detail };
}

/**
 * SEA-HELM writes every primary metric on 0-100 (result-formats.md section 1.7): a value outside
 * is garbage and would pull its averages out of the scale.
 */
function isPercentage(score: number): boolean {
  return isWithin(score, 0, 100);
}

type Base = Pick<SeaEntry, 'lang' | 'competency' | 'task'>;

/**
 * A record keyed by names from the file: without a prototype, a phenomenon named `__proto__` is
 * an entry like any other instead of replacing the prototype (and vanishing).
 */
function keyedByData<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `subcategories: {phenomenon: [correct, total]}` (result-formats.md section 1.3). */
function readPragmaticCounts(base: Base, value: Record<string, unknown>): SeaEntry {
  const subcategories = value['subcategories'];
  if (!isRecord(subcategories)) {
    return { ...base, status: 'missing', value: null, detail: "no 'subcategories' counts" };
  }
  const counts = keyedByData<readonly [number, number]>();
  const bad: string[] = [];
  for (const [phenomenon, pair] of Object.entries(subcategories)) {
    const problem = countPairProblem(pair);
    if (problem === null) counts[phenomenon] = pair as [number, number];
    else bad.push(`${phenomenon} ${problem}`);
  }
  if (bad.length > 0 || Object.keys(counts).length === 0) {
    const detail = bad.length > 0 ? `invalid counts: ${bad.join('; ')}` : 'no phenomenon counts';
    return { ...base, status: bad.length > 0 ? 'invalid' : 'missing', value: null, detail };
  }
  return { ...base, status: 'ok', value: null, detail: '', counts };
}

/** Why `pair` is not `[correct, total]` counts (null when it is). */
function countPairProblem(pair: unknown): string | null {
  if (!Array.isArray(pair) || pair.length !== 2) {
    return `is ${describeValue(pair)}, not a [correct, total] pair`;
  }
  const [correct, total] = pair as unknown[];
  const notCount = (n: unknown) => typeof n !== 'number' || !Number.isFinite(n) || n < 0;
  if (notCount(correct) || notCount(total)) {
    return `is [${describeValue(correct)}, ${describeValue(total)}]: expected two counts`;
  }
  if (total === 0) return `is [${String(correct)}, 0]: the total is 0`;
  // The two tasks' counts are added up: 1e308 twice would be Infinity, and the value NaN or 0.
  if ((total as number) > Number.MAX_SAFE_INTEGER) {
    return `is [${String(correct)}, ${String(total)}]: a count above 2^53 - 1`;
  }
  if ((correct as number) > (total as number)) {
    return `is [${String(correct)}, ${String(total)}]: more correct than in total`;
  }
  return null;
}

/** `subcategories.<phenomenon>.average_cumulative_probabilities`. */
function readPragmaticLogprobs(base: Base, value: Record<string, unknown>): SeaEntry {
  const subcategories = value['subcategories'];
  if (!isRecord(subcategories)) {
    return { ...base, status: 'missing', value: null, detail: "no 'subcategories'" };
  }
  const phenomena = keyedByData<number>();
  const bad: string[] = [];
  for (const [phenomenon, entry] of Object.entries(subcategories)) {
    const score = isRecord(entry) ? entry['average_cumulative_probabilities'] : undefined;
    const key = `${phenomenon}.average_cumulative_probabilities`;
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      bad.push(`${key} is ${describeValue(score)}`);
    } else if (!isPercentage(score)) bad.push(`${key} is ${score}, outside 0-100`);
    else phenomena[phenomenon] = score;
  }
  if (bad.length > 0 || Object.keys(phenomena).length === 0) {
    const detail = bad.length > 0 ? bad.join('; ') : 'no phenomena';
    return { ...base, status: bad.length > 0 ? 'invalid' : 'missing', value: null, detail };
  }
  return { ...base, status: 'ok', value: null, detail: '', phenomena };
}

/** A language's or competency's `total` that is not a number: not a node, and not compared. */
function notANumberTotal(
  file: string,
  keyPath: string,
  of: 'language' | 'competency',
  value: unknown,
): Diagnostic {
  const message = `expected the ${of}'s total (a number), found ${describeValue(value)}; not compared`;
  return { kind: 'unexpected-key', file, keyPath, message };
}

/**
 * A total or group value the file carries as a bare NaN or Infinity: not a task, and not a
 * number to compare with the recomputed value.
 */
function nonFiniteAggregate(file: string, keyPath: string, marker: string): Diagnostic {
  const message = `the file's own total or group value is ${describeValue(marker)}; it is not compared with the recomputed value`;
  return { kind: 'non-finite-token', file, keyPath, message };
}

/**
 * One task name under two competencies of a language (SEA-HELM never writes this; hand-made or
 * mixed files do). Both entries are read here; merging keeps one (scoring.md section 8).
 */
function duplicateTask(
  file: string,
  entry: SeaEntry,
  earlier: string,
  later: string,
  used: string,
): Diagnostic {
  const why = used === later ? 'the later one in the file' : 'the later one has no usable score';
  const message = `the task '${entry.task}' is under two competencies of '${entry.lang}': ${earlier} and ${later}; ${used} is used (${why})`;
  return { kind: 'duplicate-task', file, keyPath: later, message };
}

/**
 * An empty language or competency object gives no column and loses no value, but a file that
 * holds one was most likely cut short or hand-edited: said, not silently passed over.
 */
function empty(file: string, keyPath: string, what: 'language' | 'competency'): Diagnostic {
  const inside = what === 'language' ? 'competency' : 'task';
  const message = `an empty ${what} object (no ${inside} in it); nothing to score`;
  return { kind: 'unexpected-key', file, keyPath, message };
}

function unexpected(file: string, keyPath: string, value: unknown): Diagnostic {
  return {
    kind: 'unexpected-key',
    file,
    keyPath,
    message: `expected an object, found ${describeValue(value)}; ignored`,
  };
}
