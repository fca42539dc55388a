import { afterEach, describe, expect, it } from 'vitest';
import { isoDateUtc, writeupDateSchema } from '../../src/lib/site/writeup-date.ts';

const zone = process.env['TZ'];
afterEach(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

const iso = (text: string) => isoDateUtc(text)?.toISOString() ?? null;

describe('isoDateUtc', () => {
  it('reads a date and a date-time without an offset as UTC', () => {
    expect(iso('2025-09-15')).toBe('2025-09-15T00:00:00.000Z');
    expect(iso('2025-09-15T20:00')).toBe('2025-09-15T20:00:00.000Z');
    expect(iso('2025-09-15 20:00:07.25')).toBe('2025-09-15T20:00:07.250Z');
  });

  it('keeps an offset', () => {
    expect(iso('2025-09-15T20:00Z')).toBe('2025-09-15T20:00:00.000Z');
    expect(iso('2025-09-15T02:00+07:00')).toBe('2025-09-14T19:00:00.000Z');
    expect(iso('2025-09-15T20:00:00-0530')).toBe('2025-09-16T01:30:00.000Z');
  });

  it('reads no other text, nor an impossible date', () => {
    expect(iso('September 15, 2025')).toBeNull();
    expect(iso('2025/09/15')).toBeNull();
    expect(iso('2025-02-30')).toBeNull();
    expect(iso('2025-09-15T24:30')).toBeNull();
  });
});

describe('a write-up date', () => {
  const parse = (value: unknown) => writeupDateSchema.safeParse(value);

  it('is the same in every time zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Chatham', 'Asia/Jakarta']) {
      process.env['TZ'] = tz;
      for (const text of ['2025-09-15T20:00', '2025-09-15 02:00', '2025-09-15']) {
        expect(parse(text).data?.toISOString().slice(0, 16), `${text} in ${tz}`).toBe(
          `2025-09-15T${text.slice(11) || '00:00'}`,
        );
      }
    }
  });

  it('takes a YAML timestamp as the parser gave it, and an empty key as none', () => {
    const date = new Date('2025-09-15T20:00:00Z');
    expect(parse(date).data).toBe(date);
    expect(parse(null)).toEqual({ success: true, data: undefined });
  });

  it('refuses text the machine would read in its own time zone, saying what it expected', () => {
    const result = parse('September 15, 2025');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "expected a date such as 2025-09-15 or a date-time such as 2025-09-15T14:00 (UTC unless it ends in an offset: Z, +07:00); found 'September 15, 2025'",
    ]);
    expect(parse(2025).error?.issues[0]?.message).toMatch(/; found 2025$/);
  });
});
