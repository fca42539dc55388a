/**
 * Lists as long as a very big tree gives (150,000 files or jobs) pass through the work layer:
 * spreading such a list into a call's arguments overflows the stack, so nothing may do it.
 */
import { describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/lib/discover/discover.ts';
import { detectFormat } from '../../src/lib/parse/detect.ts';
import { mergedReports, mergeColumns } from '../../src/lib/report/csv-reports.ts';
import { collectResults } from '../../src/lib/work/collect.ts';
import type { ModelResult } from '../../src/lib/work/model-job.ts';
import { jobQueue } from '../../src/lib/work/pool.ts';
import { table } from './table-builders.ts';

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

  // A file of 12,000 languages is 700 kB; each language was looked for in a list of them all, so
  // that this took 100 s here (3 s now), and a million languages, which one file under the 64 MB
  // limit can hold, would have taken days.
  it('orders the columns of 12,000 languages in linear time', { timeout: 20_000 }, () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const codes = Array.from({ length: 12_000 }, (_, i) => {
      const code = [0, 1, 2, 3].map((d) => letters[Math.floor(i / 26 ** d) % 26]).join('');
      return `aa_${code}`;
    });
    const file = Object.fromEntries(codes.map((c) => [c, { nlu: { sentiment: {} } }]));
    expect(detectFormat(file)).toBe('seahelm');
    const sea = Object.fromEntries(codes.map((c) => [`${c}.nlu.sentiment`, 50]));
    const built = table([{ name: 'm', sea }], codes);
    expect(built.columns.lang).toHaveLength(codes.length + 3);
    const reports = mergedReports([{ run: 'exp', table: built }], codes);
    expect(reports.lang.split('\n')[0]?.split(',')).toHaveLength(codes.length + 5);
  });
});
