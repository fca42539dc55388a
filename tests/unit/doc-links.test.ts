/**
 * The project's documents point at files that exist: every relative link of README.md and
 * docs/*.md (and its #anchor, a heading of the file linked), and every project path README names
 * in code (`src/lib/score/aggregate.ts`, `tests/e2e`). A file moved or renamed fails here until
 * the documents follow it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const documents = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Markdown text without its fenced code blocks and code spans, where `](x)` is no link. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = [...prose(read(file)).matchAll(/^#{1,6} (.+)$/gm)];
  return new Set(headings.map((match) => anchor(match[1] ?? '')));
}

/** `a/{b,c}/d` as `a/b/d` and `a/c/d`. */
function expandBraces(text: string): string[] {
  const match = /\{([^{}]*)\}/.exec(text);
  if (match === null) return [text];
  const [whole, inner = ''] = match;
  return inner.split(',').flatMap((part) => expandBraces(text.replace(whole, part)));
}

describe('the documents', () => {
  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const file of documents) {
      for (const [, target = ''] of prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [linked = '', hash] = target.split('#');
        const linkedFile = linked === '' ? file : path.join(path.dirname(file), linked);
        if (!fs.existsSync(path.join(root, linkedFile))) broken.push(`${file}: ${target}`);
        else if (hash !== undefined && !anchorsOf(linkedFile).has(hash)) {
          broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("name in README's code only project paths that exist", () => {
    const spans = [
      ...read('README.md').matchAll(/`((?:src|tests|scripts|bin|docs|examples|\.ci)\/[^`\s]*)`/g),
    ];
    const paths = spans.flatMap((match) => expandBraces(match[1] ?? ''));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((named) => !fs.existsSync(path.join(root, named)))).toEqual([]);
  });
});
