/**
 * Shell-style globs for single path components (`*`, `?`, `[abc]`, `[!abc]`), as Python's
 * fnmatch understands them, case-insensitive.
 *
 * Globs are matched by hand rather than as a regular expression: `.*` per `*` lets a glob with
 * many stars backtrack for ever on a long name, while the wildcard walk below goes back to the
 * last star only, so it takes at most (name length) x (glob length) steps.
 */

type GlobToken =
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'unit'; readonly canonical: number }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly CodeRange[] };

/** Code units `from` to `to`, both included (a range written backwards holds none). */
interface CodeRange {
  readonly from: number;
  readonly to: number;
}

const cache = new Map<string, readonly GlobToken[]>();

export function globMatches(glob: string, name: string): boolean {
  let tokens = cache.get(glob);
  if (tokens === undefined) {
    tokens = globTokens(glob);
    cache.set(glob, tokens);
  }
  return tokensMatch(tokens, name);
}

function globTokens(glob: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    const end = ch === '[' ? classEnd(glob, i) : -1;
    if (ch === '*') {
      // Stars in a row match what one star matches.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') tokens.push({ kind: 'any' });
    else if (end >= 0) {
      tokens.push(classToken(glob.slice(i + 1, end)));
      i = end;
    } else tokens.push({ kind: 'unit', canonical: canonicalize(glob.charCodeAt(i)) });
  }
  return tokens;
}

/** Where the class opened at `open` ends, or -1 (then `[` is literal). As in fnmatch, a `]`
 * right after `[` or `[!` is a member, not the end. */
function classEnd(glob: string, open: number): number {
  const first = glob.charAt(open + 1) === '!' ? open + 2 : open + 1;
  return glob.indexOf(']', first + 1);
}

/** `body` is what stands between `[` and `]`: `a-z` is a range, a `-` first or last a member. */
function classToken(body: string): GlobToken {
  const negated = body.startsWith('!');
  const members = negated ? body.slice(1) : body;
  const ranges: CodeRange[] = [];
  for (let i = 0; i < members.length; i++) {
    const from = members.charCodeAt(i);
    if (members.charAt(i + 1) === '-' && i + 2 < members.length) {
      ranges.push({ from, to: members.charCodeAt(i + 2) });
      i += 2;
    } else ranges.push({ from, to: from });
  }
  return { kind: 'class', negated, ranges };
}

/** The classic wildcard walk: on a mismatch, the last star takes one more unit and the glob
 * resumes after it; earlier stars never need to take more. */
function tokensMatch(tokens: readonly GlobToken[], name: string): boolean {
  let t = 0;
  let n = 0;
  let starToken = -1;
  let starName = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starToken = t++;
      starName = n;
    } else if (token !== undefined && unitMatches(token, name.charCodeAt(n))) {
      t++;
      n++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      n = ++starName;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function unitMatches(token: Exclude<GlobToken, { kind: 'star' }>, unit: number): boolean {
  switch (token.kind) {
    case 'any':
      return true;
    case 'unit':
      return canonicalize(unit) === token.canonical;
    case 'class':
      return classHolds(token.ranges, unit) !== token.negated;
  }
}

/** Whether a member of the ranges is the same letter as `unit`, in the sense of the `i` flag. */
function classHolds(ranges: readonly CodeRange[], unit: number): boolean {
  const alike = sameLetterUnits(unit);
  return ranges.some(({ from, to }) => alike.some((u) => from <= u && u <= to));
}

/*
 * Case folding as a regular expression with the `i` flag (and no `u`) does it: each UTF-16
 * code unit maps to its upper case when that is one code unit, unless that would take a
 * non-ASCII unit to ASCII (so `ſ` is not `s`, `ß` stays itself). ECMAScript's Canonicalize.
 */
let canonicalTable: Uint16Array | null = null;
let sameLetterTable: Map<number, number[]> | null = null;

function canonicalize(unit: number): number {
  canonicalTable ??= buildCanonicalTable();
  return canonicalTable[unit] ?? unit;
}

function buildCanonicalTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const upper = String.fromCharCode(unit).toUpperCase();
    const code = upper.charCodeAt(0);
    table[unit] = upper.length !== 1 || (unit >= 0x80 && code < 0x80) ? unit : code;
  }
  return table;
}

/** Every code unit that canonicalizes as `unit` does, `unit` among them. */
function sameLetterUnits(unit: number): readonly number[] {
  sameLetterTable ??= buildSameLetterTable();
  return sameLetterTable.get(canonicalize(unit)) ?? [unit];
}

/** Only letters shared by two units or more are kept; the rest are alone. */
function buildSameLetterTable(): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let unit = 0; unit < 0x10000; unit++) {
    const key = canonicalize(unit);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [unit]);
    else group.push(unit);
  }
  for (const [key, group] of groups) if (group.length === 1) groups.delete(key);
  return groups;
}
