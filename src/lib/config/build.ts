/**
 * From a valid config as written to the resolved `LeaderboardConfig`: defaults filled in,
 * snake_case keys renamed, paths made absolute, baseline targets resolved.
 */
import path from 'node:path';
import {
  DEFAULT_FILE_IDENTIFIERS,
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_OUTPUT,
  DEFAULT_SITE,
  DEFAULT_STEP_PATTERNS,
} from './defaults.ts';
import type { RawConditions, RawConfig } from './schema.ts';
import type { OrderedSection } from './sections.ts';
import type {
  BaselineConfig,
  ConditionPair,
  FileIdentifier,
  LeaderboardConfig,
  RunConfig,
} from './types.ts';

export interface ConfigOverrides {
  /** Replaces `output.base_dir`; a relative path is resolved against the working directory. */
  readonly baseDir?: string | undefined;
}

function toConditions(raw: RawConditions | undefined): readonly ConditionPair[] | null {
  return raw === undefined || raw === null
    ? null
    : raw.map(([include, exclude]) => ({ include, exclude }));
}

function toRuns({ section, runs }: OrderedSection, configDir: string): RunConfig[] {
  return runs.map(({ key, value }, index) => ({
    key,
    section,
    path: path.resolve(configDir, value.path),
    enConditions: toConditions(value.en_conditions),
    bhasaConditions: toConditions(value.bhasa_conditions),
    index,
    isHeroRun: section === 'hero_runs',
  }));
}

function toBaselines(
  { section, runs, baselines }: OrderedSection,
  configDir: string,
): BaselineConfig[] {
  const everyRun = runs.map((_, index) => index);
  return baselines.map(({ key, value }) => ({
    key,
    section,
    path: path.resolve(configDir, value.path),
    enConditions: toConditions(value.en_conditions),
    bhasaConditions: toConditions(value.bhasa_conditions),
    targets: value.target_experiments ?? everyRun,
  }));
}

type RawFileIdentifier = NonNullable<NonNullable<RawConfig['file_identifiers']>['seahelm']>;

function toFileIdentifier(
  raw: RawFileIdentifier | null | undefined,
  fallback: FileIdentifier,
): FileIdentifier {
  return {
    pathContains: raw?.path_contains ?? fallback.pathContains,
    fileNames: raw?.file_names ?? fallback.fileNames,
  };
}

function toOutput(
  raw: RawConfig['output'],
  configDir: string,
  overrides: ConfigOverrides,
): LeaderboardConfig['output'] {
  const baseDir =
    overrides.baseDir === undefined
      ? path.resolve(configDir, raw?.base_dir ?? DEFAULT_OUTPUT.baseDir)
      : path.resolve(overrides.baseDir);
  return {
    baseDir,
    saveIndividual: raw?.save_individual ?? DEFAULT_OUTPUT.saveIndividual,
    saveMerged: raw?.save_merged ?? DEFAULT_OUTPUT.saveMerged,
  };
}

/** `configFile` is absolute; relative paths in the config are resolved against its folder. */
export function buildConfig(
  raw: RawConfig,
  sections: readonly OrderedSection[],
  configFile: string,
  overrides: ConfigOverrides,
): LeaderboardConfig {
  const configDir = path.dirname(configFile);
  return {
    configFile,
    runs: sections.flatMap((section) => toRuns(section, configDir)),
    baselines: sections.flatMap((section) => toBaselines(section, configDir)),
    output: toOutput(raw.output, configDir, overrides),
    seaLanguages: raw.sea_languages ?? null,
    stepPatterns: raw.step_patterns ?? DEFAULT_STEP_PATTERNS,
    fileIdentifiers: {
      seahelm: toFileIdentifier(raw.file_identifiers?.seahelm, DEFAULT_FILE_IDENTIFIERS.seahelm),
      lmEval: toFileIdentifier(raw.file_identifiers?.lm_eval, DEFAULT_FILE_IDENTIFIERS.lmEval),
    },
    seahelmTaskMetrics: raw.seahelm_task_metrics ?? {},
    hyperparameters: raw.hyperparameters ?? DEFAULT_HYPERPARAMETERS,
    site: {
      title: raw.site?.title ?? DEFAULT_SITE.title,
      about: raw.site?.about ?? DEFAULT_SITE.about,
      hostedBy: raw.site?.hosted_by ?? DEFAULT_SITE.hostedBy,
      links: raw.site?.links ?? DEFAULT_SITE.links,
      sections: (raw.site?.sections ?? DEFAULT_SITE.sections).map((section) => ({
        title: section.title,
        text: section.text ?? '',
        links: section.links ?? [],
      })),
      version: raw.site?.version ?? DEFAULT_SITE.version,
    },
  };
}
