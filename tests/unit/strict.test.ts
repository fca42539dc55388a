/** What `--strict` fails on (src/cli/strict.ts): each kind README names, counted, in its words. */

import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { strictViolations } from '../../src/cli/strict.ts';
import { summarize } from '../../src/lib/report/summary.ts';
import { makeTree, runOn } from '../helpers/tree.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const sentiment = (entry: Record<string, unknown>) =>
  JSON.stringify({ id: { nlu: { sentiment: entry } } });
const GOOD = sentiment({ normalized_accuracy: 60 });
const INVALID = sentiment({ normalized_accuracy: 'n/a' });
const FAILED = sentiment({ normalized_accuracy: 0, error: 'Failed to run evaluation for task' });

/** A SEA-HELM file of configuration `config` below `folder`. */
const sea = (folder: string, config: string) =>
  `${folder}/${config}/ba1/seahelm/${config}_seahelm_results_2025-01-01T00:00:00.json`;

/** A baseline's SEA-HELM file, its path `name` holding one model. */
const baseline = (name: string) =>
  `${name}/seahelm/${name}_seahelm_results_2025-01-01T00:00:00.json`;

async function violations(files: Record<string, string>, yaml: string, folders: Buffer[] = []) {
  const root = makeTree(files);
  roots.push(root);
  for (const folder of folders) fs.mkdirSync(Buffer.concat([Buffer.from(`${root}/`), folder]));
  const result = await runOn(root, yaml);
  return strictViolations(result, summarize(result));
}

describe('strictViolations', () => {
  it('is empty for a clean tree', async () => {
    const yaml = 'experiments:\n  exp:\n    path: runs/exp\n';
    expect(await violations({ [sea('runs/exp', 'good')]: GOOD }, yaml)).toEqual([]);
  });

  it("counts every kind, a baseline's values apart, each in the singular or the plural", async () => {
    const files = {
      [sea('runs/exp', 'good')]: GOOD,
      [sea('runs/exp', 'inv1')]: INVALID,
      [sea('runs/exp', 'inv2')]: INVALID,
      [sea('runs/exp', 'failed')]: FAILED,
      [sea('runs/exp', 'empty')]: '',
      [baseline('b1')]: INVALID,
      [baseline('b2')]: FAILED,
      [baseline('b3')]: FAILED,
      'runs/none/notes.txt': '',
    };
    const yaml = [
      'experiments:',
      '  exp:',
      '    path: runs/exp',
      '  gone:',
      '    path: runs/gone',
      '  none:',
      '    path: runs/none',
      '  baselines:',
      '    b1:',
      '      path: b1',
      '    b2:',
      '      path: b2',
      '    b3:',
      '      path: b3',
      '',
    ].join('\n');
    // A folder whose name is not UTF-8: Node cannot open it.
    const unreadable = Buffer.concat([Buffer.from('runs/exp/cfg'), Buffer.from([0xff])]);
    expect(await violations(files, yaml, [unreadable])).toEqual([
      '1 path missing',
      '1 path without result files',
      '1 folder unreadable',
      '1 file skipped',
      '1 failed value',
      '2 invalid values',
      '2 failed baseline values',
      '1 invalid baseline value',
    ]);
  });
});
