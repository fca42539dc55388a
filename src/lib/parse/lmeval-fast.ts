/**
 * The fast path for big lm-eval files: parse only the members the English scores read
 * (`results`, `n-samples`, `group_subtasks`, `date`, `config` for its `limit`, `model_args` and
 * `model_revision`,
 * `model_name`), and skip the
 * other objects and lists (`configs`, `samples`, ...) without decoding them. Everything read is
 * parsed by JSON.parse, so it is validated, and so are the other members that are not objects or
 * lists (small: `git_hash`, `pretty_env_info`); the skipped objects and lists are checked by
 * their layout only (json-scan.ts, and docs/scoring.md section 8 for what that leaves out).
 * `configs` only names a task's `output_type` in the message about a modified task, so a file
 * with such a task is read whole (parse-file.ts). Returns null when the file is not plainly such
 * a file, and the caller parses it whole.
 */

import type { Buffer } from 'node:buffer';
import {
  containerCloses,
  indentUnit,
  indentedMembers,
  isContainerSpan,
  isObjectSpan,
  needle,
  parseSpan,
  type Span,
} from './json-scan.ts';

/** Below this size a full parse is as cheap as scanning. */
export const FAST_PATH_MIN_BYTES = 64 * 1024;

const PARSED_MEMBERS = ['results', 'n-samples', 'group_subtasks', 'date', 'config', 'model_name'];

export function reduceLmEvalBytes(bytes: Buffer): Record<string, unknown> | null {
  if (bytes.length < FAST_PATH_MIN_BYTES) return null;
  const indent = indentUnit(bytes);
  if (indent === null || !oneDocument(bytes) || mayHoldNonFiniteToken(bytes)) return null;
  if (hasBareCarriageReturn(bytes)) return null;
  const top = indentedMembers(bytes, { start: 0, end: bytes.length }, indent);
  if (top === null) return null;
  const results = top.get('results');
  if (!isObjectSpan(bytes, results) || !isObjectSpan(bytes, top.get('configs'))) return null;
  if (!isObjectSpan(bytes, top.get('versions'))) return null;
  try {
    if (!everySkippedMemberHolds(bytes, top, indent)) return null;
    // Stand-ins for the skipped objects, so that the format still reads as lm-eval.
    const root: Record<string, unknown> = { versions: {}, configs: {} };
    for (const key of PARSED_MEMBERS) {
      const span = top.get(key);
      if (span !== undefined) root[key] = parseSpan(bytes, span);
    }
    return root;
  } catch {
    return null; // a syntax error: the full path locates it
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
 * The full parse counts bare NaN / Infinity tokens (a warning), and the scan does not see them
 * in the members it skips: a file holding these bytes anywhere, even in a string, is read whole.
 * `Infinit` lacks its last byte because a needle of 8 bytes is searched several times slower.
 */
function mayHoldNonFiniteToken(bytes: Buffer): boolean {
  return bytes.indexOf(needle('NaN')) >= 0 || bytes.indexOf(needle('Infinit')) >= 0;
}

/**
 * The scan finds lines by their LF; JSON.parse also takes a lone CR for whitespace, so in a file
 * with one a line the scan does not see may close a value or start a member.
 */
function hasBareCarriageReturn(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(0x0d); at >= 0; at = bytes.indexOf(0x0d, at + 1)) {
    if (bytes[at + 1] !== 0x0a) return true;
  }
  return false;
}

/**
 * A member the scan does not parse must hold one value and nothing else. A member written at
 * another indentation (by hand, say) would hide inside the member before it: an object or a list
 * then does not close only on its last line (json-scan.ts), and a scalar, parsed (it is small),
 * has more text after it, like stray text after the root closing on its line. The members that
 * are parsed are checked by JSON.parse itself. Throws on a syntax error.
 */
function everySkippedMemberHolds(bytes: Buffer, top: Map<string, Span>, indent: string): boolean {
  for (const [key, span] of top) {
    if (PARSED_MEMBERS.includes(key)) continue;
    if (!isContainerSpan(bytes, span)) parseSpan(bytes, span);
    else if (!containerCloses(bytes, span, indent)) return false;
  }
  return true;
}
