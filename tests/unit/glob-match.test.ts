/**
 * Glob syntax for `en_conditions` / `bhasa_conditions` and file-name pre-filters (scoring.md
 * section 7): one path component, case-insensitive, `*`, `?`, `[...]`, `[!...]` as in shell
 * globs (Python's fnmatch, which the original app used).
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished } from 'vitest';
import { globMatches } from '../../src/lib/discover/glob-match.ts';

describe('globMatches', () => {
  it('matches * against any run of characters, the empty one included', () => {
    expect(globMatches('cfg_*', 'cfg_lr1e-4')).toBe(true);
    expect(globMatches('cfg_*', 'cfg_')).toBe(true);
    expect(globMatches('*seahelm*', 'x_seahelm_results_2025.json')).toBe(true);
    expect(globMatches('cfg_*', 'xcfg_a')).toBe(false);
  });

  it('matches the whole name, not a part of it', () => {
    expect(globMatches('ba1', 'ba10')).toBe(false);
    expect(globMatches('a', 'ab')).toBe(false);
  });

  it('matches ? against exactly one character', () => {
    expect(globMatches('ba?', 'ba1')).toBe(true);
    expect(globMatches('ba?', 'ba')).toBe(false);
    expect(globMatches('ba?', 'ba10')).toBe(false);
  });

  it('matches character classes, ranges and negated classes', () => {
    expect(globMatches('run_[0-3]', 'run_2')).toBe(true);
    expect(globMatches('run_[0-3]', 'run_7')).toBe(false);
    expect(globMatches('run_[!0-3]', 'run_7')).toBe(true);
    expect(globMatches('run_[!0-3]', 'run_2')).toBe(false);
    expect(globMatches('[abc]x', 'bx')).toBe(true);
  });

  it('is case-insensitive, classes included', () => {
    expect(globMatches('CFG_*', 'cfg_a')).toBe(true);
    expect(globMatches('*SKIP*', 'cfg_skipme')).toBe(true);
    expect(globMatches('[A-C]1', 'b1')).toBe(true);
    expect(globMatches('seahelm', 'SeaHelm')).toBe(true);
  });

  it('takes regular-expression characters literally', () => {
    expect(globMatches('a.b', 'a.b')).toBe(true);
    expect(globMatches('a.b', 'axb')).toBe(false);
    expect(globMatches('lr+1', 'lr+1')).toBe(true);
    expect(globMatches('lr+1', 'lrr1')).toBe(false);
    expect(globMatches('(x)|y', '(x)|y')).toBe(true);
    expect(globMatches('(x)|y', 'y')).toBe(false);
    expect(globMatches('a^b$', 'a^b$')).toBe(true);
    expect(globMatches('c\\d', 'c\\d')).toBe(true);
    expect(globMatches('step={1}', 'step={1}')).toBe(true);
  });

  it('takes an unclosed [ literally', () => {
    expect(globMatches('a[b', 'a[b')).toBe(true);
    expect(globMatches('a[b', 'ab')).toBe(false);
  });

  it('takes a ] right after [ as a member of the class', () => {
    expect(globMatches('[]]', ']')).toBe(true);
    expect(globMatches('[]a]', 'a')).toBe(true);
  });

  it('takes a ] right after [! as a member of the negated class (as fnmatch does)', () => {
    // fnmatch.fnmatch('a', '[!]]') is True, fnmatch.fnmatch(']', '[!]]') is False.
    expect(globMatches('[!]]', 'a')).toBe(true);
    expect(globMatches('[!]]', ']')).toBe(false);
  });

  it('matches names with line breaks and dots in full', () => {
    expect(globMatches('*', 'a\nb')).toBe(true);
    expect(globMatches('*.json', 'results.JSON')).toBe(true);
  });
});

describe('globMatches on hard input', () => {
  it('gives up on a glob of many stars against a long name at once, as it matches one', async () => {
    // As a regular expression (`.*` per star), the first backtracks for ever on 255 units.
    const cases: [string, string][] = [
      ['*a*a*a*a*a*a*a*b', 'a'.repeat(255)],
      ['*a*a*a*a*a*a*a*b', `${'a'.repeat(254)}b`],
      ['*?*?*?*?*?*?*?*!', `${'?'.repeat(254)}\n`],
      ['*[ab]*[ab]*[ab]*[ab]*[ab]*c', 'ab'.repeat(127)],
    ];
    expect(await matchInWorker(cases)).toEqual([false, true, false, false]);
  });

  it('folds case in ranges as a regular expression with the i flag does', () => {
    expect(globMatches('[a-f]1', 'D1')).toBe(true);
    expect(globMatches('[!a-f]1', 'D1')).toBe(false);
    expect(globMatches('[À-Ö]', 'é')).toBe(true);
    // U+212A KELVIN SIGN and U+017F LONG S are no ASCII letter for the i flag without u.
    expect(globMatches('k', '\u212a')).toBe(false);
    expect(globMatches('[a-z]', '\u017f')).toBe(false);
    expect(globMatches('ß', 'ẞ')).toBe(false);
    expect(globMatches('ÿ', 'Ÿ')).toBe(true);
  });

  it('matches ? against one UTF-16 unit, so a character outside the BMP takes two', () => {
    expect(globMatches('?', '😀')).toBe(false);
    expect(globMatches('??', '😀')).toBe(true);
    expect(globMatches('x*', 'x😀\n')).toBe(true);
  });

  it('takes a range written backwards as no character, as fnmatch does', () => {
    // The regular expression used before threw a SyntaxError on `[z-a]`.
    expect(globMatches('[z-a]', 'm')).toBe(false);
    expect(globMatches('[z-a]', 'z')).toBe(false);
    expect(globMatches('[z-ab]', 'b')).toBe(true);
  });

  it('agrees with the regular expression it replaces on generated globs and names', () => {
    const random = seededRandom(20260);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const globUnits = [...'aAbBzZ-!]?*[[é.\n^\\', 'ß', 'ſ', 'K', 'k', '\u212a', '😀'];
    const nameUnits = [...'aAbBzZ-!]?*[é.\n^\\É_', 'ß', 'ſ', 'K', 'k', 'S', '\u212a', '😀'];
    let matched = 0;
    let compared = 0;
    for (let round = 0; round < 4000; round++) {
      const glob = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(globUnits)).join(
        '',
      );
      const reference = referenceRegExp(glob);
      if (reference === null) continue;
      for (const name of [
        nameLike(glob, random, nameUnits),
        Array.from({ length: Math.floor(random() * 6) }, () => pick(nameUnits)).join(''),
      ]) {
        const expected = reference.test(name);
        expect(globMatches(glob, name), `${JSON.stringify(glob)} on ${JSON.stringify(name)}`).toBe(
          expected,
        );
        compared++;
        if (expected) matched++;
      }
    }
    // Both outcomes must be well represented for the comparison to say anything.
    expect(compared).toBeGreaterThan(6000);
    expect(matched).toBeGreaterThan(1000);
    expect(compared - matched).toBeGreaterThan(1000);
  });
});

/**
 * globMatches on each [glob, name], in a worker thread: a match that backtracked for ever
 * would then fail its test by vitest's timeout, rather than block the whole run.
 */
function matchInWorker(cases: readonly [string, string][]): Promise<boolean[]> {
  const module = new URL('../../src/lib/discover/glob-match.ts', import.meta.url).href;
  const script = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module).then(({ globMatches }) =>
      parentPort.postMessage(workerData.cases.map(([glob, name]) => globMatches(glob, name))));`;
  const worker = new Worker(script, { eval: true, workerData: { module, cases } });
  onTestFinished(async () => {
    await worker.terminate();
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** A name the glob may match: each `*` and `?` filled in, each unit in either case. */
function nameLike(glob: string, random: () => number, units: readonly string[]): string {
  return [...glob]
    .map((ch) => {
      const fill = () => units[Math.floor(random() * units.length)] ?? '';
      if (ch === '*') return Array.from({ length: Math.floor(random() * 3) }, fill).join('');
      if (ch === '?') return fill();
      return random() < 0.5 ? ch.toUpperCase() : ch;
    })
    .join('');
}

/** mulberry32: the same names on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The glob as a regular expression, as glob-match.ts compiled it before it matched by hand:
 * the reference for its semantics. Null where that threw (a range written backwards).
 */
function referenceRegExp(glob: string): RegExp | null {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
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
  try {
    return new RegExp(`^(?:${source})$`, 'is');
  } catch {
    return null;
  }
}
