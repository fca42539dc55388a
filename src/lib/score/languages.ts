import { compareCodePoints } from '../compare.ts';

/** Which language codes are SEA languages, and the order of languages and competencies (scoring.md section 3). */

const PREFERRED_LANGUAGES = ['id', 'vi', 'th', 'ta', 'tl', 'ms', 'my', 'jv', 'su', 'km', 'lo'];
/** SEA-HELM's own English and the Chinese codes are not SEA languages by default. */
const NOT_SEA = new Set(['en', 'zh', 'zh_t', 'zh-s', 'zh-t']);

const COMPETENCY_ORDER = [
  'nlu',
  'nlg',
  'nlr',
  'instruction-following',
  'multi-turn',
  'cultural',
  'safety',
  'knowledge',
  'linguistic-diagnostics',
];

/** The default SEA language list: every code found except `en` and Chinese, in the preferred order. */
export function defaultSeaLanguages(found: Iterable<string>): string[] {
  const codes = [...new Set(found)].filter(isDefaultSeaLanguage);
  return sortByPreference(codes, PREFERRED_LANGUAGES);
}

/**
 * Whether a code found in a file is in the default list. Membership does not depend on the
 * other files (only the order does), so each file can be scored before all are read. English
 * and Chinese are left out in any case: an `EN` key holds English results all the same, and must
 * not enter SEA Avg.
 */
export function isDefaultSeaLanguage(code: string): boolean {
  return !NOT_SEA.has(code.toLowerCase());
}

/** Which codes are SEA languages: the configured list, or the default rule. */
export type SeaMembership = Pick<ReadonlySet<string>, 'has'>;

export function seaMembership(configured: readonly string[] | null): SeaMembership {
  return configured === null ? { has: isDefaultSeaLanguage } : new Set(configured);
}

export function sortCompetencies(competencies: Iterable<string>): string[] {
  return sortByPreference([...new Set(competencies)], COMPETENCY_ORDER);
}

/** Listed names first in list order, then the others by code point. */
export function sortByPreference(names: readonly string[], preferred: readonly string[]): string[] {
  const rank = (name: string) => {
    const i = preferred.indexOf(name);
    return i < 0 ? preferred.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b));
}
