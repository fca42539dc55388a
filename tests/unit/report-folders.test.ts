import { describe, expect, it } from 'vitest';
import { siteReportFolders } from '../../src/lib/site/report-folders.ts';

describe('siteReportFolders', () => {
  const keys = ['exp_a', 'a#b', 'a+b', 'x=1&y;z', 'thu\u031b\u0309'];
  const folders = siteReportFolders(keys);

  it("names each run's folder by its slug: letters, digits, '.', '_' and '-' alone", () => {
    const names = keys.map((key) => folders.folderOf(key));
    expect(names[0]).toBe('exp_a');
    for (const name of names) expect(name).toMatch(/^[\w.-]+$/);
    expect(new Set(names).size).toBe(keys.length);
  });

  it('finds the run of a folder (the dev server answers the links so), and merged', () => {
    for (const key of keys) expect(folders.keyOf(folders.folderOf(key))).toBe(key);
    expect(folders.keyOf('merged')).toBe('merged');
    expect(folders.keyOf('a#b')).toBeNull();
  });
});
