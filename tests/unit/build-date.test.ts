import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/integrations/build-date.ts';

describe('buildDate', () => {
  const now = new Date('2026-11-27T13:00:00Z');

  it("is today's date (UTC) without SOURCE_DATE_EPOCH", () => {
    expect(buildDate({}, now)).toBe('2026-11-27');
    expect(buildDate({ SOURCE_DATE_EPOCH: '' }, now)).toBe('2026-11-27');
  });

  it('is the date of SOURCE_DATE_EPOCH when set, whatever the day', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' }, now)).toBe('2023-11-14');
    expect(buildDate({ SOURCE_DATE_EPOCH: '0' }, now)).toBe('1970-01-01');
    expect(buildDate({ SOURCE_DATE_EPOCH: '253402300799' }, now)).toBe('9999-12-31');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a whole number of seconds, or past 9999-12-31', () => {
    // Past 9999 the date reads '+010000-01', and past 275760 there is none.
    const late = ['253402300800', '8640000000001', '99999999999999999999'];
    for (const bad of ['1.5', '-1', 'yesterday', ...late]) {
      expect(() => buildDate({ SOURCE_DATE_EPOCH: bad }, now)).toThrow(
        `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to 253402300799 (9999-12-31), found '${bad}'`,
      );
    }
  });
});
