/**
 * One discovered file's bytes -> its parsed content, or the reason it is skipped. Pure: the
 * caller does the reading, so this runs the same in the main thread and in workers.
 */

import type { Buffer } from 'node:buffer';
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
    const scored = format === 'seahelm' ? (request.seaLanguages ?? seaMembership(null)) : null;
    const at = nonFiniteKeyPaths(root, scored);
    if (at.length > 0) diagnostics.unshift(nonFiniteTokens(file, at));
  }
  const fileName = file.slice(file.lastIndexOf('/') + 1);
  // Only lm-eval's top-level `date` dates a file (scoring.md section 5); a SEA-HELM file has
  // none, and a `date` key in one is an unexpected key, reported and ignored.
  const date = read.content.format === 'lm-eval' ? read.content.date : null;
  const time = timeFromFileName(fileName) ?? timeFromUnixSeconds(date) ?? UNDATED;
  return { file: { ok: true, content: read.content, time, diagnostics }, reduced: json.reduced };
}

function skipped(diagnostic: Diagnostic): { readonly file: ParsedFile; readonly reduced: false } {
  return { file: { ok: false, diagnostics: [diagnostic] }, reduced: false };
}

/** Bare NaN/Infinity tokens of a SEA-HELM file, but for those inside languages not scored. */
/** Names at most this many key paths in the message. */
const LISTED_PATHS = 5;

function nonFiniteTokens(file: string, at: readonly string[]): Diagnostic {
  const listed = at.slice(0, LISTED_PATHS).join(', ');
  const more = at.length > LISTED_PATHS ? ` and ${at.length - LISTED_PATHS} more` : '';
  const message = `the file has ${at.length} bare NaN/Infinity token(s) (at ${listed}${more}), which JSON does not allow (Python's json writes them); a score written so is invalid`;
  return { kind: 'non-finite-token', file, keyPath: at[0] ?? '', message };
}

/**
 * Key paths of the bare NaN / Infinity tokens, in the order of the file; in a SEA-HELM file, not
 * those inside languages that are not scored (`scored` given).
 */
function nonFiniteKeyPaths(root: Record<string, unknown>, scored: SeaMembership | null): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [];
  const push = (entries: [string, unknown][], prefix: string, index: boolean) => {
    // Reversed, so that the stack gives them back in the file's order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i] as [string, unknown];
      stack.push([value, index ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`]);
    }
  };
  push(
    Object.entries(root).filter(
      ([key, value]) =>
        scored === null || !(isRecord(value) && isLanguageKey(key) && !scored.has(key)),
    ),
    '',
    false,
  );
  // A stack, not recursion: a file may nest deeply.
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [value, keyPath] = top;
    if (isNonFiniteMarker(value)) found.push(keyPath);
    else if (Array.isArray(value))
      push(
        value.map((item, i) => [String(i), item]),
        keyPath,
        true,
      );
    else if (isRecord(value)) push(Object.entries(value), keyPath, false);
  }
  return found;
}
