/**
 * The files merged into one model (one source, stem and step: scoring.md section 5) should all
 * be of one model. The harnesses write several models side by side (`<output_dir>/<model>/…`),
 * so a checkpoint folder may hold two, and their entries would be merged task by task into
 * numbers of neither: that is said. A file names its model in SEA-HELM's file name
 * (`<model>_seahelm_results_<timestamp>.json`) and in lm-eval's `model_name` or `pretrained=`
 * (result-formats.md sections 1.1 and 2.8).
 */

import type { Diagnostic } from '../diagnostics.ts';
import { printable } from '../printable.ts';
import type { ParsedRecord } from './models.ts';

const SEAHELM_NAME = /^(.+)_seahelm_results_/;

/** The model a file names; null when it names none. */
export function modelNamedBy(record: ParsedRecord): string | null {
  if (record.content.format === 'lm-eval') return record.content.model;
  const base = record.discovered.display.slice(record.discovered.display.lastIndexOf('/') + 1);
  return SEAHELM_NAME.exec(base)?.[1] ?? null;
}

/**
 * Per record: a warning on the first file of each harness that names another model than the
 * files before it, so that it is reported once, in file order.
 */
export function mixedModelWarnings(records: readonly ParsedRecord[]): Diagnostic[][] {
  const warnings = records.map((): Diagnostic[] => []);
  for (const format of ['seahelm', 'lm-eval'] as const) {
    const first = new Map<string, string>();
    records.forEach((record, index) => {
      if (record.content.format !== format) return;
      const model = modelNamedBy(record);
      if (model === null || first.has(model)) return;
      first.set(model, record.discovered.display);
      if (first.size !== 2) return;
      const named = [...first].map(([name, file]) => `'${printable(name)}' (${printable(file)})`);
      warnings[index]?.push({
        kind: 'mixed-models',
        file: record.discovered.display,
        message: `the ${format === 'seahelm' ? 'SEA-HELM' : 'lm-eval'} files of one checkpoint name different models: ${named.join(' and ')}; their entries are merged task by task as one model's, the later file winning each task: give each model a folder of its own`,
      });
    });
  }
  return warnings;
}
