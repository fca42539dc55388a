/** What the parse stage keeps of a results file: small, plain data (safe to post between threads). */

import type { Diagnostic } from '../diagnostics.ts';
import type { FileTime } from './timestamp.ts';

/** `failed`: an error entry; `missing`: no metric key; `invalid`: a value that is not a finite number. */
export type EntryStatus = 'ok' | 'failed' | 'missing' | 'invalid';

export interface SeaEntry {
  readonly lang: string;
  readonly competency: string;
  readonly task: string;
  readonly status: EntryStatus;
  /** The primary metric's value (0-100); null unless status is ok (and for pragmatic tasks). */
  readonly value: number | null;
  /** Why the entry is not ok, or which fallback metric gave the value. */
  readonly detail: string;
  /** Where an entry that is not ok is: `<file>: <key path>` (cell details name it). */
  readonly where?: string;
  /** `pragmatic-single` / `-pair`: phenomenon -> [correct, total]. */
  readonly counts?: Readonly<Record<string, readonly [number, number]>>;
  /** `pragmatic-*-logprobs`: phenomenon -> average_cumulative_probabilities. */
  readonly phenomena?: Readonly<Record<string, number>>;
}

/** A numeric `total` or group value the file carries (compared, never used as input). */
export interface UpstreamValue {
  /** `[lang]`, `[lang, competency]` or `[lang, competency, group]`. */
  readonly path: readonly string[];
  readonly value: number;
}

export interface SeaFile {
  readonly format: 'seahelm';
  readonly entries: readonly SeaEntry[];
  readonly upstream: readonly UpstreamValue[];
}

/** One lm-eval task entry, reduced to the metrics section 4 of scoring.md can read. */
export interface LmTask {
  readonly task: string;
  /** `metric,filter` -> value, finite numbers only. */
  readonly metrics: Readonly<Record<string, number>>;
  /** `metric,filter` -> description of a value that is not a finite number. */
  readonly invalid: Readonly<Record<string, string>>;
  /** `metric,filter` (without `_stderr`) -> standard error. */
  readonly stderr: Readonly<Record<string, number>>;
  readonly original: number | null;
  readonly effective: number | null;
  /**
   * The file's `config.limit` when this task has no sample counts to check it against: such a
   * task counts as limited (result-formats.md section 2.6). Null otherwise.
   */
  readonly uncheckedLimit: number | null;
  /**
   * `configs[task].output_type`, when present and a message names it (a modified task, see
   * `isModifiedTask`); null otherwise, so that a file read without its `configs` reads the same.
   */
  readonly outputType: string | null;
  /** The file, for a task that lacks a value section 4 reads or has an invalid one (details name it). */
  readonly file?: string;
}

export interface LmFile {
  readonly format: 'lm-eval';
  readonly tasks: readonly LmTask[];
  /** Top-level `date` (Unix seconds). */
  readonly date: number | null;
  /**
   * The model the file says it evaluated: `model_name` (CLI files), else the `pretrained=` part
   * of `config.model_args`; null when it says none (result-formats.md section 2.8).
   */
  readonly model: string | null;
}

export type ParsedContent = SeaFile | LmFile;

/** The outcome of reading one discovered file. */
export type ParsedFile =
  | {
      readonly ok: true;
      readonly content: ParsedContent;
      readonly time: FileTime;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
