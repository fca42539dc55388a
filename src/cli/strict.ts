/** What `--strict` fails on, as the counts its message gives. */

import type { DiagnosticKind } from '../lib/diagnostics.ts';
import type { PipelineResult } from '../lib/pipeline.ts';
import type { Summary } from '../lib/report/summary.ts';
import { notRead } from '../lib/report/summary-text.ts';

/** What `--strict` fails on: anything not read, or read without a score. */
export function strictViolations(result: PipelineResult, summary: Summary): string[] {
  const counted = (n: number, one: string, many: string) =>
    n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  const unread = notRead(result);
  const count = (kind: DiagnosticKind) => unread.filter((d) => d.kind === kind).length;
  return [
    // A run's or a baseline's: the summary's `not read:` names which.
    ...counted(count('path-missing'), 'path missing', 'paths missing'),
    ...counted(count('empty-source'), 'path without result files', 'paths without result files'),
    ...counted(count('unreadable-folder'), 'folder unreadable', 'folders unreadable'),
    ...counted(summary.files.skipped, 'file skipped', 'files skipped'),
    ...counted(summary.failed_values, 'failed value', 'failed values'),
    ...counted(summary.invalid_values, 'invalid value', 'invalid values'),
    ...counted(summary.baseline_failed_values, 'failed baseline value', 'failed baseline values'),
    ...counted(
      summary.baseline_invalid_values,
      'invalid baseline value',
      'invalid baseline values',
    ),
  ];
}
