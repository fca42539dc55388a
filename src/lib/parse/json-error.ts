/**
 * Where a JSON text goes wrong, for the message of a skipped file. V8's messages give no
 * position for some errors ("Unexpected end of JSON input", "... is not valid JSON"), so this
 * small validator finds the offset of the first error itself. It accepts the bare `NaN`,
 * `Infinity` and `-Infinity` tokens that Python writes (they are read, not errors). Only called
 * once a parse has failed.
 */

export interface JsonErrorAt {
  readonly offset: number;
  readonly expected: string;
}

/** The first syntax error, or null if the text is valid (with non-finite tokens allowed). */
export function findJsonError(text: string): JsonErrorAt | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.at < text.length) scanner.fail('the end of the document');
    return null;
  } catch (error) {
    if (error instanceof ScanError) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}

class ScanError extends Error {
  readonly offset: number;
  readonly expected: string;
  constructor(offset: number, expected: string) {
    super(expected);
    this.offset = offset;
    this.expected = expected;
  }
}

const LITERALS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON strings may not hold raw control characters, so the class excludes them.
// eslint-disable-next-line no-control-regex
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

class Scanner {
  at = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  fail(expected: string): never {
    throw new ScanError(this.at, expected);
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text.charAt(this.at))) this.at++;
  }

  value(): void {
    this.space();
    const ch = this.text.charAt(this.at);
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.at));
    if (literal !== undefined) {
      this.at += literal.length;
      return;
    }
    NUMBER.lastIndex = this.at;
    if (NUMBER.test(this.text)) {
      this.at = NUMBER.lastIndex;
      return;
    }
    this.fail('a value');
  }

  private string(): void {
    this.at++;
    STRING_BODY.lastIndex = this.at;
    STRING_BODY.test(this.text);
    this.at = STRING_BODY.lastIndex;
    if (this.text.charAt(this.at) !== '"') this.fail('the end of a string');
    this.at++;
  }

  private object(): void {
    this.at++;
    this.space();
    if (this.text.charAt(this.at) === '}') {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text.charAt(this.at) !== '"') this.fail('a key in double quotes');
      this.string();
      this.space();
      if (this.text.charAt(this.at) !== ':') this.fail("':'");
      this.at++;
      this.value();
      this.space();
      const next = this.text.charAt(this.at);
      this.at++;
      if (next === '}') return;
      if (next !== ',') {
        this.at--;
        this.fail("',' or '}'");
      }
    }
  }

  private array(): void {
    this.at++;
    this.space();
    if (this.text.charAt(this.at) === ']') {
      this.at++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      const next = this.text.charAt(this.at);
      this.at++;
      if (next === ']') return;
      if (next !== ',') {
        this.at--;
        this.fail("',' or ']'");
      }
    }
  }
}
