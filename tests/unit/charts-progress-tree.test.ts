/**
 * The hero-run progress chart on a small real tree: a hero run with SEA-HELM and lm-eval files
 * at each step, and a baseline with lm-eval files only (so English but no SEA Avg or Aggregate).
 */

import { describe, expect, it } from 'vitest';
import { progressChart } from '../../src/lib/charts/progress.ts';
import { chartRun } from '../../src/lib/site/chart-choices.ts';
import { runData, type RunData } from '../../src/lib/site/site-data.ts';
import { makeTree, realFile, runOn } from '../helpers/tree.ts';

const CONFIG = [
  'hero_runs:',
  '  hero:',
  '    path: hero',
  '  baselines:',
  '    qwen:',
  '      path: base',
  '',
].join('\n');

async function heroRun(): Promise<RunData> {
  const root = makeTree({
    'hero/checkpoint-100/seahelm/n_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
      'seahelm',
      'gpt-4.1-nano',
    ),
    'hero/checkpoint-100/lm_eval/results_2025-01-01T00-00-00.json': realFile('lm-eval', '10_'),
    'hero/checkpoint-200/seahelm/f_seahelm_results_2025-09-02T11:48:31.864984.json': realFile(
      'seahelm',
      'gemini-2.5-pro_seahelm_results_2025-09-02',
    ),
    'hero/checkpoint-200/lm_eval/results_2025-01-02T00-00-00.json': realFile('lm-eval', '10_'),
    'base/lm_eval/results_2025-01-03T00-00-00.json': realFile('lm-eval', '10_'),
  });
  const [run] = runData(await runOn(root, CONFIG));
  if (run === undefined) throw new Error('no run');
  return chartRun(run);
}

const valueOf = (run: RunData, baseline: string, id: string) => {
  const column = run.columns.findIndex((c) => c.level === 'lang' && c.id === id);
  return run.rows.find((r) => r.baseline === baseline)?.values[column] ?? null;
};

describe('progress chart of a hero run with an English-only baseline', () => {
  it('draws the baseline at its English and says why not at its Aggregate', async () => {
    const run = await heroRun();
    expect(valueOf(run, 'qwen', 'total')).toBeNull();
    const english = valueOf(run, 'qwen', 'en');
    expect(english).not.toBeNull();
    const result = progressChart(run);
    if (result.kind !== 'chart') throw new Error(result.message);
    const line = /<g class="reference" [^>]*data-baseline="qwen"[^>]*>/.exec(result.svg)?.[0];
    expect(line).toContain('data-for="en"');
    expect(Number(/data-y="([^"]+)"/.exec(line ?? '')?.[1])).toBeCloseTo(english ?? 0, 3);
    expect(result.notes).toContain(
      'Baseline qwen has no Aggregate (it has no SEA Avg): its line is at its English.',
    );
    expect(result.notes.join(' ')).not.toContain('no value for these columns');
  });

  it('draws its English competencies and says it has no SEA language competencies', async () => {
    const run = await heroRun();
    const en = progressChart(run, { view: { level: 'competency', lang: 'en' } });
    if (en.kind !== 'chart') throw new Error(en.message);
    expect(en.svg.match(/data-baseline="qwen"/g)?.length).toBeGreaterThan(1);
    // Every English competency has its line; the real lm-eval file is a --limit run, said once.
    expect(en.notes.join(' ')).not.toContain('Baseline qwen has no');
    expect(en.notes).toContain(
      'Baseline qwen is an lm-eval --limit run: its lines read from English are not comparable.',
    );
    const id = progressChart(run, { view: { level: 'competency', lang: 'id' } });
    expect(id.kind === 'chart' ? id.notes : []).toEqual([
      'Baseline qwen has no Indonesian competency score and is not drawn.',
    ]);
  });
});
