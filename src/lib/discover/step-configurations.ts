/**
 * Experiments whose configuration folders are checkpoints (README, "Your result folders").
 */

import { stepFromFolders, stepFromName } from './steps.ts';

/**
 * An experiment's configuration folders that are its checkpoints: the path names one
 * configuration's folder (`…/lr_1e-4`, holding `checkpoint-1000/`, `checkpoint-2000/`), or a flat
 * folder of models. Each checkpoint is then a configuration of its own, and the charts compare
 * checkpoints as configurations. Null unless two configurations are read as steps so.
 */
export function stepConfigurations(
  files: readonly { readonly folders: readonly string[] }[],
  patterns: readonly RegExp[],
): readonly [string, string] | null {
  const found = new Set<string>();
  for (const { folders } of files) {
    const [configuration, ...below] = folders;
    if (configuration === undefined || found.has(configuration)) continue;
    // Its own step, which no folder below it contradicts (SEA-HELM's model folder repeats it).
    const step = stepFromName(configuration, patterns);
    const deeper = stepFromFolders(below, patterns);
    if (step === null || (deeper !== 0 && deeper !== step)) continue;
    found.add(configuration);
    const [one, other] = found;
    if (one !== undefined && other !== undefined) return [one, other];
  }
  return null;
}
