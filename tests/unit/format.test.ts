/**
 * Writing for people (scoring.md section 6): 2 decimals, rounded half away from zero (`-0.00` is
 * written `0.00`), missing values empty; a text cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading `'`; CSV quoting.
 */
import { describe, expect, it } from 'vitest';
import { csvLine, csvText, formatNumber } from '../../src/lib/report/format.ts';

describe('formatNumber', () => {
  const cases: readonly [number, string, string][] = [
    [0.125, '0.13', '0.125 is exact in binary: a true tie, away from zero'],
    [-0.125, '-0.13', 'a negative tie, away from zero'],
    [0.375, '0.38', 'exact tie'],
    [2.5, '2.50', 'two decimals always'],
    [-0.001, '0.00', 'rounds to zero: no minus sign'],
    [-0.004999, '0.00', 'rounds to zero: no minus sign'],
    [-0.005, '-0.01', 'the double of 0.005 is above 0.005'],
    [0.005, '0.01', 'the double of 0.005 is 0.005000000000000000104...'],
    [1.005, '1.00', 'the double of 1.005 is 1.00499999999999989...'],
    [2.675, '2.67', 'the double of 2.675 is 2.67499999999999982...'],
    [45.675, '45.67', 'the double of 45.675 is 45.67499999999999715...'],
    [100, '100.00', 'a whole number'],
    [0, '0.00', 'zero is a value, not empty'],
    [-0, '0.00', 'negative zero'],
    [33.333333333, '33.33', ''],
    [66.666666667, '66.67', ''],
    [99.995, '100.00', 'the double of 99.995 is 99.99500000000000454...'],
    [-12.345, '-12.35', 'the double of 12.345 is 12.3450000000000006394...'],
  ];
  for (const [value, expected, why] of cases) {
    it(`${value} -> ${expected}${why ? ` (${why})` : ''}`, () => {
      expect(formatNumber(value)).toBe(expected);
    });
  }

  it('writes a missing value as an empty cell', () => {
    expect(formatNumber(null)).toBe('');
  });
});

describe('csvText: formula defusing', () => {
  const cases: readonly [string, string][] = [
    ['=cmd', "'=cmd"],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['-cfg_00010', "'-cfg_00010"],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => {
      expect(csvText(text)).toBe(expected);
    });
  }

  it('defuses a leading carriage return and quotes the field because of it', () => {
    // The CR makes the field need quotes; the ' goes inside them.
    expect(csvText('\rx')).toBe(`"'\rx"`);
  });

  it('leaves other text alone', () => {
    expect(csvText('model')).toBe('model');
    expect(csvText('cfg_lr=1e-4_00100')).toBe('cfg_lr=1e-4_00100');
    expect(csvText('MATH Lvl 5')).toBe('MATH Lvl 5');
    expect(csvText('5/6 missing: vi_nlr')).toBe('5/6 missing: vi_nlr');
    expect(csvText("'quoted")).toBe("'quoted");
    expect(csvText('')).toBe('');
  });
});

describe('csvText: lone surrogates', () => {
  it('writes a lone surrogate as its escape, so that two names stay two in UTF-8', () => {
    expect(csvText('id_\ud800')).toBe('id_\\ud800');
    expect(csvText('id_\udc00x')).toBe('id_\\udc00x');
    expect(csvText('a\ud83d')).toBe('a\\ud83d');
    expect(csvText('=\udfff,')).toBe(`"'=\\udfff,"`);
  });

  it('keeps a surrogate pair (an emoji) as it is', () => {
    expect(csvText('run \ud83d\ude00')).toBe('run \ud83d\ude00');
    expect(csvText('\ude00\ud83d\ude00\ud83d')).toBe('\\ude00\ud83d\ude00\\ud83d');
  });
});

describe('csvText: quoting', () => {
  it('quotes a field with a comma', () => {
    expect(csvText('missing: BBH, GPQA')).toBe('"missing: BBH, GPQA"');
  });

  it('quotes a field with a double quote and doubles the quote', () => {
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes a field with a line break', () => {
    expect(csvText('line\nbreak')).toBe('"line\nbreak"');
    expect(csvText('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('defuses and quotes a formula with a comma', () => {
    expect(csvText('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
  });
});

describe('csvLine', () => {
  it('joins the cells with commas and ends the line with \\n', () => {
    expect(csvLine(['model', '1.00', ''])).toBe('model,1.00,\n');
  });
});
