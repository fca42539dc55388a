/**
 * The fast path for big lm-eval files: parse only the members the English scores read
 * (`results`, `n-samples`, `group_subtasks`, `date`, `config` for its `limit`), and skip the rest (`configs`, `samples`,
 * environment dumps) without decoding it. Everything read is parsed by JSON.parse, so it is
 * validated; skipped members are not. `configs` only names a task's `output_type` in the message
 * about a modified task, so a file with such a task is read whole (parse-file.ts). Returns null
 * when the file is not plainly such a file, and the caller parses it whole.
 */

import type { Buffer } from 'node:buffer';
import {
  indentUnit,
  indentedMembers,
  isObjectSpan,
  needle,
  parseSpan,
  spanCloses,
  type Span,
} from './json-scan.ts';

/** Below this size a full parse is as cheap as scanning. */
export const FAST_PATH_MIN_BYTES = 64 * 1024;

const PARSED_MEMBERS = ['results', 'n-samples', 'group_subtasks', 'date', 'config'];

export function reduceLmEvalBytes(bytes: Buffer): Record<string, unknown> | null {
  if (bytes.length < FAST_PATH_MIN_BYTES) return null;
  const indent = indentUnit(bytes);
  if (indent === null || !oneDocument(bytes)) return null;
  const top = indentedMembers(bytes, { start: 0, end: bytes.length }, indent);
  if (top === null || !everySkippedMemberCloses(bytes, top, indent)) return null;
  const results = top.get('results');
  if (!isObjectSpan(bytes, results) || !isObjectSpan(bytes, top.get('configs'))) return null;
  if (!isObjectSpan(bytes, top.get('versions'))) return null;
  try {
    // Stand-ins for the skipped objects, so that the format still reads as lm-eval.
    const root: Record<string, unknown> = { versions: {}, configs: {} };
    for (const key of PARSED_MEMBERS) {
      const span = top.get(key);
      if (span !== undefined) root[key] = parseSpan(bytes, span);
    }
    return root;
  } catch {
    return null; // e.g. NaN tokens: the full path handles them
  }
}

/**
 * In an indented document only its own closing brace starts a line at column 0: another one
 * there means a second document (or stray brackets), and the file goes down the full path.
 */
function oneDocument(bytes: Buffer): boolean {
  let last = bytes.length - 1;
  while (last > 0 && (bytes[last] === 0x0a || bytes[last] === 0x0d || bytes[last] === 0x20)) last--;
  if (last < 2 || bytes[last] !== 0x7d || bytes[last - 1] !== 0x0a) return false;
  // A backward search looks for the needle's last byte first, here a rare one.
  return bytes.lastIndexOf(needle('\n}'), last - 2) < 0;
}

/**
 * A member the scan does not parse must end the way it began, at its own indentation: an object
 * or a list closes on a line of its own, indented like its key. A member written at another
 * indentation (by hand, say) would hide inside the member before it, and then that member does
 * not end so; the file goes down the full path. The members that are parsed are checked by
 * JSON.parse itself.
 */
function everySkippedMemberCloses(bytes: Buffer, top: Map<string, Span>, indent: string): boolean {
  for (const [key, span] of top) {
    if (PARSED_MEMBERS.includes(key)) continue;
    if (!spanCloses(bytes, span, indent)) return false;
  }
  return true;
}
