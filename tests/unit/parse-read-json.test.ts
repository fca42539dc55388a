/**
 * read-json: bytes -> JSON value, or the precise reason it cannot be read (result-formats.md
 * section 3 and scoring.md section 1: bare NaN / Infinity / -Infinity tokens are read and their
 * values are not finite numbers).
 */
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJson, replaceNonFiniteTokens } from '../../src/lib/parse/read-json.ts';

const encode = (text: string) => new TextEncoder().encode(text);

function readOk(text: string) {
  const result = readJson(encode(text));
  if (!result.ok) throw new Error(`expected ok, got ${result.kind}: ${result.message}`);
  return result;
}

function readError(bytes: Uint8Array) {
  const result = readJson(bytes);
  if (result.ok) throw new Error('expected a read error');
  return result;
}

const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

describe('readJson: valid files', () => {
  it('reads a plain object', () => {
    const result = readOk('{"id": {"nlu": {"sentiment": {"normalized_accuracy": 61.5}}}}');
    expect(result.value).toEqual({ id: { nlu: { sentiment: { normalized_accuracy: 61.5 } } } });
    expect(result.nonFiniteTokens).toBe(0);
  });

  it('reads every real fixture file without error', () => {
    const root = fileURLToPath(new URL('../fixtures/real', import.meta.url));
    for (const folder of ['seahelm', 'lm-eval']) {
      for (const name of readdirSync(path.join(root, folder))) {
        const bytes = readFileSync(path.join(root, folder, name));
        const result = readJson(bytes);
        expect(result.ok, `${folder}/${name}`).toBe(true);
      }
    }
  });

  it('keeps Unicode text intact (a UTF-8 file that is not ASCII)', () => {
    const result = readOk('{"th": {"note": "ภาษาไทย", "emoji": "😀"}}');
    expect(result.value).toEqual({ th: { note: 'ภาษาไทย', emoji: '😀' } });
  });
});

describe('readJson: byte order mark', () => {
  it('reads a file that starts with a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{"total": 1}')]);
    const result = readJson(bytes);
    expect(result).toEqual({ ok: true, value: { total: 1 }, reduced: false, nonFiniteTokens: 0 });
  });

  it('reads a BOM followed by whitespace and a newline', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('\n  {"a": [1, 2]}\n')]);
    expect(readJson(bytes)).toMatchObject({ ok: true, value: { a: [1, 2] } });
  });
});

describe('readJson: NaN / Infinity / -Infinity tokens', () => {
  it('reads the three bare tokens as values that are not finite numbers', () => {
    const text = '{\n  "a": NaN,\n  "b": Infinity,\n  "c": -Infinity,\n  "d": 1.5\n}';
    const result = readOk(text);
    const value = result.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['a', 'b', 'c', 'd']);
    expect(isFiniteNumber(value['a'])).toBe(false);
    expect(isFiniteNumber(value['b'])).toBe(false);
    expect(isFiniteNumber(value['c'])).toBe(false);
    // The ordinary number next to them is untouched.
    expect(value['d']).toBe(1.5);
    // Three tokens: `-Infinity` is one token, not a minus and an `Infinity`.
    expect(result.nonFiniteTokens).toBe(3);
  });

  it('reads tokens inside arrays and nested objects', () => {
    const result = readOk('{"x": [NaN, 1, -Infinity], "y": {"z": Infinity}}');
    const value = result.value as { x: unknown[]; y: { z: unknown } };
    expect(value.x).toHaveLength(3);
    expect(isFiniteNumber(value.x[0])).toBe(false);
    expect(value.x[1]).toBe(1);
    expect(isFiniteNumber(value.x[2])).toBe(false);
    expect(isFiniteNumber(value.y.z)).toBe(false);
    expect(result.nonFiniteTokens).toBe(3);
  });

  it('leaves the same words inside strings alone, keys included', () => {
    const text = '{"NaN": "NaN", "s": "Infinity and -Infinity", "q": "a \\" NaN \\" b", "v": NaN}';
    const result = readOk(text);
    const value = result.value as Record<string, unknown>;
    expect(value['NaN']).toBe('NaN');
    expect(value['s']).toBe('Infinity and -Infinity');
    // An escaped quote does not end the string, so this NaN is still text.
    expect(value['q']).toBe('a " NaN " b');
    expect(isFiniteNumber(value['v'])).toBe(false);
    expect(result.nonFiniteTokens).toBe(1);
  });

  it('leaves a backslash at the end of a string alone', () => {
    const result = readOk('{"path": "C:\\\\", "v": NaN}');
    const value = result.value as Record<string, unknown>;
    expect(value['path']).toBe('C:\\');
    expect(isFiniteNumber(value['v'])).toBe(false);
    expect(result.nonFiniteTokens).toBe(1);
  });

  it('replaceNonFiniteTokens touches nothing in a file without tokens', () => {
    const text = '{"a": "NaN", "b": 1}';
    expect(replaceNonFiniteTokens(text)).toEqual({ text, count: 0 });
  });
});

describe('readJson: files that cannot be read', () => {
  it('reports an empty file as empty', () => {
    expect(readError(new Uint8Array(0)).kind).toBe('empty-file');
  });

  it('reports a file of whitespace only as empty', () => {
    expect(readError(encode(' \n\t\r\n')).kind).toBe('empty-file');
  });

  it('reports bytes that are not UTF-8', () => {
    // {"a": "<0xff>"} — 0xff never occurs in UTF-8.
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    const error = readError(bytes);
    expect(error.kind).toBe('not-utf8');
    expect(error.message).toMatch(/UTF-8/);
  });

  it('reports Latin-1 text (é as the single byte 0xe9) as not UTF-8, with the byte and its line', () => {
    const bytes = new Uint8Array([...encode('{\n  "a": "caf'), 0xe9, ...encode('"\n}')]);
    const error = readError(bytes);
    expect(error.kind).toBe('not-utf8');
    expect(error.message).toBe(
      'the file is not valid UTF-8 text: byte 0xe9 at line 2 (byte 13) starts no UTF-8 character (Latin-1 or another legacy encoding?); save it as UTF-8',
    );
  });

  it('places a UTF-8 character cut short', () => {
    // é is 0xc3 0xa9 in UTF-8; here its second byte is missing.
    const error = readError(new Uint8Array([...encode('{"a": "caf'), 0xc3, ...encode('"}')]));
    expect(error.message).toMatch(
      /^the file is not valid UTF-8 text: byte 0xc3 at line 1 \(byte 10\)/,
    );
  });

  it('names UTF-16 text by its byte order mark, little- and big-endian', () => {
    const le = readError(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]));
    expect(le.kind).toBe('not-utf8');
    expect(le.message).toBe(
      'the file is UTF-16 little-endian text (it starts with that byte order mark), not UTF-8; save it as UTF-8',
    );
    const be = readError(new Uint8Array([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]));
    expect(be.message).toMatch(/^the file is UTF-16 big-endian text/);
  });

  it('names UTF-16 text without a byte order mark, which is valid UTF-8 byte for byte', () => {
    for (const bytes of [
      Buffer.from('{"a": 1}', 'utf16le'),
      Buffer.from('{"a": 1}', 'utf16le').swap16(),
    ]) {
      const error = readError(bytes);
      expect(error.kind).toBe('not-utf8');
      expect(error.message).toBe(
        'the file looks like UTF-16 text without a byte order mark (a zero byte beside each character), not UTF-8; save it as UTF-8',
      );
    }
  });

  it('reports malformed JSON with its line and column', () => {
    // line 1 `{`, line 2 `  "id": {`, line 3 `    "nlu": ]` -> the `]` is at column 12.
    const error = readError(encode('{\n  "id": {\n    "nlu": ]\n  }\n}'));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toMatch(/line 3, column 12/);
  });

  it('reports trailing garbage with its line', () => {
    const error = readError(encode('{"a": 1}\n}'));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toMatch(/line 2, column 1/);
  });

  // Truncated files: cut at different places, each message must say where (line and column).
  // Every text below ends on line 3.
  const truncations: readonly [string, string][] = [
    ['after a complete number', '{\n "a": {\n  "b": 1'],
    ['inside a string', '{\n "a": {\n  "b": "abc'],
    ['after a colon', '{\n "a": {\n  "b":'],
    ['inside a literal', '{\n "a": {\n  "b": tr'],
    ['after a comma', '{\n "a": [\n  1,'],
    ['after a backslash in a string', '{\n "a": {\n  "b": "x\\'],
  ];
  for (const [where, text] of truncations) {
    it(`reports a file truncated ${where} with line and column`, () => {
      const error = readError(encode(text));
      expect(error.kind).toBe('invalid-json');
      expect(error.message).toMatch(/line 3, column \d+/);
    });
  }

  it('reports deeply nested unclosed brackets as invalid JSON, without overflowing the stack', () => {
    const depth = 200_000;
    const error = readError(encode(`{\n "deep": ${'['.repeat(depth)}`));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toBe(
      `the JSON ends early (truncated file?): expected a value at line 2, column ${10 + depth}`,
    );
  });

  it('reports malformed JSON after a string of millions of characters, without overflowing the stack', () => {
    const long = 'x'.repeat(12_000_000);
    const error = readError(encode(`{"output": "${long}", "a\\q": 1}`));
    expect(error.message).toBe(
      `invalid JSON: expected the end of a string, found "\\\\" at line 1, column ${long.length + 18}`,
    );
  });

  it('tells escapes JSON knows from others and raw control characters in strings', () => {
    expect(readOk('{"a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9": 1}').value).toEqual({
      'a"\\/\b\f\n\r\té': 1,
    });
    expect(readError(encode('{"a\\u00g9": 1}')).message).toMatch(
      /found "\\\\" at line 1, column 4/,
    );
    expect(readError(encode('{"a\tb": 1}')).message).toMatch(/at line 1, column 4/);
  });

  it('finds the error after deep nesting that closes one bracket short', () => {
    const depth = 100_000;
    const text = `{"deep": ${'['.repeat(depth)}${']'.repeat(depth - 1)}, "x": 1}`;
    const error = readError(encode(text));
    // `, "x"` is then an item of the outermost list, and its `:` the first error.
    expect(error.message).toBe(
      `invalid JSON: expected ',' or ']', found ":" at line 1, column ${text.indexOf(':', 10) + 1}`,
    );
  });

  it('reads deep valid nesting', () => {
    const depth = 5_000;
    const text = `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(readJson(encode(text)).ok).toBe(true);
  });

  it('reports a truncated file that also has NaN tokens with the line and column of the cut', () => {
    // The NaN on line 3 is legal (section 1); the real problem is the cut on line 4.
    const error = readError(encode('{\n "a": 1,\n "b": NaN,\n "c": [1, 2'));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toMatch(/line 4, column \d+/);
  });
});
