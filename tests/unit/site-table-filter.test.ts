/** Table search and range filters. */
import { describe, expect, it } from 'vitest';
import {
  inRange,
  isActive,
  matchesSearch,
  parseBound,
  searchTerms,
  valueExtent,
} from '../../src/lib/site/table-filter.ts';

describe('model search', () => {
  it('is a case-insensitive substring test with ; separating alternatives', () => {
    const terms = searchTerms(' LLAMA ; qwen;; ');
    expect(terms).toEqual(['llama', 'qwen']);
    expect(matchesSearch('Meta-Llama-3', terms)).toBe(true);
    expect(matchesSearch('Qwen3-4B', terms)).toBe(true);
    expect(matchesSearch('gemma', terms)).toBe(false);
  });

  it('keeps everything without terms', () => {
    expect(matchesSearch('anything', searchTerms(' ; '))).toBe(true);
  });
});

describe('range filter', () => {
  it('filters nothing until a bound is set', () => {
    const none = { min: null, max: null };
    expect(isActive(none)).toBe(false);
    expect(inRange(null, none)).toBe(true);
  });

  it('is inclusive and never matches a missing value', () => {
    const range = { min: 10, max: 20 };
    expect(inRange(10, range)).toBe(true);
    expect(inRange(20, range)).toBe(true);
    expect(inRange(20.01, range)).toBe(false);
    expect(inRange(null, range)).toBe(false);
    expect(inRange(5, { min: null, max: 5 })).toBe(true);
  });

  it('compares the value as shown, to 2 decimals', () => {
    // 24.9531 shows as 24.95: a maximum of 24.95 keeps it, a minimum of 24.96 drops it.
    expect(inRange(24.9531, { min: null, max: 24.95 })).toBe(true);
    expect(inRange(24.9531, { min: 24.96, max: null })).toBe(false);
    expect(inRange(-0.004, { min: 0, max: null })).toBe(true);
  });

  it('parses typed bounds', () => {
    expect(parseBound(' 12.5 ')).toBe(12.5);
    expect(parseBound('')).toBeNull();
    expect(parseBound('abc')).toBeNull();
  });

  it('finds the extent of present values', () => {
    expect(valueExtent([3, null, -1, undefined, 7])).toEqual({ min: -1, max: 7 });
    expect(valueExtent([null])).toBeNull();
  });
});
