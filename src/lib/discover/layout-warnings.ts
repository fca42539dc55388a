/**
 * Warnings about a run's folders that its layout rules read other than the user meant (README,
 * "Your result folders"): checkpoint folders no step pattern reads, checkpoints taken for
 * configurations, and harness folders taken for configurations. Each is a guess from names,
 * said once per run.
 */

import type { Diagnostic } from '../diagnostics.ts';
import { listed } from '../words.ts';
import type { DiscoveredFile } from './discover.ts';
import { harnessConfigurations } from './harness-configurations.ts';
import { sourceLabel, stemIsConfigurationFolder, type Source } from './sources.ts';
import { stepConfigurations } from './step-configurations.ts';
import { unreadSteps, type UnreadSteps } from './unread-steps.ts';

/** A JSON file the walk found below the run's path, and what discovery made of it. */
export interface WalkedFile {
  /** Its path below the run's path. */
  readonly relative: string;
  /** Null where its path names no result format. */
  readonly file: DiscoveredFile | null;
}

export interface LayoutRules {
  readonly stepPatterns: readonly RegExp[];
  /** Both harnesses' path identifiers (`seahelm`, `lm-eval`, …). */
  readonly harnessPathParts: readonly string[];
}

/** `root` is the run's path as messages show it. */
export function layoutWarnings(
  source: Source,
  root: string,
  walked: readonly WalkedFile[],
  rules: LayoutRules,
): Diagnostic[] {
  const withFolders = walked.map(({ relative, file }) => ({
    relative,
    file,
    folders: relative.split('/').slice(0, -1),
  }));
  const warnings: Diagnostic[] = [];
  const unread = unreadSteps(
    withFolders.flatMap(({ file, folders }) =>
      file?.step === 0 ? [{ stem: file.stem, folders }] : [],
    ),
  );
  if (unread !== null) warnings.push(unreadStepsWarning(source, root, unread));
  if (!stemIsConfigurationFolder(source)) return warnings;
  const steps = stepConfigurations(withFolders, rules.stepPatterns);
  if (steps !== null) warnings.push(stepConfigurationsWarning(source, root, steps));
  const harnesses = harnessConfigurations(
    withFolders.flatMap(({ relative, file }) => (file === null ? [] : [relative])),
    rules.harnessPathParts,
  );
  if (harnesses.length > 0) warnings.push(harnessConfigurationsWarning(source, root, harnesses));
  return warnings;
}

function unreadStepsWarning(source: Source, root: string, unread: UnreadSteps): Diagnostic {
  const [one, other] = unread.folders;
  const name = (folder: string) => folder.slice(folder.lastIndexOf('/') + 1);
  const others = unread.models > 1 ? ` (${unread.models} models have such folders)` : '';
  const message = `${sourceLabel(source)}: the files in ${root}/${one} and ${root}/${other} are merged as one model, ${unread.stem} at step 0${others}: no step pattern reads a step from '${name(one)}' or '${name(other)}'; if these folders are checkpoints, add a pattern that reads their number to step_patterns (a list replaces the default one)`;
  return { kind: 'unread-steps', file: `${root}/${other}`, message };
}

function stepConfigurationsWarning(
  source: Source,
  root: string,
  [one, other]: readonly [string, string],
): Diagnostic {
  const message = `${sourceLabel(source)}: its configuration folders '${one}' and '${other}' (the first folders below ${root}) are checkpoints, whose names give the steps, so each checkpoint is a configuration of its own: if the path is one configuration's folder, set it to the folder that holds the configurations (or make this a hero run); keep each configuration's checkpoints below one folder`;
  return { kind: 'step-configurations', file: `${root}/${other}`, message };
}

function harnessConfigurationsWarning(
  source: Source,
  root: string,
  harnesses: readonly string[],
): Diagnostic {
  const one = harnesses.length === 1;
  const named = listed(harnesses.map((name) => `'${name}'`));
  const are = one
    ? `folder ${named} (the first below ${root}) is a harness folder`
    : `folders ${named} (the first below ${root}) are harness folders`;
  const message = `${sourceLabel(source)}: its configuration ${are}: each harness's results are then one configuration, and the configurations below ${one ? 'it' : 'them'} are merged checkpoint by checkpoint, the later file winning each task; keep both harnesses' results of a checkpoint below one configuration folder, the first below the run's path`;
  return { kind: 'harness-configurations', file: `${root}/${harnesses[0] ?? ''}`, message };
}
