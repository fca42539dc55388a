/**
 * Deterministic timestamps in the formats the evaluation tools write into file names. Times are
 * counted in whole seconds plus microseconds from a fixed origin and rendered as UTC (the real
 * tools write local time without a zone; the reader takes file-name times as UTC).
 */

export interface Instant {
  /** Whole seconds since the Unix epoch. */
  readonly seconds: number;
  /** 0..999999 */
  readonly micros: number;
}

export function instant(isoUtc: string, micros = 0): Instant {
  return { seconds: Date.parse(isoUtc) / 1000, micros };
}

export function addSeconds(at: Instant, seconds: number, micros = at.micros): Instant {
  return { seconds: at.seconds + Math.floor(seconds), micros };
}

function dateTimeParts(at: Instant): string {
  // `YYYY-MM-DDTHH:MM:SS` from the ISO string (Date handles the calendar).
  return new Date(at.seconds * 1000).toISOString().slice(0, 19);
}

function microsText(at: Instant): string {
  return String(at.micros).padStart(6, '0');
}

/** SEA-HELM: Python `datetime.now().isoformat()`, e.g. `2025-08-20T15:55:31.544426`. */
export function seahelmTimestamp(at: Instant): string {
  // Python omits the fraction when the microseconds are exactly 0.
  return at.micros === 0 ? dateTimeParts(at) : `${dateTimeParts(at)}.${microsText(at)}`;
}

/** lm-eval: the same with `:` replaced by `-`, e.g. `2024-11-14T16-01-56.818889`. */
export function lmEvalTimestamp(at: Instant): string {
  return seahelmTimestamp(at).replaceAll(':', '-');
}

/** lm-eval's top-level `date`: Unix seconds as a float. */
export function unixSeconds(at: Instant): number {
  return at.seconds + at.micros / 1e6;
}
