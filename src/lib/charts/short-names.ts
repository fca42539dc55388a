/**
 * Names shortened for labels that must fit beside a mark, still told apart. Names of one sweep
 * share most of their words (`llama3.1-8b-cpt-sea-mix-v3-cosine-LR1e-4-GBS512-bf16_20000`), so
 * cutting each at its end would show several models under one label. A long name keeps its
 * first word and the words where the names differ; each run of words that every name shares
 * becomes `…`: `llama3.1…LR1e-4-GBS512…20000`.
 */

import { truncate } from './svg.ts';

const ELLIPSIS = '…';
/** What separates the words of a name; `.` stays inside words (`llama3.1`, `ratio0.2`). */
const SEPARATORS = /([-_/=:+, ]+)/;
/** A shared run no longer than this stays written: `…-4-…` would say less than `1e-4`. */
const KEPT_RUN = 3;

/** Each name cut to at most `max` characters (code points), in input order. */
export function shortNames(names: readonly string[], max: number): string[] {
  const distinct = distinctWords(names);
  return names.map((name) => cut(name, distinct, max));
}

/** One of a chart's names (`names`, which may hold it) cut to at most `max` characters. */
export function shortName(name: string, names: readonly string[], max: number): string {
  return cut(name, distinctWords([name, ...names]), max);
}

function distinctWords(names: readonly string[]): string[][] {
  return [...new Set(names)].map(wordsOf);
}

function cut(name: string, distinct: readonly (readonly string[])[], max: number): string {
  if (length(name) <= max) return name;
  const abridged = distinct.length > 1 ? abridge(wordsOf(name), distinct) : null;
  return truncate(abridged ?? name, max);
}

/** A name as words and the separators between them: words at even, separators at odd indices. */
function wordsOf(name: string): string[] {
  return name.split(SEPARATORS);
}

/**
 * The name with each run of shared words put as `…`; null if no word of it differs from the
 * others (then it has nothing to show in their place). A word is shared when every name has it
 * at the same place, counted from the start or from the end.
 */
function abridge(parts: readonly string[], all: readonly (readonly string[])[]): string | null {
  const shared = parts.map((part, i) => i % 2 === 1 || sharedWord(part, i, parts.length, all));
  if (shared.every(Boolean)) return null;
  let out = parts[0] ?? '';
  let i = 1;
  while (i < parts.length) {
    let end = i;
    while (end < parts.length && shared[end] === true) end += 1;
    const run = parts.slice(i, end).join('');
    if (end === i) {
      out += parts[i] ?? '';
      end += 1;
    } else if (end === parts.length) {
      out += length(run) <= KEPT_RUN ? run : ELLIPSIS;
    } else {
      // The run's separators at both ends go with it: `llama3.1…LR1e`, not `llama3.1-…-LR1e`.
      out += length(run) <= KEPT_RUN + 2 ? run : ELLIPSIS;
    }
    i = end;
  }
  return out;
}

function sharedWord(
  word: string,
  index: number,
  count: number,
  all: readonly (readonly string[])[],
): boolean {
  const fromEnd = count - index;
  // The first word is always written: it counts as shared, so that it alone shows no difference.
  return (
    index === 0 ||
    all.every((other) => other[index] === word) ||
    all.every((other) => other[other.length - fromEnd] === word)
  );
}

function length(text: string): number {
  return [...text].length;
}
