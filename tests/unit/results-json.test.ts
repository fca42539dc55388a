/**
 * results.json is written row by row as text: the text must be exactly what JSON.stringify gives
 * for the same document (parsing it and writing it again changes nothing), on trees whose rows
 * have every kind of detail: partial and missing cells, reasons, stderr and inner problems.
 */
import { describe, expect, it } from 'vitest';
import { resultsJson } from '../../src/lib/report/results-json.ts';
import { DETAILED_TREE_CONFIGS, runConfig } from '../helpers/detailed-trees.ts';

interface Row {
  readonly status: object;
  readonly coverage: object;
  readonly reason: object;
  readonly stderr: object;
  readonly inner: object;
}
const ROW_KEYS = [
  'model',
  'baseline',
  'step',
  'limited',
  'values',
  'status',
  'coverage',
  'reason',
  'stderr',
  'inner',
];
type Document = { results: Record<string, Record<string, { rows?: Row[] }>> };

describe('results.json', () => {
  const seen = { status: 0, coverage: 0, reason: 0, stderr: 0, inner: 0 };

  it.each(DETAILED_TREE_CONFIGS)('is JSON.stringify of itself: %s', async (config) => {
    const text = resultsJson(await runConfig(config));
    const parsed = JSON.parse(text) as Document;
    expect(`${JSON.stringify(parsed)}\n`).toBe(text);
    for (const section of Object.values(parsed.results)) {
      for (const table of Object.values(section)) {
        for (const row of table.rows ?? []) {
          expect(Object.keys(row)).toEqual(ROW_KEYS);
          for (const key of Object.keys(seen) as (keyof typeof seen)[]) {
            if (Object.keys(row[key]).length > 0) seen[key]++;
          }
        }
      }
    }
  });

  it('was checked on rows with every kind of detail', () => {
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  });
});
