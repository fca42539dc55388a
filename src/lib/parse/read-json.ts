/**
 * Turns the bytes of a results file into a JSON value, or says precisely why it cannot. Tolerates
 * a UTF-8 BOM and the bare `NaN` / `Infinity` tokens that Python's `json` module writes.
 */

import { Buffer, isUtf8 } from 'node:buffer';
import { findJsonError } from './json-error.ts';
import { notUtf8Reason, utf16WithoutBomReason } from '../not-utf8.ts';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A bare non-finite token is read as this marker string, so the value shows up as `invalid`. */
export const NON_FINITE_PREFIX = '\u0000non-finite:';

export type JsonReadResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly nonFiniteTokens: number;
      /** Whether `value` is the smaller stand-in made by `reduce`. */
      readonly reduced: boolean;
    }
  | {
      readonly ok: false;
      readonly kind: 'empty-file' | 'not-utf8' | 'invalid-json';
      readonly message: string;
    };

/** UTF-8 text of the bytes (BOM removed), or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buffer) ? textOf(buffer) : null;
}

/** The text of bytes already known to be valid UTF-8, without a BOM. */
function textOf(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * `reduce` may return a smaller stand-in for the whole document from its valid UTF-8 bytes (see
 * lmeval-fast.ts); when it returns null the whole text is decoded and parsed.
 */
export function readJson(
  bytes: Uint8Array,
  reduce: (bytes: Buffer) => unknown = () => null,
): JsonReadResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) {
    return { ok: false, kind: 'not-utf8', message: notUtf8Reason(buffer) };
  }
  const reduced = reduce(buffer);
  if (reduced !== null) return { ok: true, value: reduced, nonFiniteTokens: 0, reduced: true };
  const text = textOf(buffer);
  if (text.trim() === '') return { ok: false, kind: 'empty-file', message: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(text), nonFiniteTokens: 0, reduced: false };
  } catch (error) {
    const replaced = replaceNonFiniteTokens(text);
    if (replaced.count > 0) {
      try {
        return {
          ok: true,
          value: JSON.parse(replaced.text),
          nonFiniteTokens: replaced.count,
          reduced: false,
        };
      } catch {
        // fall through: report the error of the original text
      }
    }
    const utf16 = utf16WithoutBomReason(text);
    if (utf16 !== null) return { ok: false, kind: 'not-utf8', message: utf16 };
    return { ok: false, kind: 'invalid-json', message: describeJsonError(text, error) };
  }
}

/** Replaces bare `NaN`, `Infinity`, `-Infinity` outside strings with marker strings. */
export function replaceNonFiniteTokens(text: string): { text: string; count: number } {
  let out = '';
  let count = 0;
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) {
      inString = true;
      continue;
    }
    const token = nonFiniteTokenAt(text, i);
    if (token !== null) {
      out += text.slice(last, i) + JSON.stringify(NON_FINITE_PREFIX + token);
      i += token.length - 1;
      last = i + 1;
      count++;
    }
  }
  return { text: count === 0 ? text : out + text.slice(last), count };
}

function nonFiniteTokenAt(text: string, i: number): string | null {
  for (const token of ['NaN', 'Infinity', '-Infinity']) {
    if (text.startsWith(token, i)) return token;
  }
  return null;
}

/** Where the text goes wrong, as line and column (V8's messages do not always say). */
function describeJsonError(text: string, error: unknown): string {
  const found = findJsonError(text);
  if (found === null) {
    const raw = error instanceof Error ? error.message : String(error);
    return `invalid JSON: ${raw}`;
  }
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - before.lastIndexOf('\n');
  const atEnd = text.slice(found.offset).trim() === '';
  const what = atEnd
    ? `the JSON ends early (truncated file?): expected ${found.expected}`
    : `invalid JSON: expected ${found.expected}, found ${JSON.stringify(text.charAt(found.offset))}`;
  return `${what} at line ${line}, column ${column}`;
}
