/**
 * Lists as long as a very big tree gives (150,000 files or jobs) pass through the work layer:
 * spreading such a list into a call's arguments overflows the stack, so nothing may do it.
 */
import { describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/lib/discover/discover.ts';
import { mergeColumns } from '../../src/lib/report/csv-reports.ts';
import { collectResults } from '../../src/lib/work/collect.ts';
import type { ModelResult } from '../../src/lib/work/model-job.ts';
import { jobQueue } from '../../src/lib/work/pool.ts';

const COUNT = 150_000;

describe('very long lists', () => {
  it('collects the fates of 150,000 files', () => {
    const files: DiscoveredFile[] = Array.from({ length: COUNT }, (_, i) => ({
      source: 0,
      absolute: `/runs/cfg/ba${i}/x.json`,
      display: `runs/cfg/ba${i}/x.json`,
      candidates: ['seahelm'],
      sourceKind: 'experiment',
      stem: 'cfg',
      step: i,
    }));
    const results: ModelResult[] = files.map((file, index) => ({
      id: index,
      model: null,
      files: [
        {
          index,
          format: null,
          diagnostics: [{ kind: 'empty-file', file: file.display, message: 'the file is empty' }],
          checks: [],
        },
      ],
    }));
    const collected = collectResults(results, files, 1);
    expect(collected.fates).toHaveLength(COUNT);
    expect(collected.diagnostics).toHaveLength(COUNT);
    expect(collected.fates[COUNT - 1]?.reason).toBe('the file is empty');
  });

  it('queues 150,000 jobs at once', async () => {
    const done: number[] = [];
    const queue = jobQueue(
      { extraMetrics: {}, seaLanguages: null },
      { workers: [], ready: new Set(), failures: [] },
      (result) => done.push(result.id),
    );
    queue.add(Array.from({ length: COUNT }, (_, id) => ({ id, files: [] })));
    await queue.finish();
    expect(done).toHaveLength(COUNT);
  });

  it('orders the merged columns of a language with 300,000 tasks and as many competencies', () => {
    // One SEA-HELM file under the 64 MB limit holds a million tasks; spread into push, the
    // merged reports' columns overflowed the stack past about 150,000.
    const task = Array.from({ length: 300_000 }, (_, i) => `id_t${i}`);
    const competency = Array.from({ length: 300_000 }, (_, i) => `id_c${i}`);
    const origin = new Map([
      ...task.map((column) => [column, { lang: 'id', competency: 'c0' }] as const),
      ...competency.map((column) => [column, { lang: 'id', competency: column.slice(3) }] as const),
    ]);
    const lang = ['sea_total', 'id', 'en', 'total'];
    const merged = mergeColumns([{ lang, competency, task, origin }], ['id']);
    expect(merged.task).toHaveLength(task.length);
    expect(merged.competency).toHaveLength(competency.length + 6);
    expect(merged.task[0]).toBe('id_t0');
  });
});
