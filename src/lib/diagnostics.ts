/**
 * Everything the pipeline skips, doubts or overrides is a Diagnostic: it names the file (and key
 * path where one applies) and says why. Nothing is dropped without one.
 */

/**
 * Every kind of problem, as a list so that a test can hold README's table of warnings to it; the
 * CLI summary groups by kind.
 */
export const DIAGNOSTIC_KINDS = [
  'path-missing',
  'empty-source',
  'unreadable-folder',
  'linked-folder',
  'unreadable-file',
  'too-large',
  'empty-file',
  'not-utf8',
  'invalid-json',
  'non-finite-token',
  'unknown-format',
  'format-mismatch',
  'unexpected-key',
  'unknown-task',
  'fallback-metric',
  'duplicate-task',
  'modified-task',
  'limited-run',
  'no-sample-count',
  'total-mismatch',
  'unseen-language',
  'language-case',
  'column-clash',
  'no-step-number',
  'unread-steps',
  'step-configurations',
  'harness-configurations',
  'no-hyperparameter-number',
  'hidden-characters',
  'same-model-name',
  'mixed-models',
  'unused-task-metric',
] as const;

export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

export interface Diagnostic {
  readonly kind: DiagnosticKind;
  /** Path of the file concerned, relative to the config folder, POSIX separators. */
  readonly file?: string;
  /** Key path inside the file, e.g. `id.nlg.translation-xx-en`. */
  readonly keyPath?: string;
  readonly message: string;
}

/** Kinds that mean a whole file contributed nothing. */
export const SKIP_KINDS: ReadonlySet<DiagnosticKind> = new Set([
  'unreadable-file',
  'too-large',
  'empty-file',
  'not-utf8',
  'invalid-json',
  'unknown-format',
  'format-mismatch',
]);
