/**
 * The check that keeps step and hyperparameter patterns from backtracking for too long on a
 * long name (config messages: config.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { backtrackingProblem } from '../../src/lib/config/regex-backtracking.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_STEP_PATTERNS } from '../../src/lib/config/defaults.ts';
import { SENSIBLE_PATTERNS } from '../helpers/sensible-patterns.ts';

const EXPONENTIAL = 'can match the same text in more than one way';
const IN_A_ROW = 'can each take the same text, one after the other';

describe('backtrackingProblem', () => {
  it.each([
    ['(a+)+x', '(a+)+'],
    ['(\\d*)*_', '(\\d*)*'],
    ['(?:[a-z]+)*$', '(?:[a-z]+)*'],
    ['(a|a)*', '(a|a)*'],
    ['(\\w|\\d)+$', '(\\w|\\d)+'],
    // \w takes _ too, so a_b_ splits as (a_)(b_) or (a_b_).
    ['(\\w+_)*(\\d)', '(\\w+_)*'],
    ['(aa?)*(\\d)', '(aa?)*'],
    ['(a?b?)*(\\d)', '(a?b?)*'],
    ['(a|ab|b)*c', '(a|ab|b)*'],
    ['(x+x+)+y', '(x+x+)+'],
    ['(?:(?:a?)+)+b', '(?:(?:a?)+)+'],
    ['(.*a){8}(\\d)', '(.*a){8}'],
    ['(?:\\d{1,9})+(\\d)', '(?:\\d{1,9})+'],
    ['(?=(a+)+x)(\\d)', '(a+)+'],
    ['(?<!(a|a)*)(\\d)', '(a|a)*'],
  ])('refuses %s, naming %s', (source, repeat) => {
    expect(backtrackingProblem(source)).toContain(`whose repetition '${repeat}' ${EXPONENTIAL}`);
  });

  it.each([
    ['.*a.*a.*b(\\d)', "'.*', '.*' and '.*'"],
    ['(?:a+){3}(\\d)', "'a+', 'a+' and 'a+'"],
    ['(\\d+)\\d+\\d+', "'\\d+', '\\d+' and '\\d+'"],
    ['(.+)-(.+)-(.+)', "'.+', '.+' and '.+'"],
  ])('refuses three repetitions in a row that can take the same text: %s', (source, named) => {
    expect(backtrackingProblem(source)).toContain(`whose repetitions ${named} ${IN_A_ROW}`);
  });

  it('accepts the default patterns', () => {
    for (const source of [
      ...DEFAULT_STEP_PATTERNS,
      ...DEFAULT_HYPERPARAMETERS.map(({ pattern }) => pattern),
    ]) {
      expect(backtrackingProblem(source), source).toBeUndefined();
    }
  });

  it.each(SENSIBLE_PATTERNS)('accepts %s', (source) => {
    expect(backtrackingProblem(source)).toBeUndefined();
  });

  it('reads escapes and classes as the engine does', () => {
    // Each pair of branches reads the same character, so the repetition is refused...
    for (const source of [
      '(?:[\\b]|\\x08)*(\\d)',
      '(?:\\u0041|A)*(\\d)',
      '(?:\\cJ|\\n)*(\\d)',
      '(?:[\\d-z]|-)*(\\d)',
      '(?:[^]|\\n)*(\\d)',
      '(?:[^a]|b)*(\\d)',
      '(?:\\s|\\u00a0)*(\\d)',
      '(?:[z-]|-)*(\\d)',
    ]) {
      expect(backtrackingProblem(source), source).toContain(EXPONENTIAL);
    }
    // ...and here they read different ones.
    for (const source of [
      '(?:[\\d-z]|y)*(\\d)',
      '(?:.|\\n)*(\\d)',
      '(?:[^a]|a)*(\\d)',
      '(?:\\S|\\u00a0)*(\\d)',
      '(?:\\x41|B)*(\\d)',
      '(?:a{,2}|b)*(\\d)',
    ]) {
      expect(backtrackingProblem(source), source).toBeUndefined();
    }
  });

  it('refuses a pattern too deeply nested to check, rather than take long to check it', () => {
    const nested = `(${'('.repeat(8)}a{4}${'){4}'.repeat(8)})`;
    expect(backtrackingProblem(nested)).toBe(
      'which is too long or too deeply nested to check that it runs in reasonable time; write it shorter',
    );
  });

  it('accepts only patterns that give up at once on a long name they do not match', () => {
    const accepted: [string, string][] = [
      ['((?:\\d+\\.)+\\d+)x', '1.'.repeat(127)],
      ['(\\w+)-(\\d+)x', `${'a1'.repeat(100)}-${'1'.repeat(54)}`],
      ['(-?\\d)+x', '-1'.repeat(127)],
      ['(ab?)*(\\d)', 'ab'.repeat(127)],
    ];
    for (const [source, name] of accepted) {
      expect(backtrackingProblem(source), source).toBeUndefined();
      expect(new RegExp(source).exec(name)).toBeNull();
    }
  });
});
