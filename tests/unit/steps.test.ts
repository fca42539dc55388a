/**
 * Steps (scoring.md section 5): the default patterns `ba(\d+)`, `step=(\d+)`,
 * `global_step[_-]?(\d+)`, `step[_-](\d+)`, `checkpoint-(\d+)`, `iter_(\d+)`, whose match must
 * start at the beginning of the name or after `_`, `-`, `.` and end at the end of the name or
 * before one of them; the nearest matching folder wins; no match is step 0; padding to the
 * digits of the largest step in the run, or 5 digits when every step is 0.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_PATTERNS } from '../../src/lib/config/defaults.ts';
import {
  compileStepPatterns,
  padStep,
  paddingWidth,
  stepFromFolders,
  stepMiss,
  stepFromName,
} from '../../src/lib/discover/steps.ts';

const patterns = compileStepPatterns(DEFAULT_STEP_PATTERNS);
const step = (name: string) => stepFromName(name, patterns);

describe('stepFromName: the default patterns', () => {
  const cases: readonly [string, number][] = [
    ['ba1000', 1000],
    ['ckpt_ba2000_final', 2000],
    ['step=300', 300],
    ['global_step_5', 5],
    ['global_step5', 5],
    ['global_step-5', 5],
    ['step-7', 7],
    ['step_7', 7],
    ['checkpoint-900', 900],
    ['iter_0001000', 1000],
    ['ba0', 0],
    ['ba010', 10],
    ['ba9007199254740991', 9007199254740991], // 2^53 - 1, the largest exact step
    // After `-` and before `-`: the match is delimited on both sides.
    ['ep0-ba500-rank0', 500],
    // After `.`, at the end.
    ['model.ba42', 42],
    ['model.step=12.hf', 12],
    ['hf-checkpoint-64', 64],
    ['run.iter_0000250.converted', 250],
  ];
  for (const [name, expected] of cases) {
    it(`${name} -> ${expected}`, () => expect(step(name)).toBe(expected));
  }
});

describe('stepFromName: names that are not steps', () => {
  const names = [
    'baseline',
    'gemma-base',
    'run_3', // SEA-HELM's repeated runs
    'run_0',
    'ba', // no digits
    'bastion',
    'xba100', // does not start at the start or after _ - .
    'ba100x', // does not end at the end or before _ - .
    'cuba100',
    'substep_5',
    'mystep-7',
    'checkpoint_900', // `checkpoint-` only
    'iter-5', // `iter_` only
    'seahelm',
    'lm_eval',
    'results',
    'ba100rank0',
    'ba9007199254740992', // above 2^53 - 1: not exact
    'ba1000000000000000000000',
  ];
  for (const name of names) {
    it(`${name} -> no step`, () => expect(step(name)).toBeNull());
  }
});

describe('stepFromName: pattern order', () => {
  it('tries the patterns in order on each name (ba before global_step)', () => {
    // Both `ba7` and `global_step_9` match; `ba(\d+)` is tried first.
    expect(step('global_step_9-ba7')).toBe(7);
  });

  it('lets the config replace the patterns', () => {
    const custom = compileStepPatterns([String.raw`ep(\d+)`]);
    expect(stepFromName('ep3', custom)).toBe(3);
    expect(stepFromName('cfg_ep12_final', custom)).toBe(12);
    // The defaults are replaced, not extended.
    expect(stepFromName('ba1000', custom)).toBeNull();
    // The delimiting rule applies to custom patterns too.
    expect(stepFromName('deep3', custom)).toBeNull();
  });
});

describe('stepFromFolders: the nearest folder wins', () => {
  it('takes the folder nearest to the file', () => {
    // run path / cfg / ba100 / step=5 / seahelm / file: step=5 is nearer than ba100.
    expect(stepFromFolders(['cfg', 'ba100', 'step=5', 'seahelm'], patterns)).toBe(5);
  });

  it('walks up past folders that are not steps', () => {
    expect(stepFromFolders(['cfg', 'ba100', 'seahelm', 'run_2', 'results'], patterns)).toBe(100);
  });

  it('gives step 0 when no folder matches', () => {
    expect(stepFromFolders(['gemma-base', 'seahelm'], patterns)).toBe(0);
    expect(stepFromFolders([], patterns)).toBe(0);
  });

  it('keeps an explicit step 0 as 0 (nearer than a larger outer step)', () => {
    expect(stepFromFolders(['ba100', 'ba0'], patterns)).toBe(0);
  });
});

describe('stepMiss: a pattern that matches but captures no number', () => {
  it('names the pattern, the folder and what it captured; none for patterns that work', () => {
    const patterns = compileStepPatterns(['(b)a(\\d+)', 'step(\\d+)']);
    expect(stepMiss(['cfg', 'ba1000', 'seahelm'], patterns)).toEqual({
      pattern: 0,
      folder: 'ba1000',
      captured: 'b',
    });
    expect(stepMiss(['cfg', 'step1000'], patterns)).toBeNull();
    expect(stepMiss(['cfg', 'run_1'], compileStepPatterns(['(run)_\\d+']))).toBeNull();
    expect(stepMiss(['cfg', 'ba1000'], compileStepPatterns(DEFAULT_STEP_PATTERNS))).toBeNull();
    expect(stepMiss(['cfg', 'ba12345678901234567890'], patterns)).toEqual({
      pattern: 0,
      folder: 'ba12345678901234567890',
      captured: 'b',
    });
    expect(stepMiss(['step12345678901234567890'], patterns)).toEqual({
      pattern: 1,
      folder: 'step12345678901234567890',
      captured: '12345678901234567890',
    });
  });
});

describe('padding', () => {
  it('pads to the digits of the largest step of the run', () => {
    // Largest step 1000 has 4 digits.
    const width = paddingWidth([0, 5, 250, 1000]);
    expect(width).toBe(4);
    expect(padStep(5, width)).toBe('0005');
    expect(padStep(250, width)).toBe('0250');
    expect(padStep(1000, width)).toBe('1000');
    expect(padStep(0, width)).toBe('0000');
  });

  it('pads to 5 digits when every step is 0', () => {
    expect(paddingWidth([0, 0, 0])).toBe(5);
    expect(padStep(0, paddingWidth([0]))).toBe('00000');
  });

  it('pads to the largest step even when it is a single digit', () => {
    // Largest step 7 has 1 digit: no padding beyond that.
    expect(paddingWidth([0, 7])).toBe(1);
    expect(padStep(0, 1)).toBe('0');
  });

  it('handles steps with more than 5 digits', () => {
    expect(paddingWidth([12, 1234567])).toBe(7);
    expect(padStep(12, 7)).toBe('0000012');
  });
});
