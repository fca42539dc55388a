/**
 * The runs and baselines of each section in YAML order. Plain JS objects list integer-like
 * keys first, so the order (which `target_experiments` indices refer to) comes from the source.
 */
import type { Document } from 'yaml';
import { mappingKeys } from './locate.ts';
import { BASELINES_KEY, type RawBaseline, type RawConfig, type RawRun } from './schema.ts';
import type { Section } from './types.ts';

export const SECTIONS: readonly Section[] = ['experiments', 'hero_runs'];

export interface Entry<T> {
  readonly key: string;
  readonly value: T;
}

export interface OrderedSection {
  readonly section: Section;
  readonly runs: readonly Entry<RawRun>[];
  readonly baselines: readonly Entry<RawBaseline>[];
}

function entries<T>(keys: readonly string[], values: Readonly<Record<string, T>>): Entry<T>[] {
  return keys.flatMap((key) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    return value === undefined ? [] : [{ key, value }];
  });
}

function orderedSection(doc: Document, config: RawConfig, section: Section): OrderedSection {
  const raw = config[section] ?? {};
  const runKeys = mappingKeys(doc, [section]).filter((key) => key !== BASELINES_KEY);
  const baselines = raw[BASELINES_KEY] ?? {};
  const runs: Readonly<Record<string, RawRun>> = raw;
  return {
    section,
    runs: entries(runKeys, runs),
    baselines: entries(mappingKeys(doc, [section, BASELINES_KEY]), baselines),
  };
}

/** Experiments then hero runs. */
export function orderedSections(doc: Document, config: RawConfig): OrderedSection[] {
  return SECTIONS.map((section) => orderedSection(doc, config, section));
}
