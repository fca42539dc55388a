/**
 * A file read for two sources, a baseline's path inside a run's (src/lib/work/collect.ts): its
 * warnings are listed once, not once per source, and none of them is lost.
 */

import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, runOn } from '../helpers/tree.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('a file read for two sources', () => {
  it('has each of its warnings once, two of one kind at two key paths both', async () => {
    const folder = 'runs/exp/cfg/ba1';
    const file = `${folder}/seahelm/m_seahelm_results_2025-01-01T00:00:00.json`;
    const root = makeTree({
      [file]: JSON.stringify({
        id: { nlu: { mystery: { normalized_f1: 12 }, riddle: { normalized_f1: 30 } } },
      }),
    });
    roots.push(root);
    const yaml = `experiments:\n  exp:\n    path: runs/exp\n  baselines:\n    inside:\n      path: ${folder}\n`;
    const result = await runOn(root, yaml);
    expect(result.files.map((f) => [f.file, f.source])).toEqual([
      [file, 'experiments.exp'],
      [file, 'experiments.baselines.inside'],
    ]);
    expect(result.diagnostics.map((d) => [d.kind, d.file, d.keyPath])).toEqual([
      ['fallback-metric', file, 'id.nlu.mystery'],
      ['fallback-metric', file, 'id.nlu.riddle'],
    ]);
  });
});
