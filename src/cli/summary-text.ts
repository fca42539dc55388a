/** The short summary the CLI ends with. */

import type { PipelineResult } from '../lib/pipeline.ts';
import type { Summary } from '../lib/report/summary.ts';

const MAX_LISTED = 10;

export function summaryText(result: PipelineResult, summary: Summary, outDir: string): string {
  const lines: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(summary.runs, 'run')}, ${plural(summary.models, 'model')} (+ ${plural(summary.baseline_models, 'baseline model')})`,
  );
  const { used, superseded, skipped } = summary.files;
  lines.push(`files: ${used} used, ${superseded} superseded, ${skipped} skipped`);
  lines.push(
    `values: ${summary.failed_values} failed, ${plural(summary.partial_aggregates, 'partial aggregate')}, ${summary.superseded_entries} superseded entries, ${plural(summary.limited_models, 'limited model')} (--limit runs)`,
  );
  const kinds = Object.entries(summary.warnings);
  if (kinds.length > 0) {
    lines.push('warnings:');
    const width = Math.max(...kinds.map(([kind]) => kind.length));
    for (const [kind, count] of kinds) lines.push(`  ${kind.padEnd(width)}  ${count}`);
  }
  if (summary.ignored_tasks > 0) {
    const byLang = [...result.ignoredTasks].map(([lang, n]) => `${lang}: ${n}`).join(', ');
    lines.push(
      `ignored: ${summary.ignored_tasks} SEA-HELM tasks of languages that are not scored (${byLang})`,
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
  return `${lines.join('\n')}\n`;
}
