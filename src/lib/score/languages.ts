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

/**
 * The entries of each language, grouped in one pass: filtered once per language instead, a file
 * of 20,000 languages took minutes to order its columns (one of 64 MB can hold a million).
 */
export function byLanguage<T>(
  entries: Iterable<T>,
  langOf: (entry: T) => string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const lang = langOf(entry);
    const group = groups.get(lang);
    if (group === undefined) groups.set(lang, [entry]);
    else group.push(entry);
  }
  return groups;
}

/**
 * A name's place in `names` (-1 for one not there, as indexOf), by a lookup: a sort that
 * searched the list for each comparison was quadratic in a language's competencies.
 */
export function rankIn(names: readonly string[]): (name: string) => number {
  const places = new Map<string, number>();
  names.forEach((name, i) => {
    if (!places.has(name)) places.set(name, i);
  });
  return (name) => places.get(name) ?? -1;
}

export function sortCompetencies(competencies: Iterable<string>): string[] {
  return sortByPreference([...new Set(competencies)], COMPETENCY_ORDER);
}

/** Listed names first in list order, then the others by code point. */
export function sortByPreference(names: readonly string[], preferred: readonly string[]): string[] {
  const place = rankIn(preferred);
  const rank = (name: string) => {
    const i = place(name);
    return i < 0 ? preferred.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b));
}
