/** "Download CSV" of a table view. */
import { describe, expect, it } from 'vitest';
import { csvFileName, tableCsv } from '../../src/lib/site/csv.ts';

describe('tableCsv', () => {
  it('writes labels, text cells and values with 2 decimals, missing empty', () => {
    const csv = tableCsv(
      ['run', 'model'],
      [{ label: 'SEA Avg' }, { label: 'MATH Lvl 5' }],
      [
        { text: ['exp', 'a'], values: [12.345, null] },
        { text: ['exp', 'b'], values: [-0.001, 100] },
      ],
    );
    expect(csv).toBe('run,model,SEA Avg,MATH Lvl 5\nexp,a,12.35,\nexp,b,0.00,100.00\n');
  });

  it('defuses formulas and quotes separators in text cells', () => {
    const csv = tableCsv(
      ['model'],
      [],
      [
        { text: ['=HYPERLINK(1)'], values: [] },
        { text: ['a,"b"'], values: [] },
      ],
    );
    expect(csv).toBe(`model\n'=HYPERLINK(1)\n"a,""b"""\n`);
  });

  it('defuses and quotes column labels too: they are task names from the data', () => {
    const csv = tableCsv(['model'], [{ label: '=1+1' }, { label: 'a,"b"' }], []);
    expect(csv).toBe(`model,'=1+1,"a,""b"""\n`);
  });
});

describe('csvFileName', () => {
  it('keeps only safe characters', () => {
    expect(csvFileName('<img src=x>', 'overall')).toBe('img-src-x_overall.csv');
    expect(csvFileName('', '///')).toBe('table.csv');
  });

  it('keeps the letters of any script, so runs named in Thai or Chinese are told apart', () => {
    expect(csvFileName('การทดลอง', 'overall')).toBe('การทดลอง_overall.csv');
    expect(csvFileName('实验🚀', 'delta', 'lang')).toBe('实验_delta_lang.csv');
    expect(csvFileName('thử nghiệm', 'overall')).toBe('thử-nghiệm_overall.csv');
    expect(csvFileName('تجربة\u202e', 'overall')).toBe('تجربة_overall.csv');
  });

  it('never starts a name with a dot, which would hide the file', () => {
    expect(csvFileName('.hidden', 'overall')).toBe('hidden_overall.csv');
    expect(csvFileName('..x', 'overall')).toBe('x_overall.csv');
  });
});
