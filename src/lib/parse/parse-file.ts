/**
 * One discovered file's bytes -> its parsed content, or the reason it is skipped. Pure: the
 * caller does the reading, so this runs the same in the main thread and in workers.
 */

import type { Buffer } from 'node:buffer';
import { RESULTS_JSON_HEAD } from '../config/defaults.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { seaMembership, type SeaMembership } from '../score/languages.ts';
import {
  describeTopLevel,
  detectFormat,
  isLanguageKey,
  isRecord,
  type ResultFormat,
} from './detect.ts';
import { isNonFiniteMarker } from './values.ts';
import { isModifiedTask, readLmEval } from './lmeval.ts';
import { reduceLmEvalBytes } from './lmeval-fast.ts';
import { readJson } from './read-json.ts';
import { readSeahelm } from './seahelm.ts';
import { UNDATED, timeFromFileName, timeFromUnixSeconds } from './timestamp.ts';
import type { ParsedFile } from './types.ts';

export interface ParseRequest {
  /** Path shown in messages (relative to the config folder). */
  readonly file: string;
  /** The formats this file may be, from the path pre-filters. */
  readonly candidates: readonly ResultFormat[];
  readonly extraMetrics: Readonly<Record<string, string>>;
  /**
   * The SEA languages that are scored; nothing inside a SEA-HELM file's other languages is
   * reported. Default: the default rule (every code but `en` and the Chinese ones).
   */
  readonly seaLanguages?: SeaMembership;
}

const FORMAT_NAMES: Readonly<Record<ResultFormat, string>> = {
  seahelm: 'SEA-HELM',
  'lm-eval': 'lm-eval',
};

export function parseResultFile(bytes: Uint8Array, request: ParseRequest): ParsedFile {
  const fast = request.candidates.includes('lm-eval');
  const parsed = parseWith(bytes, request, fast ? reduceLmEvalBytes : undefined);
  // The fast path skips `configs`, whose only use is the output_type of a modified task.
  const { file } = parsed;
  const modified =
    file.ok && file.content.format === 'lm-eval' && file.content.tasks.some(isModifiedTask);
  return parsed.reduced && modified ? parseWith(bytes, request, undefined).file : file;
}

function parseWith(
  bytes: Uint8Array,
  request: ParseRequest,
  reduce: ((bytes: Buffer) => unknown) | undefined,
): { readonly file: ParsedFile; readonly reduced: boolean } {
  const { file } = request;
  if (isOwnResultsJson(bytes))
    return skipped({ kind: 'unknown-format', file, message: OWN_RESULTS });
  const json = readJson(bytes, reduce);
  if (!json.ok) return skipped({ kind: json.kind, file, message: json.message });
  const format = detectFormat(json.value);
  if (format === null) {
    const message = `not a SEA-HELM or lm-eval results file (${describeTopLevel(json.value)})`;
    return skipped({ kind: 'unknown-format', file, message });
  }
  if (!request.candidates.includes(format)) {
    const expected = request.candidates.map((c) => FORMAT_NAMES[c]).join(' or ');
    const message = `the content is ${FORMAT_NAMES[format]} results, but the path matched only the ${expected} file filter (or its conditions)`;
    return skipped({ kind: 'format-mismatch', file, message });
  }
  const root = json.value as Record<string, unknown>;
  const read =
    format === 'seahelm'
      ? readSeahelm(root, file, request.extraMetrics, request.seaLanguages)
      : readLmEval(root, file);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  // What each token meant is said where it matters (an invalid value in the missing report, an
  // upstream total not compared); languages that are not scored give no warning at all.
  if (json.nonFiniteTokens > 0) {
    // In lm-eval files every token counts (the parse counted them), so the walk may stop once
    // it has the paths it names; in SEA-HELM files, those in languages not scored do not count.
    // A SEA-HELM total or group value written so has a warning of its own already: one token,
    // one warning.
    const explained = new Set(
      read.diagnostics.flatMap((d) =>
        d.kind === 'non-finite-token' && d.keyPath !== undefined ? [d.keyPath] : [],
      ),
    );
    const found =
      format === 'seahelm'
        ? findNonFinite(root, request.seaLanguages ?? seaMembership(null), Infinity, explained)
        : {
            ...findNonFinite(root, null, Math.min(LISTED_PATHS, json.nonFiniteTokens)),
            count: json.nonFiniteTokens,
          };
    if (found.count > 0) diagnostics.unshift(nonFiniteTokens(file, found));
  }
  const fileName = file.slice(file.lastIndexOf('/') + 1);
  // Only lm-eval's top-level `date` dates a file (scoring.md section 5); a SEA-HELM file has
  // none, and a `date` key in one is an unexpected key, reported and ignored.
  const date = read.content.format === 'lm-eval' ? read.content.date : null;
  const time = timeFromFileName(fileName) ?? timeFromUnixSeconds(date) ?? UNDATED;
  return { file: { ok: true, content: read.content, time, diagnostics }, reduced: json.reduced };
}

const OWN_RESULTS =
  "the results.json of seahelm-leaderboard's own reports, not a result file (reports of an earlier run whose output folder was below this run's path?): delete it or move it out of the run's path";

const OWN_HEAD = new TextEncoder().encode(RESULTS_JSON_HEAD);

/**
 * The tool's results.json, by its first bytes (as discover finds the one in the output folder):
 * one left by an earlier output folder has lm-eval's `results` key, and would be called lm-eval
 * content without two of its objects.
 */
function isOwnResultsJson(bytes: Uint8Array): boolean {
  return bytes.length >= OWN_HEAD.length && OWN_HEAD.every((byte, i) => bytes[i] === byte);
}

function skipped(diagnostic: Diagnostic): { readonly file: ParsedFile; readonly reduced: false } {
  return { file: { ok: false, diagnostics: [diagnostic] }, reduced: false };
}

/** Names at most this many key paths in the message. */
const LISTED_PATHS = 5;

function nonFiniteTokens(file: string, found: NonFinite): Diagnostic {
  const listed = found.paths.slice(0, LISTED_PATHS).join(', ');
  const left = found.count - Math.min(found.paths.length, LISTED_PATHS);
  const more = left > 0 ? ` and ${left} more` : '';
  const message = `the file has ${found.count} bare NaN/Infinity token(s) (at ${listed}${more}), which JSON does not allow (Python's json writes them); a score written so is invalid`;
  return { kind: 'non-finite-token', file, keyPath: found.paths[0] ?? '', message };
}

interface NonFinite {
  readonly count: number;
  /** Key paths of the first tokens, in the order of the file. */
  readonly paths: readonly string[];
}

/** One object or list being walked: its values, and the key path segment of each. */
interface Frame {
  readonly values: readonly unknown[];
  /** Object keys; null for a list (segments are indexes). */
  readonly keys: readonly string[] | null;
  next: number;
}

/**
 * The bare NaN / Infinity tokens (read as marker strings): how many, and the key paths of the
 * first few, in the order of the file. In a SEA-HELM file (`scored` given), not those inside
 * languages that are not scored, nor those at the key paths `explained` (warned about already).
 * Key paths are kept as a stack of segments and joined only for a token, so a big file costs no
 * string per value; the walk stops after `stopAfter` tokens.
 */
function findNonFinite(
  root: Record<string, unknown>,
  scored: SeaMembership | null,
  stopAfter: number,
  explained: ReadonlySet<string> = new Set(),
): NonFinite {
  const counted = Object.keys(root).filter((key) => {
    const value = root[key];
    return scored === null || !(isRecord(value) && isLanguageKey(key) && !scored.has(key));
  });
  const paths: string[] = [];
  let count = 0;
  const segments: string[] = [];
  // A stack, not recursion: a file may nest deeply.
  const stack: Frame[] = [{ values: counted.map((key) => root[key]), keys: counted, next: 0 }];
  for (let top = stack.at(-1); top !== undefined && count < stopAfter; top = stack.at(-1)) {
    if (top.next >= top.values.length) {
      stack.pop();
      segments.pop();
      continue;
    }
    const i = top.next++;
    const value = top.values[i];
    const segment =
      top.keys === null ? `[${i}]` : `${stack.length > 1 ? '.' : ''}${top.keys[i] ?? ''}`;
    if (isNonFiniteMarker(value)) {
      const at = segments.join('') + segment;
      if (explained.has(at)) continue;
      count++;
      if (paths.length < LISTED_PATHS) paths.push(at);
    } else if (Array.isArray(value)) {
      segments.push(segment);
      stack.push({ values: value, keys: null, next: 0 });
    } else if (isRecord(value)) {
      segments.push(segment);
      const keys = Object.keys(value);
      stack.push({ values: keys.map((key) => value[key]), keys, next: 0 });
    }
  }
  return { count, paths };
}
