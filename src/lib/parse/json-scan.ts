/**
 * Finds the members of an indented JSON object (as `json.dump(..., indent=N)` writes it) in its
 * UTF-8 bytes, without decoding or parsing them: in such a text a member of depth d starts on a
 * new line after exactly d * N spaces, and no string can hold a raw newline, so one native
 * search per member finds them. Big members a reader does not need (lm-eval's `samples` and
 * `configs`) are then skipped. Any other layout returns null, and the caller parses the
 * whole text.
 */

import { Buffer } from 'node:buffer';

export interface Span {
  readonly start: number;
  readonly end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const SPACE = 0x20;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

const isWhitespace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The indentation unit of a document that starts `{\n<spaces>"`, or null. */
export function indentUnit(bytes: Buffer): string | null {
  const head = bytes.toString('latin1', 0, 64);
  const match = /^\{\r?\n( +)"/.exec(head);
  return match?.[1] ?? null;
}

/**
 * Members of the object whose value spans `span`, its members indented by `indent`: key ->
 * span of the value (without the trailing comma). Null when the bytes there do not have that
 * layout, and when a key repeats: JSON.parse keeps the last value, and a member hidden in the
 * span of an earlier one would never be looked at.
 */
export function indentedMembers(
  bytes: Buffer,
  span: Span,
  indent: string,
): Map<string, Span> | null {
  const marker = needle(`\n${indent}"`);
  const members = new Map<string, Span>();
  let at = bytes.indexOf(marker, span.start);
  if (at < 0 || at >= span.end) return null;
  while (at >= 0) {
    const keyStart = at + marker.length - 1;
    const found = bytes.indexOf(marker, keyStart);
    const next = found < span.end ? found : -1;
    const memberEnd = next >= 0 ? next : closingBrace(bytes, span);
    if (memberEnd < 0) return null;
    const member = readMember(bytes, keyStart, memberEnd, next < 0);
    if (member === null || members.has(member.key)) return null;
    members.set(member.key, member.value);
    at = next;
  }
  return members;
}

const needles = new Map<string, Buffer>();

/** The UTF-8 bytes of a search string, made once: searches run per member of every file. */
export function needle(text: string): Buffer {
  let bytes = needles.get(text);
  if (bytes === undefined) {
    bytes = Buffer.from(text, 'utf8');
    needles.set(text, bytes);
  }
  return bytes;
}

/** Index of the object's closing brace (the last non-space byte of its span). */
function closingBrace(bytes: Buffer, span: Span): number {
  let end = span.end - 1;
  while (end > span.start && isWhitespace(bytes[end])) end--;
  return bytes[end] === CLOSE_BRACE ? end : -1;
}

/**
 * `"key": value,` between `keyStart` and `end` -> the key and the value's span. Only the last
 * member has no comma, as JSON wants.
 */
function readMember(
  bytes: Buffer,
  keyStart: number,
  end: number,
  last: boolean,
): { key: string; value: Span } | null {
  const keyEnd = stringEnd(bytes, keyStart);
  if (keyEnd < 0 || keyEnd > end || bytes[keyEnd] !== COLON) return null;
  let valueStart = keyEnd + 1;
  while (bytes[valueStart] === SPACE) valueStart++;
  let valueEnd = end;
  while (valueEnd > valueStart && isWhitespace(bytes[valueEnd - 1])) valueEnd--;
  if ((bytes[valueEnd - 1] === COMMA) === last) return null;
  if (!last) valueEnd--;
  if (valueEnd <= valueStart) return null;
  const key = parseKey(bytes.toString('utf8', keyStart, keyEnd));
  return key === null ? null : { key, value: { start: valueStart, end: valueEnd } };
}

/** A key's text, decoded and validated (escapes, control characters) by JSON.parse. */
function parseKey(raw: string): string | null {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/** Index just after the string that starts at `at` (a `"`), or -1. */
function stringEnd(bytes: Buffer, at: number): number {
  let i = at + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let j = quote - 1; j > at && bytes[j] === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Whether a member's value is an object or a list (its first byte). */
export function isContainerSpan(bytes: Buffer, span: Span): boolean {
  return bytes[span.start] === OPEN_BRACE || bytes[span.start] === OPEN_BRACKET;
}

/**
 * Whether an object or list, as the scan delimited it, ends where one written with that
 * indentation ends: empty on its first line (`{}` and nothing else), or opened at the end of its
 * first line and closed on a line of its own at the member's indentation, with no line before
 * that closing the same bracket at that indentation (the value would end there, and what follows
 * be members hidden at another indentation). Its other lines are not read: a bracket closing it
 * in the middle of a later line, or at another indentation, is not seen.
 */
export function containerCloses(bytes: Buffer, span: Span, indent: string): boolean {
  const closer = bytes[span.start] === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
  if (bytes[span.end - 1] !== closer) return false;
  if (span.end - span.start === 2) return true; // {} or []
  // `{}` or `{"a": 1}` then more lines: the value closed on its first line, and the lines after
  // it are members written at another indentation.
  const second = bytes[span.start + 1] === CARRIAGE_RETURN ? span.start + 2 : span.start + 1;
  if (bytes[second] !== NEWLINE) return false;
  const lineStart = span.end - 1 - indent.length;
  if (bytes[lineStart - 1] !== NEWLINE) return false;
  if (bytes.toString('latin1', lineStart, span.end - 1) !== indent) return false;
  const closingLine = needle(`\n${indent}${String.fromCharCode(closer)}`);
  // A backward search looks for the needle's last byte first, a bracket: rarer than newlines.
  return bytes.subarray(span.start, lineStart - 1).lastIndexOf(closingLine) < 0;
}

/** Whether a member's value is an object (its first byte). */
export function isObjectSpan(bytes: Buffer, span: Span | undefined): span is Span {
  return span !== undefined && bytes[span.start] === OPEN_BRACE;
}

/** JSON.parse of a member's value. */
export function parseSpan(bytes: Buffer, span: Span): unknown {
  return JSON.parse(bytes.toString('utf8', span.start, span.end));
}
