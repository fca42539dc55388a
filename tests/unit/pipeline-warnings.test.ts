/** Warnings the pipeline adds about the config itself, once the files are read. */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, realFile, runOn } from '../helpers/tree.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('sea_languages', () => {
  it('warns about a configured language that no SEA-HELM file has', async () => {
    const root = makeTree({
      'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
        'seahelm',
        'gpt-4.1-nano',
      ),
    });
    roots.push(root);
    const yaml = 'experiments:\n  exp: { path: runs/exp }\nsea_languages: [id, xx, th]\n';
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'unseen-language')).toEqual([
      {
        kind: 'unseen-language',
        file: 'leaderboard.config.yaml',
        keyPath: 'sea_languages',
        message: "'xx' is in no SEA-HELM file read; it has no column",
      },
    ]);
    expect(result.runs[0]?.table.columns.lang).toEqual(['sea_total', 'id', 'th', 'en', 'total']);
  });
});
