/**
 * The date the footer shows as the build's: today (UTC), or the date of `SOURCE_DATE_EPOCH`
 * (seconds since 1970, the reproducible-builds convention) when it is set, so that two builds
 * of the same inputs on different days give the same bytes.
 */

import { userError } from './user-error.ts';

/** 9999-12-31T23:59:59Z: a later date has no four-digit year, and no YYYY-MM-DD form. */
const LAST_EPOCH = 253_402_300_799;

export function buildDate(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return isoDate(now);
  if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
    throw userError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to ${LAST_EPOCH} (9999-12-31), found '${epoch}'`,
    );
  }
  return isoDate(new Date(Number(epoch) * 1000));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
