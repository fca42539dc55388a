/**
 * Config problems and how they are written: one line each,
 * `<file>:<line>:<col> <key path>: <what>`.
 */

import { printable } from '../printable.ts';

/** A key or a list index on the way from the top of the YAML to a value. */
export type PathSegment = string | number;

/** One problem found in a config, before it is located in the file. */
export interface Problem {
  readonly path: readonly PathSegment[];
  /** Point at the key of the last path segment rather than at its value. */
  readonly atKey?: boolean;
  /** What was expected and what was found. */
  readonly what: string;
}

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Key paths of problems that are not about one key. */
export const ROOT_LABEL = '(root)';
export const SYNTAX_LABEL = '(syntax)';
export const FILE_LABEL = '(file)';

/** An invalid or unreadable config file; `message` has one line per problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** `<file>:<line>:<col> <label>: <what>`. */
export function formatProblemLine(
  file: string,
  position: Position,
  label: string,
  what: string,
): string {
  return `${file}:${position.line}:${position.col} ${label}: ${what}`;
}

/**
 * `experiments.baselines.gemma.target_experiments[1]`; the root is `(root)`. A key that would
 * read as more than one step (`..`, `a.b`, empty, with brackets, quotes or spaces) is quoted:
 * `experiments[".."]`.
 */
export function formatKeyPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (!PLAIN_KEY.test(segment)) text += `[${printable(JSON.stringify(segment))}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? ROOT_LABEL : text;
}

/** A key shown bare in a key path: no dot, bracket, quote, space or control character. */
const PLAIN_KEY = /^[^.[\]"'\s\p{C}]+$/u;

const MAX_SHOWN = 60;

/** `the string "yes"`, `a number`, `a list`, ... for "expected X, found Y" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return value === '' ? 'an empty string' : `the string ${quote(value)}`;
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** A number shown as itself (`-1`, `1.5`), anything else as {@link describeValue} does. */
export function describeNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeValue(value);
}

function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
  return JSON.stringify(shown);
}
