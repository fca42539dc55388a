/** Tells the two result formats apart from their parsed content (result-formats.md section 0). */

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
  const languages = keys.filter((key) => LANGUAGE_CODE.test(key) && isRecord(value[key]));
  // Unexpected scalar keys are tolerated (and reported by the reader); unexpected objects are not.
  const others = keys.filter((key) => !languages.includes(key));
  const tolerable = (key: string) => SEAHELM_EXTRA_KEYS.has(key) || !isRecord(value[key]);
  if (languages.length > 0 && others.every(tolerable)) return 'seahelm';
  return null;
}

export function describeTopLevel(value: unknown): string {
  if (!isRecord(value)) return `found ${Array.isArray(value) ? 'an array' : typeof value}`;
  const keys = Object.keys(value);
  const shown = keys.slice(0, 6).join(', ');
  return `top-level keys: ${shown}${keys.length > 6 ? `, ... (${keys.length} in all)` : ''}`;
}
