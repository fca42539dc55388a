/**
 * Glob syntax for `en_conditions` / `bhasa_conditions` and file-name pre-filters (scoring.md
 * section 7): one path component, case-insensitive, `*`, `?`, `[...]`, `[!...]` as in shell
 * globs (Python's fnmatch, which the original app used).
 */
import { describe, expect, it } from 'vitest';
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
