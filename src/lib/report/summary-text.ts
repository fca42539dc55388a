/** The short summary the CLI ends with, and the site build logs. */

import type { PipelineResult } from '../pipeline.ts';
import type { Summary } from './summary.ts';
import type { Diagnostic, DiagnosticKind } from '../diagnostics.ts';
import { printable } from '../printable.ts';

const MAX_LISTED = 10;

/**
 * `stale`: report folders this run did not write (see staleReportFolders), as shown paths,
 * named under the `reports:` line so that they are not taken for current ones.
 */
export function summaryText(
  result: PipelineResult,
  summary: Summary,
  outDir: string,
  stale: readonly string[] = [],
): string {
  const lines: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(summary.runs, 'run')}, ${plural(summary.models, 'model')} (+ ${plural(summary.baseline_models, 'baseline model')})`,
  );
  const { used, superseded, skipped } = summary.files;
  lines.push(`files: ${used} used, ${superseded} superseded, ${skipped} skipped`);
  lines.push(
    `values: ${summary.failed_values} failed, ${summary.invalid_values} invalid, ${plural(summary.partial_aggregates, 'partial aggregate')}, ${plural(summary.limited_models, 'limited model')} (lm-eval --limit runs), all in the runs' own models (baselines aside); ${summary.superseded_entries} superseded ${summary.superseded_entries === 1 ? 'entry' : 'entries'}`,
  );
  const { baseline_failed_values: failed, baseline_invalid_values: invalid } = summary;
  // Baselines apart, each once, not once per run it is merged into; said only when it happens.
  if (failed + invalid > 0) {
    lines.push(`baseline values: ${failed} failed, ${invalid} invalid`);
  }
  const kinds = Object.entries(summary.warnings);
  if (kinds.length > 0) {
    lines.push('warnings:');
    const width = Math.max(...kinds.map(([kind]) => kind.length));
    for (const [kind, count] of kinds) lines.push(`  ${kind.padEnd(width)}  ${count}`);
  }
  const unread = notRead(result);
  if (unread.length > 0) {
    lines.push('not read:');
    for (const d of unread.slice(0, MAX_LISTED)) lines.push(`  ${notReadLine(d)}`);
    if (unread.length > MAX_LISTED) {
      lines.push(`  ... ${unread.length - MAX_LISTED} more in results.json`);
    }
  }
  if (summary.ignored_tasks > 0) {
    const byLang = [...result.ignoredTasks].map(([lang, n]) => `${lang}: ${n}`).join(', ');
    lines.push(
      `ignored: ${plural(summary.ignored_tasks, 'SEA-HELM task')} of languages that are not scored (${byLang})`,
    );
  }
  const skippedFiles = result.files.filter((f) => f.status === 'skipped');
  if (skippedFiles.length > 0) {
    lines.push('skipped files:');
    for (const f of skippedFiles.slice(0, MAX_LISTED)) lines.push(`  ${f.file}: ${f.reason ?? ''}`);
    if (skippedFiles.length > MAX_LISTED) {
      lines.push(`  ... ${skippedFiles.length - MAX_LISTED} more in results.json`);
    }
  }
  lines.push(`reports: ${outDir}`);
  if (stale.length > 0) lines.push(staleLine(stale));
  // File names and reasons come from disk: no control character reaches the terminal.
  return `${lines.map(printable).join('\n')}\n`;
}

const NOT_READ: ReadonlySet<DiagnosticKind> = new Set([
  'path-missing',
  'empty-source',
  'unreadable-folder',
]);

/** The messages of missing and empty run paths name them; a folder's does not. */
function notReadLine(d: Diagnostic): string {
  return d.kind === 'unreadable-folder' ? `${d.file ?? ''}: ${d.message}` : d.message;
}

/**
 * A warning on a line of its own: `file: key path: message`, but as the summary's `not read:`
 * says it for a run path that gave nothing (its message names the path already).
 */
export function diagnosticText(d: Diagnostic): string {
  if (NOT_READ.has(d.kind)) return notReadLine(d);
  const where = d.keyPath === undefined ? '' : `${d.keyPath}: `;
  return `${d.file ?? ''}: ${where}${d.message}`;
}

/** Run paths and folders that gave nothing: whatever they hold is not in the reports. */
export function notRead(result: PipelineResult): Diagnostic[] {
  return result.diagnostics.filter((d) => NOT_READ.has(d.kind));
}

/** Folders of reports an earlier run wrote; this one did not, and the tool deletes nothing. */
function staleLine(stale: readonly string[]): string {
  const shown = stale.slice(0, MAX_LISTED).map((folder) => `${folder}/`);
  const more = stale.length > MAX_LISTED ? ` and ${stale.length - MAX_LISTED} more` : '';
  const they = stale.length === 1 ? 'it is' : 'they are';
  return `  not written by this run, left from an earlier one: ${shown.join(', ')}${more} (nothing is deleted: remove ${stale.length === 1 ? 'it' : 'them'} if ${they} out of date)`;
}
