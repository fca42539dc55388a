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

  it('reads the members the scores need and nothing of configs', () => {
    const fast = reduced(sample);
    const full = JSON.parse(sample) as Record<string, unknown>;
    expect(fast?.['results']).toEqual(full['results']);
    expect(fast?.['n-samples']).toEqual(full['n-samples']);
    expect(fast?.['configs']).toEqual({});
  });
});
