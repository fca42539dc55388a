/**
 * docs/results-json.md lists every field of results.json. The files written for the sample and
 * the detailed fixture trees (between them every kind of cell, file fate and warning) must have
 * exactly those fields: a field added, renamed or dropped fails here until the document says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsJson } from '../../src/lib/report/results-json.ts';
import { DETAILED_TREE_CONFIGS, runConfig } from '../helpers/detailed-trees.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Objects whose keys are data (run keys, column ids, kinds), named by a placeholder. */
const DATA_KEYS: readonly [RegExp, string][] = [
  [/^results$/, '<run>'],
  [/^results\.<run>$/, '<level>'],
  [/\.rows\[\]\.(status|coverage|reason|stderr|inner)$/, '<column>'],
  [/^summary\.warnings$/, '<kind>'],
  [/^ignored_tasks$/, '<language>'],
];

/**
 * The paths of a value's fields: each plain value, each list (`[]`, its items under the same
 * path) and each entry of an object keyed by data (its placeholder); an object of named fields
 * is described by its fields.
 */
function fieldPaths(value: unknown, at: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    out.add(`${at}[]`);
    for (const item of value) fieldPaths(item, `${at}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    const placeholder = DATA_KEYS.find(([pattern]) => pattern.test(at))?.[1];
    for (const [key, inner] of Object.entries(value)) {
      // Below a run, `_meta` is a field; its other keys are the levels.
      const name = placeholder === undefined || key === '_meta' ? key : placeholder;
      const child = at === '' ? name : `${at}.${name}`;
      if (name === placeholder && !Array.isArray(inner)) out.add(child);
      fieldPaths(inner, child, out);
    }
  } else {
    out.add(at);
  }
  return out;
}

/** The paths of the document's field table: the first column's code. */
function documentedPaths(): Set<string> {
  const text = fs.readFileSync(path.join(projectRoot, 'docs/results-json.md'), 'utf8');
  return new Set([...text.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1] ?? ''));
}

describe('docs/results-json.md', () => {
  it('lists exactly the fields results.json has', async () => {
    const written = new Set<string>();
    for (const config of DETAILED_TREE_CONFIGS) {
      fieldPaths(JSON.parse(resultsJson(await runConfig(config))), '', written);
    }
    expect([...documentedPaths()].sort()).toEqual([...written].sort());
  });
});
