/**
 * The files merged into one model (one source, stem and step: scoring.md section 5) should all
 * be of one model. The harnesses write several models side by side (`<output_dir>/<model>/…`),
 * so a checkpoint folder may hold two, and their entries would be merged task by task into
 * numbers of neither: that is said. A file names its model in SEA-HELM's file name
 * (`<model>_seahelm_results_<timestamp>.json`) and in lm-eval's `model_name` or `pretrained=`,
 * with its revision (result-formats.md sections 1.1 and 2.8).
 */

import type { DiscoveredFile } from '../discover/discover.ts';
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
    const models = [...first];
    const [[oneName, oneAt] = ['', 0], [otherName, at] = ['', -1]] = models;
    const [one, other] = [records[oneAt]?.discovered, records[at]?.discovered];
    if (one === undefined || other === undefined) continue; // one model, or none
    const named = models.map(([name, index]) => {
      const file = records[index]?.discovered.display ?? '';
      return `'${printable(name)}' (${printable(file)})`;
    });
    warnings[at]?.push({
      kind: 'mixed-models',
      file: other.display,
      message: `the ${format === 'seahelm' ? 'SEA-HELM' : 'lm-eval'} files of one checkpoint name ${first.size} models: ${listed(named)}; their entries are merged task by task as one model's, the later file winning each task: ${remedy(one, other, revisionsOfOne(oneName, otherName))}`,
    });
  }
  return warnings;
}

/**
 * How to tell the models apart. Files in one folder need folders of their own. Files already in
 * folders of their own were named as one model because those folders give neither a step nor a
 * configuration: `step1000` is no default step, configurations lie deeper than the first folder
 * below the run's path (separate SEA-HELM and lm-eval trees, say), or a baseline's path holds
 * several models.
 */
function remedy(one: DiscoveredFile, other: DiscoveredFile, revisions: boolean): string {
  const apart = differingFolders(one.display, other.display);
  if (apart === null && revisions) {
    return 'they are revisions of one model, which lm-eval writes into one folder: give each revision an --output_path of its own, named so that a step pattern reads its step';
  }
  if (apart === null) return 'give each model a folder of its own';
  const folders = `they lie in '${printable(apart[0])}' and '${printable(apart[1])}'`;
  if (one.sourceKind === 'baseline')
    return `${folders}: a baseline's path holds one model's results; choose this baseline's files with bhasa_conditions and en_conditions, or give it a path of its own`;
  if (one.step === 0)
    return `${folders}, from which no step pattern reads a step (the files have step 0): if these are checkpoints, add a pattern that reads their step to step_patterns; else give each model a checkpoint folder of its own`;
  return one.sourceKind === 'experiment'
    ? `${folders}, folders below one configuration (the first folder below an experiment's path) and one step: if these are configurations, set the run's path to the folder that holds them; else give each model a checkpoint folder of its own`
    : `${folders}, folders below one step: give each model a checkpoint folder of its own`;
}

/** Two lm-eval names of one model at two revisions (`org/model@step1000`, `org/model`). */
function revisionsOfOne(one: string, other: string): boolean {
  const base = (name: string) => name.replace(/@[^@/]*$/, '');
  return base(one) === base(other) && (one.includes('@') || other.includes('@'));
}

/** The first folder names that differ between two files' paths; null when both are in one folder. */
function differingFolders(oneFile: string, otherFile: string): [string, string] | null {
  const one = oneFile.split('/').slice(0, -1);
  const other = otherFile.split('/').slice(0, -1);
  if (one.length === other.length && one.every((name, i) => name === other[i])) return null;
  const at = one.findIndex((name, i) => name !== other[i]);
  // One folder holds the other: no name tells them apart, so both folders are named whole.
  if (at === -1 || at >= other.length) return [one.join('/'), other.join('/')];
  return [one[at] ?? '', other[at] ?? ''];
}
