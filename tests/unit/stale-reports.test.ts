/** Report folders under base_dir that a run did not write (left by an earlier run). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleReportFolders } from '../../src/lib/report/stale-reports.ts';
import { tempDirs } from '../helpers/cli-process.ts';

const tempDir = tempDirs();

function write(root: string, file: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), 'model\n');
}

describe('staleReportFolders', () => {
  it('names the folders holding a report that this run did not write, in code-point order', () => {
    const out = tempDir('stale-');
    const written = ['exp_a/lang_report.csv', 'exp_a/task_report.csv', 'results.json'];
    for (const file of written) write(out, file);
    write(out, 'merged/lang_report.csv'); // save_merged turned off since
    write(out, 'old_run/missing_report.csv'); // a run removed from the config
    write(out, 'Z_run/competency_report.csv');
    write(out, 'notes/readme.txt'); // a folder of the user's own: not reports
    write(out, 'lang_report.csv'); // a file, not a folder
    expect(staleReportFolders(out, written)).toEqual(['Z_run', 'merged', 'old_run']);
  });

  it('names none when every report folder was written, or the folder cannot be listed', () => {
    const out = tempDir('stale-');
    write(out, 'merged/lang_report.csv');
    expect(staleReportFolders(out, ['merged/lang_report.csv'])).toEqual([]);
    expect(staleReportFolders(path.join(out, 'gone'), [])).toEqual([]);
  });
});
