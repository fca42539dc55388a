/** The dev server's CSV reports are the bytes `writeReports` writes, for every folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runPipeline } from '../../src/lib/pipeline.ts';
import { reportText } from '../../src/lib/report/report-text.ts';
import { writeReports } from '../../src/lib/report/write-reports.ts';

describe('reportText', () => {
  it('gives each report of the bundled sample exactly as written, and null for no report', async () => {
    const result = await runPipeline(await loadConfig(path.resolve('leaderboard.config.yaml')), {
      threads: 1,
    });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-report-text-'));
    try {
      const written = (await writeReports(result, out, { json: false })).filter((f) =>
        f.endsWith('.csv'),
      );
      expect(written.length).toBe(16);
      for (const file of written) {
        const [folder = '', name = ''] = file.split(path.sep);
        expect(reportText(result, folder, name), file).toBe(
          fs.readFileSync(path.join(out, file), 'utf8'),
        );
      }
      expect(reportText(result, 'no_such_run', 'lang_report.csv')).toBeNull();
      expect(reportText(result, 'merged', 'results.json')).toBeNull();
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
