/**
 * Writes JSON byte for byte as Python's `json.dump(obj, f, indent=2)` does, so synthetic files look
 * like the real ones: Python floats always carry a fraction or an exponent (`43.0`, `1e-05`), ints
 * never do, and `ensure_ascii` escapes every non-ASCII character as `\uXXXX`.
 *
 * JavaScript has one number type, so a value that Python holds as a float and that may be
 * integral (`exact_match: 43.0`, `version: 1.0`) is wrapped with `pf()`. Plain numbers are written
 * as ints when integral and as floats otherwise.
 */

/** A number that Python stores as a float. */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/**
 * Text already rendered by `toPythonJson` at indent level 0; it is re-indented where it is
 * embedded. Lets the benchmark render large constant sections (configs, samples) once.
 */
export class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type PyJsonValue =
  null | boolean | number | string | PyFloat | RawJson | readonly PyJsonValue[] | PyJsonObject;

export interface PyJsonObject {
  readonly [key: string]: PyJsonValue;
}

export function pf(value: number): PyFloat {
  return new PyFloat(value);
}

export interface PyJsonOptions {
  /** Python's `ensure_ascii` (default true, as `json.dump` has it; lm-eval's CLI passes false). */
  readonly ensureAscii?: boolean;
}

export function toPythonJson(value: PyJsonValue, options: PyJsonOptions = {}): string {
  const ensureAscii = options.ensureAscii ?? true;
  const parts: string[] = [];
  writeValue(value, 0, ensureAscii, parts);
  return parts.join('');
}

function writeValue(value: PyJsonValue, level: number, ensureAscii: boolean, out: string[]): void {
  if (value === null) out.push('null');
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'number')
    out.push(Number.isInteger(value) ? String(value) : pyFloat(value));
  else if (typeof value === 'string') out.push(pyString(value, ensureAscii));
  else if (value instanceof PyFloat) out.push(pyFloat(value.value));
  else if (value instanceof RawJson) out.push(reindent(value.text, level));
  else if (isArray(value)) writeArray(value, level, ensureAscii, out);
  else writeObject(value, level, ensureAscii, out);
}

function isArray(value: PyJsonValue): value is readonly PyJsonValue[] {
  return Array.isArray(value);
}

function writeArray(
  items: readonly PyJsonValue[],
  level: number,
  ensureAscii: boolean,
  out: string[],
): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  const inner = '\n' + '  '.repeat(level + 1);
  out.push('[');
  items.forEach((item, i) => {
    out.push(i === 0 ? inner : ',' + inner);
    writeValue(item, level + 1, ensureAscii, out);
  });
  out.push('\n' + '  '.repeat(level) + ']');
}

function writeObject(
  object: PyJsonObject,
  level: number,
  ensureAscii: boolean,
  out: string[],
): void {
  const keys = Object.keys(object);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  const inner = '\n' + '  '.repeat(level + 1);
  out.push('{');
  keys.forEach((key, i) => {
    out.push(i === 0 ? inner : ',' + inner);
    out.push(pyString(key, ensureAscii), ': ');
    writeValue(object[key] ?? null, level + 1, ensureAscii, out);
  });
  out.push('\n' + '  '.repeat(level) + '}');
}

function reindent(text: string, level: number): string {
  // Rendered JSON never holds a raw newline inside a string, so every newline is a line break.
  return level === 0 ? text : text.replaceAll('\n', '\n' + '  '.repeat(level));
}

/** Python's float repr: shortest round-trip digits, exponent below 1e-4 or from 1e16. */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1) || '0';
    return `${sign}${whole}.${fraction}`;
  }
  const head = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Strings that need no escaping at all (the common case), tested in one pass.
const PLAIN_ASCII = /^[ !#-[\]-~]*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const PLAIN_UNICODE = /^[^"\\\u0000-\u001f]*$/;

/** Python's string encoder; with ensureAscii every code unit outside space..tilde is escaped. */
export function pyString(text: string, ensureAscii: boolean): string {
  if ((ensureAscii ? PLAIN_ASCII : PLAIN_UNICODE).test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || (ensureAscii && code > 0x7e))
      out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
