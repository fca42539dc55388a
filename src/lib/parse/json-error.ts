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
    scanner.document();
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
const SIMPLE_ESCAPES = '"\\/bfnrt';
const UNICODE_ESCAPE = /^[0-9a-fA-F]{4}$/;

/**
 * Iterative, with its own stack of open containers: a file of 100,000 unclosed `[` must give a
 * message, not overflow the call stack.
 */
class Scanner {
  at = 0;
  private readonly text: string;
  /** The containers open at `at`, innermost last. */
  private readonly open: ('{' | '[')[] = [];
  constructor(text: string) {
    this.text = text;
  }

  fail(expected: string): never {
    throw new ScanError(this.at, expected);
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text.charAt(this.at))) this.at++;
  }

  document(): void {
    do this.value();
    while (this.closeContainers());
    this.space();
    if (this.at < this.text.length) this.fail('the end of the document');
  }

  /** Reads a scalar, an empty container, or the opening of a container up to its first value. */
  private value(): void {
    for (;;) {
      this.space();
      const ch = this.text.charAt(this.at);
      if (ch === '{' || ch === '[') {
        this.at++;
        this.space();
        if (this.text.charAt(this.at) === (ch === '{' ? '}' : ']')) {
          this.at++;
          return;
        }
        this.open.push(ch);
        if (ch === '{') this.key();
        continue;
      }
      return this.scalar(ch);
    }
  }

  /**
   * After a value: closes the containers that end here. True when another value follows (after
   * a `,`, and in an object its key), false when the outermost value has ended.
   */
  private closeContainers(): boolean {
    for (;;) {
      const container = this.open.at(-1);
      if (container === undefined) return false;
      const close = container === '{' ? '}' : ']';
      this.space();
      const next = this.text.charAt(this.at);
      if (next === close) {
        this.at++;
        this.open.pop();
        continue;
      }
      if (next !== ',') this.fail(`',' or '${close}'`);
      this.at++;
      if (container === '{') this.key();
      return true;
    }
  }

  /** `"key":` inside an object. */
  private key(): void {
    this.space();
    if (this.text.charAt(this.at) !== '"') this.fail('a key in double quotes');
    this.string();
    this.space();
    if (this.text.charAt(this.at) !== ':') this.fail("':'");
    this.at++;
  }

  private scalar(ch: string): void {
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

  /**
   * A loop rather than a regular expression: the engine keeps a way back for each character a
   * repeated alternation reads, and a string of ten million characters overflowed its stack.
   */
  private string(): void {
    this.at++;
    while (this.at < this.text.length) {
      const ch = this.text.charAt(this.at);
      // JSON strings may not hold raw control characters.
      if (ch === '"' || ch.charCodeAt(0) < 0x20) break;
      if (ch !== '\\') this.at++;
      else if (!this.escape()) break;
    }
    if (this.text.charAt(this.at) !== '"') this.fail('the end of a string');
    this.at++;
  }

  /** Steps over the escape at `at` (a backslash), if it is one JSON knows. */
  private escape(): boolean {
    const next = this.text.charAt(this.at + 1);
    if (next !== '' && SIMPLE_ESCAPES.includes(next)) {
      this.at += 2;
      return true;
    }
    if (next === 'u' && UNICODE_ESCAPE.test(this.text.slice(this.at + 2, this.at + 6))) {
      this.at += 6;
      return true;
    }
    return false;
  }
}
