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
  memberSpan,
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
  if (bytes[last] !== 0x7d || bytes[last - 1] !== 0x0a) return false;
  if (bytes.indexOf('\n}') !== last - 1) return false;
  return ['\n{', '\n[', '\n"', '\n]'].every((marker) => bytes.indexOf(marker) < 0);
}

/** `configs` reduced to `{task: {output_type}}`. */
function configOutputTypes(bytes: Buffer, configs: Span, indent: string) {
  const head = bytes.toString('latin1', configs.start, Math.min(configs.end, configs.start + 16));
  if (/^\{\s*\}$/.test(head)) return {};
  const tasks = indentedMembers(bytes, configs, indent.repeat(2));
  if (tasks === null) return null;
  const reduced: Record<string, unknown> = {};
  for (const [task, span] of tasks) {
    const outputType = isObjectSpan(bytes, span)
      ? memberSpan(bytes, span, indent.repeat(3), 'output_type')
      : null;
    reduced[task] = outputType === null ? {} : { output_type: parseSpan(bytes, outputType) };
  }
  return reduced;
}
