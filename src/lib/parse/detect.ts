/** Tells the two result formats apart from their parsed content (result-formats.md section 0). */

import { describeValue } from './values.ts';

export type ResultFormat = 'seahelm' | 'lm-eval';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LANGUAGE_CODE = /^[a-z]{2,3}(?:[_-][a-z]{1,4})?$/i;
/** Top-level keys SEA-HELM files may carry besides languages. */
const SEAHELM_EXTRA_KEYS = new Set(['total', 'evaluated_as_base']);

export function detectFormat(value: unknown): ResultFormat | null {
  if (!isRecord(value)) return null;
  if (isRecord(value['results']) && isRecord(value['configs']) && isRecord(value['versions'])) {
    return 'lm-eval';
  }
  const keys = Object.keys(value);
  const languages = keys.filter((key) => isLanguageKey(key) && isRecord(value[key]));
  if (languages.length === 0) return null;
  // Unexpected keys are reported and ignored by the reader. An unexpected object (a metadata
  // block) is tolerated only beside a language that holds task results, so that another tool's
  // JSON with a short key is not taken for SEA-HELM.
  // A set: a file of a million language keys searched a list for each key.
  const languageSet = new Set(languages);
  const others = keys.filter(
    (key) => !languageSet.has(key) && !SEAHELM_EXTRA_KEYS.has(key) && isRecord(value[key]),
  );
  if (others.length === 0) return 'seahelm';
  return languages.some((lang) => holdsTaskResults(value[lang])) ? 'seahelm' : null;
}

/** Whether a top-level key can name a SEA-HELM language (`id`, `zh_t`, `zh-s`). */
export function isLanguageKey(key: string): boolean {
  return LANGUAGE_CODE.test(key);
}

/** A language object with a competency object holding a task object. */
function holdsTaskResults(language: unknown): boolean {
  return (
    isRecord(language) &&
    Object.values(language).some((c) => isRecord(c) && Object.values(c).some(isRecord))
  );
}

export function describeTopLevel(value: unknown): string {
  if (value === null) return 'found null';
  if (!isRecord(value)) return `found ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}`;
  const lmEvalGaps = 'results' in value ? lmEvalGapsOf(value) : [];
  if (lmEvalGaps.length > 0) {
    return `it has lm-eval's 'results' key, but ${lmEvalGaps.join(', ')}; lm-eval files have these three objects`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return 'found an empty object';
  const shown = keys.slice(0, 6).join(', ');
  return `top-level keys: ${shown}${keys.length > 6 ? `, ... (${keys.length} in all)` : ''}`;
}

/** Of the three objects every lm-eval results file has, those absent or not objects. */
function lmEvalGapsOf(value: Record<string, unknown>): string[] {
  return ['results', 'configs', 'versions']
    .filter((key) => !isRecord(value[key]))
    .map((key) =>
      value[key] === undefined ? `no '${key}'` : `'${key}' is ${describeValue(value[key])}`,
    );
}
