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
import { listed } from '../words.ts';
import type { ParsedRecord } from './models.ts';

const SEAHELM_NAME = /^(.+)_seahelm_results_/;

/** The model a file names; null when it names none. */
export function modelNamedBy(record: ParsedRecord): string | null {
  if (record.content.format === 'lm-eval') return record.content.model;
  const base = record.discovered.display.slice(record.discovered.display.lastIndexOf('/') + 1);
  return SEAHELM_NAME.exec(base)?.[1] ?? null;
}

/**
 * Per record: one warning per harness whose files name more than one model, naming each with
 * the first file that names it, on the first file of the second model (in file order).
 */
export function mixedModelWarnings(records: readonly ParsedRecord[]): Diagnostic[][] {
  const warnings = records.map((): Diagnostic[] => []);
  for (const format of ['seahelm', 'lm-eval'] as const) {
    // Model -> the index of the first record naming it, in file order.
    const first = new Map<string, number>();
    records.forEach((record, index) => {
      const model = record.content.format === format ? modelNamedBy(record) : null;
      if (model !== null && !first.has(model)) first.set(model, index);
    });
    if (first.size < 2) continue;
    const named = [...first].map(([name, index]) => {
      const file = records[index]?.discovered.display ?? '';
      return `'${printable(name)}' (${printable(file)})`;
    });
    const at = [...first.values()][1] ?? 0;
    warnings[at]?.push({
      kind: 'mixed-models',
      file: records[at]?.discovered.display ?? '',
      message: `the ${format === 'seahelm' ? 'SEA-HELM' : 'lm-eval'} files of one checkpoint name ${first.size} models: ${listed(named)}; their entries are merged task by task as one model's, the later file winning each task: give each model a folder of its own`,
    });
  }
  return warnings;
}
