/**
 * A write-up's frontmatter `date`, read the same on every build machine. JavaScript reads a
 * date-time without an offset (`2025-09-15T20:00`), and a date in words, in the machine's time
 * zone: such a date showed 2025-09-16 where the build ran in Los Angeles and 2025-09-15 in UTC,
 * and the list of write-ups changed order with it.
 */

import * as z from 'zod';
import { sameFields } from '../parse/timestamp.ts';
import { printable } from '../printable.ts';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The date of an ISO 8601 date (`2025-09-15`) or date-time (`2025-09-15T14:00`, with seconds
 * and a fraction, a space for the `T`), in UTC unless it ends in an offset (`Z`, `+07:00`), as
 * the footer's build date and the result files' date-times are; null for any other text and
 * for an impossible date (February 30).
 */
export function isoDateUtc(text: string): Date | null {
  const match = ISO.exec(text.trim());
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const fields = [y, mo, d, h, mi, s].map((field) => Number(field ?? 0));
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  if (!sameFields(utc, fields)) return null;
  return new Date(utc.getTime() - offsetMinutes(zone) * 60_000);
}

/** `Z`, `+07:00` or `-0530` in minutes east of UTC; none is UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith('-') ? -minutes : minutes;
}

const EXPECTED =
  'expected a date such as 2025-09-15 or a date-time such as 2025-09-15T14:00 (UTC unless it ends in an offset: Z, +07:00)';

/**
 * The frontmatter key: a YAML timestamp (the parser gives a Date, in UTC without an offset) or
 * ISO text as isoDateUtc reads it; empty (`date:`) is no date, as a key left out.
 */
export const writeupDateSchema = z.unknown().transform((value, context): Date | undefined => {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : typeof value === 'string' ? isoDateUtc(value) : null;
  if (date !== null && !Number.isNaN(date.getTime())) return date;
  const found =
    value instanceof Date
      ? 'an invalid date'
      : typeof value === 'string'
        ? `'${printable(value)}'`
        : printable(JSON.stringify(value));
  context.addIssue({ code: 'custom', message: `${EXPECTED}; found ${found}` });
  return z.NEVER;
});
