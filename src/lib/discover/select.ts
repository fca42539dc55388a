/**
 * Which harness a file may belong to, from its path alone (scoring.md section 7): the cheap
 * pre-filter, then the run's `*_conditions`, level by level. The content confirms it later.
 */

import type { ConditionPair, FileIdentifier } from '../config/types.ts';
import type { ResultFormat } from '../parse/detect.ts';
import { globMatches } from './glob-match.ts';

/** `relative` is the path below the run's `path`, POSIX separators. */
export function matchesIdentifier(identifier: FileIdentifier, relative: string): boolean {
  const lower = relative.toLowerCase();
  if (identifier.pathContains.some((part) => lower.includes(part.toLowerCase()))) return true;
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  return identifier.fileNames.some((glob) => globMatches(glob, name));
}

/**
 * The i-th pair filters the i-th path component; deeper components are free; a path with fewer
 * components than pairs is not selected.
 */
export function passesConditions(
  conditions: readonly ConditionPair[] | null,
  relative: string,
): boolean {
  if (conditions === null) return true;
  const components = relative.split('/');
  if (components.length < conditions.length) return false;
  return conditions.every((pair, level) => {
    const component = components[level] ?? '';
    if (pair.include !== null && !globMatches(pair.include, component)) return false;
    return pair.exclude === null || !globMatches(pair.exclude, component);
  });
}

export interface SelectionRules {
  readonly seahelm: FileIdentifier;
  readonly lmEval: FileIdentifier;
  readonly bhasaConditions: readonly ConditionPair[] | null;
  readonly enConditions: readonly ConditionPair[] | null;
}

/** The formats a file may be; empty when it is not selected at all. */
export function candidateFormats(rules: SelectionRules, relative: string): ResultFormat[] {
  const formats: ResultFormat[] = [];
  if (
    matchesIdentifier(rules.seahelm, relative) &&
    passesConditions(rules.bhasaConditions, relative)
  ) {
    formats.push('seahelm');
  }
  if (matchesIdentifier(rules.lmEval, relative) && passesConditions(rules.enConditions, relative)) {
    formats.push('lm-eval');
  }
  return formats;
}
