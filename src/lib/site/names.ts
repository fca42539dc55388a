/** Display names of languages and columns, for every language the data has (not a fixed list). */

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  id: 'Indonesian',
  vi: 'Vietnamese',
  th: 'Thai',
  ta: 'Tamil',
  tl: 'Filipino',
  ms: 'Malay',
  my: 'Burmese',
  jv: 'Javanese',
  su: 'Sundanese',
  km: 'Khmer',
  lo: 'Lao',
  zh: 'Chinese',
  en: 'English',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code.toUpperCase();
}

const LANG_COLUMN_NAMES: Readonly<Record<string, string>> = {
  sea_total: 'SEA Avg',
  en: 'English',
  total: 'Aggregate',
};

/** `sea_total` -> `SEA Avg`, `id` -> `Indonesian`, `total` -> `Aggregate`. */
export function langColumnName(column: string): string {
  return LANG_COLUMN_NAMES[column] ?? languageName(column);
}
