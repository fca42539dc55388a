/**
 * Step and hyperparameter patterns that users are likely to write and that cannot backtrack for
 * long: the pattern check must accept every one (its own tests, and the config that holds them).
 */
export const SENSIBLE_PATTERNS: readonly string[] = [
  'LR([0-9.e-]+)',
  '(?:^|_)GBS(\\d+)',
  'step[_-]?(\\d+)',
  '(\\d+)k?',
  '(?:ckpt|checkpoint)[_-]?(\\d+)',
  // Two in a row are allowed.
  'LR(.*)_GBS(.*)',
  '(.+)-(.+)',
  // Repetitions kept apart by a character the one before cannot take.
  '(\\d+)_(\\d+)_(\\d+)',
  '((?:\\d+\\.)+\\d+)',
  '(-?\\d)+',
  '(ab?)*(\\d)',
  '(a|b)*(\\d)',
  '(\\w+)-(\\d+)',
  '(\\d{4})-(\\d{2})',
  'x{2,}(\\d)',
  '(?<=_)(\\d+)(?=_|$)',
  '(?<n>\\d+)\\k<n>',
  '(?:\\w|\\W)*(\\d)',
  '(?:.|\\n)*(\\d)',
];
