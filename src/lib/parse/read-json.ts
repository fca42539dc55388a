/**
 * Turns the bytes of a results file into a JSON value, or says precisely why it cannot. Tolerates
 * a UTF-8 BOM and the bare `NaN` / `Infinity` tokens that Python's `json` module writes.
 */

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A bare non-finite token is read as this marker string, so the value shows up as `invalid`. */
export const NON_FINITE_PREFIX = '\u0000non-finite:';

export type JsonReadResult =
  | { readonly ok: true; readonly value: unknown; readonly nonFiniteTokens: number }
  | {
      readonly ok: false;
      readonly kind: 'empty-file' | 'not-utf8' | 'invalid-json';
      readonly message: string;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readJson(bytes: Uint8Array): JsonReadResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, kind: 'not-utf8', message: 'the file is not valid UTF-8 text' };
  }
  if (text.trim() === '') return { ok: false, kind: 'empty-file', message: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(text), nonFiniteTokens: 0 };
  } catch (error) {
    const replaced = replaceNonFiniteTokens(text);
    if (replaced.count > 0) {
      try {
        return { ok: true, value: JSON.parse(replaced.text), nonFiniteTokens: replaced.count };
      } catch {
        // fall through: report the error of the original text
      }
    }
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

/** V8 says "at position N"; people want line and column. */
function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(raw);
  const truncated = /Unexpected end of JSON input|Unterminated string/.test(raw);
  const reason = truncated ? 'the JSON ends early (truncated file?)' : 'invalid JSON';
  if (!position?.[1]) return `${reason}: ${raw}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}: ${raw.replace(/ in JSON at position \d+.*$/, '')}`;
}
