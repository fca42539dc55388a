/**
 * The fast path for big lm-eval files: parse only the members the English scores read
 * (`results`, `n-samples`, `group_subtasks`, `date`, and each task's `configs.<task>.output_type`),
 * and skip the rest (`samples`, the bulk of `configs`, environment dumps) without decoding it.
 * Everything read is parsed by JSON.parse, so it is validated; skipped members are not. Returns
 * null when the file is not plainly such a file, and the caller parses it whole.
 */

import type { Buffer } from 'node:buffer';
import {
  indentUnit,
  indentedMembers,
  isObjectSpan,
  keyPositions,
  memberValueAt,
  needle,
  parseSpan,
  type Span,
} from './json-scan.ts';

/** Below this size a full parse is as cheap as scanning. */
export const FAST_PATH_MIN_BYTES = 64 * 1024;

const PARSED_MEMBERS = ['results', 'n-samples', 'group_subtasks', 'date'];

export function reduceLmEvalBytes(bytes: Buffer): Record<string, unknown> | null {
  if (bytes.length < FAST_PATH_MIN_BYTES) return null;
  const indent = indentUnit(bytes);
  if (indent === null || !oneDocument(bytes)) return null;
  const top = indentedMembers(bytes, { start: 0, end: bytes.length }, indent);
  if (top === null) return null;
  const configs = top.get('configs');
  if (!isObjectSpan(bytes, top.get('results')) || !isObjectSpan(bytes, configs)) return null;
  if (!isObjectSpan(bytes, top.get('versions'))) return null;
  try {
    const root: Record<string, unknown> = { versions: {} };
    for (const key of PARSED_MEMBERS) {
      const span = top.get(key);
      if (span !== undefined) root[key] = parseSpan(bytes, span);
    }
    const outputTypes = configOutputTypes(bytes, configs, indent);
    if (outputTypes === null) return null;
    root['configs'] = outputTypes;
    return root;
  } catch {
    return null; // e.g. NaN tokens: the full path handles them
  }
}

/**
 * In an indented document only its own closing brace starts a line at column 0; anything else
 * there (a second document, stray brackets after the end) sends the file down the full path.
 */
function oneDocument(bytes: Buffer): boolean {
  let last = bytes.length - 1;
  while (last > 0 && (bytes[last] === 0x0a || bytes[last] === 0x0d || bytes[last] === 0x20)) last--;
  if (last < 2 || bytes[last] !== 0x7d || bytes[last - 1] !== 0x0a) return false;
  // Backward searches look for a needle's last byte first, and brackets are rarer than
  // newlines; quotes are not, so `\n"` is searched forward.
  if (bytes.lastIndexOf(needle('\n}'), last - 2) >= 0) return false;
  if (RARE_LINE_STARTS.some((marker) => bytes.lastIndexOf(needle(marker)) >= 0)) return false;
  return bytes.indexOf(needle('\n"')) < 0;
}

const RARE_LINE_STARTS = ['\n{', '\n[', '\n]'];

/** `configs` reduced to `{task: {output_type}}`. */
function configOutputTypes(bytes: Buffer, configs: Span, indent: string) {
  const head = bytes.toString('latin1', configs.start, Math.min(configs.end, configs.start + 16));
  if (/^\{\s*\}$/.test(head)) return {};
  const tasks = indentedMembers(bytes, configs, indent.repeat(2));
  if (tasks === null) return null;
  // Every task's `output_type` line, found in one search, then matched to the tasks.
  const lines = keyPositions(bytes, configs, indent.repeat(3), 'output_type');
  const reduced: Record<string, unknown> = {};
  for (const [task, span] of tasks) {
    const at = isObjectSpan(bytes, span) ? firstAtOrAfter(lines, span.start) : undefined;
    const outputType =
      at === undefined || at >= span.end ? null : memberValueAt(bytes, span, indent.repeat(3), at);
    reduced[task] = outputType === null ? {} : { output_type: parseSpan(bytes, outputType) };
  }
  return reduced;
}

/** The first of the sorted positions at or after `start`. */
function firstAtOrAfter(positions: readonly number[], start: number): number | undefined {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((positions[middle] ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  return positions[low];
}
