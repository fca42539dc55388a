/**
 * The fast path for big lm-eval files (parse/lmeval-fast.ts) gives what a full parse gives, and
 * hands anything that is not plainly one indented document back to the full parse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { reduceLmEvalBytes } from '../../src/lib/parse/lmeval-fast.ts';
import { parseResultFile } from '../../src/lib/parse/parse-file.ts';
import { REAL } from '../helpers/tree.ts';

const folder = path.join(REAL, 'lm-eval');
const big = fs
  .readdirSync(folder)
  .map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }))
  .filter(({ text }) => Buffer.byteLength(text) >= 64 * 1024);
const sample = big.find(({ name }) => name.startsWith('10_'))?.text ?? '';

function reduced(text: string): Record<string, unknown> | null {
  return reduceLmEvalBytes(Buffer.from(text, 'utf8'));
}

function parsed(text: string, name: string) {
  const request = { file: `lm_eval/${name}`, candidates: ['lm-eval' as const], extraMetrics: {} };
  return parseResultFile(Buffer.from(text, 'utf8'), request);
}

/** The same document on one line: the fast path never takes it, so it is parsed whole. */
const compact = (text: string) => JSON.stringify(JSON.parse(text));

/** The same text read whole: the fast path wants `{` first, and a space changes nothing else. */
const whole = (text: string) => ` ${text}`;

describe('reduceLmEvalBytes', () => {
  it('has big real files to read, a modified one among them', () => {
    expect(big.length).toBeGreaterThan(1);
    expect(big.some(({ name }) => name.includes('MODIFIED'))).toBe(true);
  });

  it.each(big.map(({ name, text }) => [name, text]))(
    'reads %s as a full parse does',
    (name, text) => {
      expect(reduced(compact(text))).toBeNull();
      expect(parsed(text, name)).toEqual(parsed(compact(text), name));
    },
  );

  it('takes the plain files', () => {
    const plain = big.filter(({ name }) => !name.includes('MODIFIED'));
    expect(plain.length).toBeGreaterThan(0);
    for (const { text } of plain) expect(reduced(text)).not.toBeNull();
  });

  it("names a modified task's output_type, read from the configs it skips", () => {
    const modified = big.find(({ name }) => name.includes('MODIFIED'));
    const result = parsed(modified?.text ?? '', modified?.name ?? '');
    const messages = result.diagnostics.filter((d) => d.kind === 'modified-task');
    expect(messages.length).toBeGreaterThan(0);
    for (const d of messages) expect(d.message).toContain('(output_type generate_until)');
  });

  // After `configs`, a member the scan skips: text there is seen only by its layout.
  const afterConfigs = sample.indexOf('\n  "versions"');
  const insert = (line: string) =>
    sample.slice(0, afterConfigs) + line + sample.slice(afterConfigs);

  it.each([
    ['{', '\n{'],
    ['[', '\n['],
    [']', '\n]'],
    ['}', '\n}'],
    ['"', '\n"'],
  ])('leaves a file with a line starting with %s at column 0 to the full parse', (_, line) => {
    expect(afterConfigs).toBeGreaterThan(0);
    expect(reduced(sample)).not.toBeNull();
    expect(reduced(insert(line))).toBeNull();
  });

  it('leaves a member written at another indentation to the full parse', () => {
    expect(reduced(insert('\n"results": {},'))).toBeNull();
    expect(reduced(insert('\n   "results": 1,'))).toBeNull();
  });

  it('leaves two documents in one file to the full parse', () => {
    expect(reduced(`${sample}\n${sample}`)).toBeNull();
  });

  // Valid or invalid texts that the layout checks of the fast path once let through.
  const fake = '{"leaderboard_mmlu_pro": {"acc,none": 0.95}}';
  const replace = (from: string, to: string) => {
    expect(sample).toContain(from);
    return sample.replace(from, to);
  };
  const beforeEnd = (text: string) => sample.replace(/\n\}\s*$/, `${text}\n}\n`);
  // n-samples hidden in the object before it, whose closing line is then not its last line.
  const hidden = () => replace('\n  "n-samples"', '\n    "n-samples"');
  // configs holding a key at the top-level indentation, then closing in a later member.
  const nested = (key: string, value: string) =>
    `\n  "configs": {\n    "a": {\n      "b": 1\n  },\n  "${key}": ${value},\n  "pad": {\n  }\n  },\n  "configs2": {`;
  const nestedResults = () => replace('\n  "configs": {', nested('results', fake));
  const nestedCounts = () =>
    replace('\n  "n-samples": {', '\n  "n-samples-old": {').replace(
      '\n  "configs": {',
      nested('n-samples', '{"leaderboard_mmlu_pro": {"original": 12032, "effective": 10}}'),
    );
  const stray = () => beforeEnd(`,\n  "note": "abc"}\n  "results": ${fake}`);
  const second = () => beforeEnd(`,\n  "note": "abc"}{\n  "results": ${fake}`);
  const nan = () => replace('\n  "configs": {', '\n  "configs": {\n    "x": NaN,');
  const infinity = () => replace('\n  "samples": {', '\n  "samples": {\n    "x": -Infinity,');
  const noComma = () => replace('\n  },\n  "versions"', '\n  }\n  "versions"');
  const lastComma = () => beforeEnd(',');
  const tab = () => replace('\n  "versions"', '\n  "a\tb": 1,\n  "versions"');
  const cases: [string, () => string][] = [
    ['a member indented deeper after an object', hidden],
    [
      'a member hidden in the first of two members of one name',
      () => hidden().replace('\n  "config": {', '\n  "higher_is_better": {},\n  "config": {'),
    ],
    [
      'an object whose own members are at the top-level indentation, one named results',
      nestedResults,
    ],
    ['the same with n-samples, none at the top level', nestedCounts],
    [
      'a second results, indented deeper, after configs',
      () =>
        replace(
          '\n  "versions": {',
          `\n    "results": {\n      "leaderboard_mmlu_pro": {"acc,none": 0.95}\n  },\n  "versions": {`,
        ),
    ],
    ['stray text after the root closes mid-line', stray],
    ['a second document after one closing mid-line', second],
    ['a bare NaN in configs', nan],
    ['a bare -Infinity in samples', infinity],
    ['a missing comma between members', noComma],
    ['a comma after the last member', lastComma],
    ['a raw tab in a key', tab],
    [
      'an empty object before a member written at another indentation',
      () =>
        replace(
          '\n  "versions"',
          '\n  "empty": {},\n "date": 1700000000,\n "pad": {\n  },\n  "versions"',
        ),
    ],
    [
      'an object closing on its first line before a member at another indentation',
      () =>
        replace(
          '\n  "versions"',
          '\n  "one": {"a": 1},\n "date": 1700000000,\n "pad": {\n  },\n  "versions"',
        ),
    ],
    [
      'lines broken by a bare carriage return',
      () =>
        replace(
          '\n  "versions"',
          '\n  "cr": {\n    "a": 1\r  },\r  "date": 1700000000,\r  "pad": {\n  },\n  "versions"',
        ),
    ],
    [
      'an unknown escape in a key',
      () => replace('\n  "versions"', '\n  "a\\qb": 1,\n  "versions"'),
    ],
  ];

  it.each(cases)('reads %s as a full parse does, by leaving it to the full parse', (_, make) => {
    const text = make();
    expect(reduced(text)).toBeNull();
    expect(parsed(text, 'x.json')).toEqual(parsed(whole(text), 'x.json'));
  });

  it('has those texts read whole as JSON.parse reads them', () => {
    const full = (text: string) => parsed(whole(text), 'x.json');
    const kinds = (text: string) => full(text).diagnostics.map((d) => d.kind);
    // Indented otherwise or nested, the members the scores read are those of the sample.
    for (const make of [hidden, nestedResults]) expect(full(make())).toEqual(full(sample));
    expect(full(nestedCounts())).not.toEqual(full(sample));
    expect(kinds(sample)).not.toContain('non-finite-token');
    for (const make of [nan, infinity]) expect(kinds(make())).toContain('non-finite-token');
    for (const make of [stray, second, noComma, lastComma, tab]) {
      expect(kinds(make())).toEqual(['invalid-json']);
    }
  });

  it('does not see a skipped value closing on a line indented deeper (scoring.md section 8)', () => {
    // n-samples hidden in higher_is_better, which closes at 4 spaces: json.dump never does that.
    const text = replace('\n  },\n  "n-samples"', '\n    },\n    "n-samples"');
    expect(JSON.parse(text)).toHaveProperty('n-samples');
    expect(reduced(text)).not.toBeNull();
    expect(reduced(text)).not.toHaveProperty('n-samples');
  });

  it('reads the members the scores need and nothing of configs', () => {
    const fast = reduced(sample);
    const full = JSON.parse(sample) as Record<string, unknown>;
    expect(fast?.['results']).toEqual(full['results']);
    expect(fast?.['n-samples']).toEqual(full['n-samples']);
    expect(fast?.['configs']).toEqual({});
  });
});
