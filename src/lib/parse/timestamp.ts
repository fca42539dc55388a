/**
 * Timestamps decide which of several files for one model wins (scoring.md section 5). They are
 * compared as UTC date-times: whole seconds, then microseconds; undated files are older than
 * any dated one.
 */

export interface FileTime {
  /** Whether the file carries a date-time at all (name or lm-eval `date`). */
  readonly dated: boolean;
  /** Seconds since the Unix epoch (UTC). */
  readonly seconds: number;
  readonly micros: number;
}

export const UNDATED: FileTime = { dated: false, seconds: 0, micros: 0 };

const ISO_LIKE = /(\d{4})-(\d{2})-(\d{2})T(\d{2})[:-](\d{2})[:-](\d{2})(?:\.(\d{1,6}))?/g;
const COMPACT = /(?:^|\D)(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})(?!\d)/g;

/**
 * The date-time in a file name, read as UTC, or null. Every writer puts its timestamp last
 * (`<model>_seahelm_results_<ts>`, `<stem>_<ts>`, `results_<model>_..._<ts>`), and the model
 * name or stem before it may hold a date-time of its own: the last one is the file's.
 */
export function timeFromFileName(name: string): FileTime | null {
  const match = lastMatch(name);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, frac] = match;
  const fields = [y, mo, d, h, mi, s].map(Number);
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls an impossible date-time over (month 13 is next January): not a date-time.
  if (Number.isNaN(ms) || !sameFields(new Date(ms), fields)) return null;
  const micros = frac ? Number(frac.padEnd(6, '0')) : 0;
  return { dated: true, seconds: Math.floor(ms / 1000), micros };
}

/** Of the date-times of either spelling in `name`, the one that ends last. */
function lastMatch(name: string): RegExpExecArray | null {
  const matches = [...name.matchAll(ISO_LIKE), ...name.matchAll(COMPACT)];
  const end = (m: RegExpExecArray) => m.index + m[0].length;
  return matches.reduce<RegExpExecArray | null>(
    (last, m) => (last === null || end(m) > end(last) ? m : last),
    null,
  );
}

/** Whether `date` (UTC) has these fields: Date.UTC rolls an impossible one over. */
export function sameFields(date: Date, [y, mo, d, h, mi, s]: readonly number[]): boolean {
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() + 1 === mo &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}

/** lm-eval's top-level `date`: Unix seconds as a float. */
export function timeFromUnixSeconds(value: unknown): FileTime | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const seconds = Math.floor(value);
  return { dated: true, seconds, micros: Math.round((value - seconds) * 1e6) };
}

/** Negative when `a` is older than `b`. Ties are broken by the caller (later path wins). */
export function compareTimes(a: FileTime, b: FileTime): number {
  if (a.dated !== b.dated) return a.dated ? 1 : -1;
  return a.seconds - b.seconds || a.micros - b.micros;
}
