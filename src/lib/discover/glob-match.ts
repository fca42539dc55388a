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
  /** One unit of a class: a regular expression of one class, which folds case as before. */
  | { readonly kind: 'class'; readonly oneUnit: RegExp };

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

/**
 * `body` is what stands between `[` and `]`: `a-z` is a range, a `-` first or last a member. It
 * is matched as a regular expression of that one class with the `i` flag, as the whole glob was
 * before (one unit, so it cannot backtrack); a range written backwards holds no unit, where the
 * regular expression would throw.
 */
function classToken(body: string): GlobToken {
  const negated = body.startsWith('!');
  const members = negated ? body.slice(1) : body;
  let source = '';
  for (let i = 0; i < members.length; i++) {
    const from = members.charCodeAt(i);
    const isRange = members.charAt(i + 1) === '-' && i + 2 < members.length;
    const to = isRange ? members.charCodeAt(i + 2) : from;
    if (isRange) i += 2;
    if (from <= to) source += from === to ? escaped(from) : `${escaped(from)}-${escaped(to)}`;
  }
  return { kind: 'class', oneUnit: new RegExp(`^[${negated ? '^' : ''}${source}]$`, 'i') };
}

function escaped(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
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
      return token.oneUnit.test(String.fromCharCode(unit));
  }
}

/**
 * Case folding as a regular expression with the `i` flag (and no `u`) does it: a UTF-16 code
 * unit maps to its upper case when that is one code unit, unless that would take a non-ASCII
 * unit to ASCII (so `ſ` is not `s`, `ß` stays itself). ECMAScript's Canonicalize.
 */
function canonicalize(unit: number): number {
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a ? unit - 0x20 : unit;
  const upper = String.fromCharCode(unit).toUpperCase();
  const code = upper.charCodeAt(0);
  return upper.length !== 1 || code < 0x80 ? unit : code;
}
