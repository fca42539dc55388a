/**
 * Shell-style globs for single path components (`*`, `?`, `[abc]`, `[!abc]`), as Python's
 * fnmatch understands them, case-insensitive.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      // As in fnmatch, a `]` right after `[` or `[!` is a member, not the end.
      let first = i + 1;
      if (glob.charAt(first) === '!') first++;
      const end = glob.indexOf(']', first + 1);
      if (end < 0) source += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        const negated = body.startsWith('!');
        if (negated) body = body.slice(1);
        source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = end;
      }
    } else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const regexp = new RegExp(`^(?:${source})$`, 'is');
  cache.set(glob, regexp);
  return regexp;
}

export function globMatches(glob: string, name: string): boolean {
  return globToRegExp(glob).test(name);
}
