/**
 * Reads `leaderboard.config.yaml` into a `LeaderboardConfig`, or throws a `ConfigError` that
 * locates every problem as `<file>:<line>:<col> <key path>: <what>`.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { notUtf8Position, notUtf8Reason, utf16WithoutBomReason } from '../not-utf8.ts';
import {
  LineCounter,
  isScalar,
  parseAllDocuments,
  parseDocument,
  type Document,
  type YAMLError,
} from 'yaml';
import { badEscape } from './bad-escape.ts';
import { buildConfig, type ConfigOverrides } from './build.ts';
import {
  ConfigError,
  FILE_LABEL,
  SYNTAX_LABEL,
  formatKeyPath,
  formatProblemLine,
  type Position,
  type Problem,
} from './errors.ts';
import { duplicateKeyAt } from './duplicate-keys.ts';
import { keepKeysAsWritten, sameWrittenKey } from './keys-as-written.ts';
import { locate } from './locate.ts';
import { reservedKeyProblems } from './reserved-keys.ts';
import { ruleProblems } from './rules.ts';
import { throughRealFolder } from './real-folder.ts';
import { orderedSections } from './sections.ts';
import type { LeaderboardConfig } from './types.ts';
import { withTargetHints } from './target-hints.ts';
import { unresolvedAliases } from './unresolved-aliases.ts';
import { validateConfig } from './validate.ts';

export { ConfigError } from './errors.ts';
export type { ConfigOverrides } from './build.ts';

interface Located {
  readonly position: Position;
  readonly line: string;
}

const START: Position = { line: 1, col: 1 };

const BOM = '\uFEFF';

/** Sorted by position (stable, so problems at one place keep their order). */
function fail(problems: readonly Located[]): never {
  const sorted = [...problems].sort(
    (a, b) => a.position.line - b.position.line || a.position.col - b.position.col,
  );
  throw new ConfigError(sorted.map((problem) => problem.line));
}

/** The parser's message, but in the config's own words where it speaks to programmers. */
function syntaxMessage(error: YAMLError, text: string, line: number): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return 'a second YAML document starts here; the config is one document';
  }
  const hint = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? deeperLineHint(text, line) : null;
  return hint === null ? oneLine(error.message) : `${oneLine(error.message)}: ${hint}`;
}

/**
 * The likely cause of "Nested mappings are not allowed in compact mappings" at a value: the
 * next line (a key meant to sit beside this line's key) is indented deeper, so YAML reads it as
 * part of the value. Null when the next line is not deeper.
 */
function deeperLineHint(text: string, line: number): string | null {
  const lines = text.split(/\r?\n/);
  const indent = (n: number) => /^ */.exec(lines[n - 1] ?? '')?.[0].length ?? 0;
  let next = line + 1;
  while (next <= lines.length && (lines[next - 1] ?? '').trim() === '') next++;
  if (next > lines.length || indent(next) <= indent(line)) return null;
  return `line ${next} is indented deeper than line ${line}, so it is read as part of this value; indent it as the key of line ${line}`;
}

/** Whether the documents after the first are empty (a closing `---` or `...`). */
function onlyEmptyAfter(text: string): boolean {
  const documents = parseAllDocuments(text);
  return (
    Array.isArray(documents) &&
    documents
      .slice(1)
      .every((d) => d.errors.length === 0 && (d.contents === null || isEmptyScalar(d.contents)))
  );
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function syntaxProblems(
  errors: readonly YAMLError[],
  doc: Document,
  counter: LineCounter,
  file: string,
  text: string,
): Located[] {
  return errors.map((error) => {
    const position = counter.linePos(error.pos[0]);
    const escape = badEscape(doc, error, text);
    if (escape !== null) {
      return {
        position,
        line: formatProblemLine(file, position, formatKeyPath(escape.path), escape.what),
      };
    }
    const duplicate = error.code === 'DUPLICATE_KEY' ? duplicateKeyAt(doc, error.pos[0]) : null;
    if (duplicate !== null) {
      const first = counter.linePos(duplicate.firstOffset);
      const what = `the key is given twice in one mapping (first at line ${first.line}); keep one`;
      return {
        position,
        line: formatProblemLine(file, position, formatKeyPath(duplicate.path), what),
      };
    }
    return {
      position,
      line: formatProblemLine(
        file,
        position,
        SYNTAX_LABEL,
        syntaxMessage(error, text, position.line),
      ),
    };
  });
}

/**
 * One syntax error per line: the parser follows a mistake with others that it caused (an
 * indented line after `path: x` is also "Implicit keys need to be on a single line"), which say
 * the same thing worse. A key given twice is its own mistake, each time.
 */
function firstOfEachLine(errors: readonly YAMLError[], counter: LineCounter): YAMLError[] {
  const at = (error: YAMLError) => counter.linePos(error.pos[0]);
  const earliest = new Map<number, YAMLError>();
  for (const error of errors) {
    if (error.code === 'DUPLICATE_KEY') continue;
    const { line, col } = at(error);
    const kept = earliest.get(line);
    if (kept === undefined || col < at(kept).col) earliest.set(line, error);
  }
  return errors.filter(
    (error) => error.code === 'DUPLICATE_KEY' || earliest.get(at(error).line) === error,
  );
}

/** The document as plain JS; an empty document is an empty mapping. */
function toData(doc: Document, file: string): unknown {
  try {
    return doc.toJS() ?? {};
  } catch (error) {
    // e.g. too many aliases (a "billion laughs" document)
    const reason = error instanceof Error ? error.message : String(error);
    return fail([
      { position: START, line: formatProblemLine(file, START, SYNTAX_LABEL, oneLine(reason)) },
    ]);
  }
}

function locateAll(
  problems: readonly Problem[],
  doc: Document,
  counter: LineCounter,
  file: string,
): Located[] {
  return problems.map((problem) => {
    const position = locate(doc, counter, problem.path, problem.atKey);
    const label = formatKeyPath(problem.path);
    return { position, line: formatProblemLine(file, position, label, problem.what) };
  });
}

/**
 * Parses and validates config text. `file` is the config path as the user gave it: it names
 * the file in error messages. Relative paths in the config resolve against the folder of
 * `configFile`, its absolute path (loadConfig gives it through the folder's real path).
 * No I/O.
 */
export function parseConfigText(
  source: string,
  file: string,
  overrides: ConfigOverrides = {},
  configFile: string = path.resolve(file),
): LeaderboardConfig {
  // An editor shows no byte order mark, so columns of the first line count from after it.
  const text = source.startsWith(BOM) ? source.slice(BOM.length) : source;
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: false,
    // 'error' keeps errors (a 'silent' document drops some, such as a second document) and
    // prints nothing.
    logLevel: 'error',
    // Keys are names as written: `001` and `1` are two keys, `1e3` given twice one.
    uniqueKeys: sameWrittenKey,
  });
  const errors = doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS' || !onlyEmptyAfter(text));
  if (errors.length > 0)
    fail(syntaxProblems(firstOfEachLine(errors, counter), doc, counter, file, text));
  keepKeysAsWritten(doc);
  const aliases = unresolvedAliases(doc).map(({ path: at, offset, what }) => {
    const position = counter.linePos(offset);
    return { position, line: formatProblemLine(file, position, formatKeyPath(at), what) };
  });
  const reserved = [...locateAll(reservedKeyProblems(doc), doc, counter, file), ...aliases];
  if (reserved.length > 0) fail(reserved);
  const data = toData(doc, file);
  const validation = validateConfig(data);
  if (!validation.ok) {
    fail(locateAll(withTargetHints(validation.problems, data, doc), doc, counter, file));
  }
  const sections = orderedSections(doc, validation.config);
  const problems = ruleProblems(validation.config, sections);
  if (problems.length > 0) fail(locateAll(problems, doc, counter, file));
  return buildConfig(validation.config, sections, configFile, overrides);
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function readFailure(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const reason = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
  return `cannot read the config file: ${oneLine(reason)}`;
}

/** Far above any real config; a file past it is the wrong one (a result file, a device). */
const MAX_CONFIG_BYTES = 8 * 2 ** 20;

/**
 * The file's bytes, or null when it holds more than `limit`. A device such as /dev/zero never
 * ends, and a huge file would be read whole before the YAML parser says it is no config.
 */
async function readAtMost(file: string, limit: number): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 16);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return null;
    }
  } finally {
    await handle.close();
  }
}

/** Reads `file` and parses it with {@link parseConfigText}. */
export async function loadConfig(
  file: string,
  overrides: ConfigOverrides = {},
): Promise<LeaderboardConfig> {
  let bytes: Buffer | null;
  try {
    bytes = await readAtMost(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new ConfigError([formatProblemLine(file, START, FILE_LABEL, readFailure(error))]);
  }
  if (bytes === null) {
    const what = `cannot read the config file: it holds over ${MAX_CONFIG_BYTES / 2 ** 20} MB; a config is a short YAML file (is this the right file?)`;
    throw new ConfigError([formatProblemLine(file, START, FILE_LABEL, what)]);
  }
  if (!isUtf8(bytes)) {
    // Decoding would turn the bytes into U+FFFD, and the problem into a wrong key name.
    const at = notUtf8Position(bytes) ?? START;
    throw new ConfigError([formatProblemLine(file, at, FILE_LABEL, notUtf8Reason(bytes))]);
  }
  const text = bytes.toString('utf8');
  // ASCII in UTF-16 is valid UTF-8, a zero byte beside each character: only its text tells.
  const utf16 = utf16WithoutBomReason(text);
  if (utf16 !== null) throw new ConfigError([formatProblemLine(file, START, FILE_LABEL, utf16)]);
  return parseConfigText(text, file, overrides, throughRealFolder(file));
}
