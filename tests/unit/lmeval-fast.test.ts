/**
 * The fast path for big lm-eval files (parse/lmeval-fast.ts) reads what a full parse reads, and
 * hands anything that is not plainly one indented document back to the full parse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { reduceLmEvalBytes } from '../../src/lib/parse/lmeval-fast.ts';
import { readLmEval } from '../../src/lib/parse/lmeval.ts';
import { REAL } from '../helpers/tree.ts';

const folder = path.join(REAL, 'lm-eval');
const big = fs
  .readdirSync(folder)
  .map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }))
  .filter(({ text }) => Buffer.byteLength(text) >= 64 * 1024);
const sample = big[0]?.text ?? '';

function reduced(text: string): Record<string, unknown> | null {
  return reduceLmEvalBytes(Buffer.from(text, 'utf8'));
}

describe('reduceLmEvalBytes', () => {
  it('has big real files to read', () => {
    expect(big.length).toBeGreaterThan(0);
  });

  it.each(big.map(({ name, text }) => [name, text]))(
    'reads what a full parse reads: %s',
    (_name, text) => {
      const fast = reduced(text);
      expect(fast).not.toBeNull();
      const full = JSON.parse(text) as Record<string, unknown>;
      expect(readLmEval(fast ?? {}, 'f')).toEqual(readLmEval(full, 'f'));
    },
  );

  const middle = sample.indexOf('\n  "configs"');
  it.each([
    ['{', '\n{'],
    ['[', '\n['],
    [']', '\n]'],
    ['}', '\n}'],
    ['"', '\n"'],
  ])('leaves a file with a line starting with %s at column 0 to the full parse', (_, line) => {
    expect(reduced(sample.slice(0, middle) + line + sample.slice(middle))).toBeNull();
  });

  it('leaves two documents in one file to the full parse', () => {
    expect(reduced(`${sample}\n${sample}`)).toBeNull();
  });

  it('takes each task its own output_type, and none from the next task', () => {
    const fast = reduced(sample);
    const configs = (fast?.['configs'] ?? {}) as Record<string, { output_type?: string }>;
    const first = Object.keys(configs)[0] ?? '';
    const at = sample.indexOf('"output_type"', sample.indexOf(`\n    "${first}": {`));
    const renamed = `${sample.slice(0, at)}"output_kind"${sample.slice(at + '"output_type"'.length)}`;
    const without = (reduced(renamed)?.['configs'] ?? {}) as Record<string, unknown>;
    expect(without[first]).toEqual({});
    const others = (record: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(record).filter(([task]) => task !== first));
    expect(others(without)).toEqual(others(configs));
  });
});
