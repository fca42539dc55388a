/**
 * File timestamps (scoring.md section 5, "Several files for one model"): the date-time in the
 * file name, compared as a UTC date-time, in four spellings; lm-eval's top-level `date` (Unix
 * seconds) when the name has none; a file with neither is older than any dated file.
 */
import { describe, expect, it } from 'vitest';
import {
  UNDATED,
  compareTimes,
  timeFromFileName,
  timeFromUnixSeconds,
  type FileTime,
} from '../../src/lib/parse/timestamp.ts';
import { parseResultFile } from '../../src/lib/parse/parse-file.ts';

/** Seconds since the epoch of a UTC date-time, computed independently of the code. */
const utcSeconds = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

function time(name: string): FileTime {
  const t = timeFromFileName(name);
  if (t === null) throw new Error(`no date-time found in ${name}`);
  return t;
}

describe('timeFromFileName: the four spellings', () => {
  it('SEA-HELM isoformat with microseconds: 2025-08-28T02:07:37.968001', () => {
    const t = time('gpt-4.1-nano_seahelm_results_2025-08-28T02:07:37.968001.json');
    expect(t).toEqual({ dated: true, seconds: utcSeconds(2025, 8, 28, 2, 7, 37), micros: 968001 });
  });

  it('SEA-HELM isoformat without microseconds (Python drops .000000): 2025-08-28T02:07:37', () => {
    const t = time('m_seahelm_results_2025-08-28T02:07:37.json');
    expect(t).toEqual({ dated: true, seconds: utcSeconds(2025, 8, 28, 2, 7, 37), micros: 0 });
  });

  it('lm-eval CLI, colons replaced by dashes: 2024-11-14T16-01-56.818889', () => {
    const t = time('results_2024-11-14T16-01-56.818889.json');
    expect(t).toEqual({
      dated: true,
      seconds: utcSeconds(2024, 11, 14, 16, 1, 56),
      micros: 818889,
    });
  });

  it('wrapper scripts: 20250401_081149', () => {
    const t = time('results_Qwen2.5-7B-Instruct_hf_leaderboard_20250401_081149.json');
    expect(t).toEqual({ dated: true, seconds: utcSeconds(2025, 4, 1, 8, 11, 49), micros: 0 });
  });

  it('takes the time as UTC (independent of the machine time zone)', () => {
    // 1970-01-01T00:00:00 UTC is second 0; 2000-01-01T00:00:00 UTC is 946684800.
    expect(time('x_seahelm_results_1970-01-01T00:00:00.json').seconds).toBe(0);
    expect(time('x_seahelm_results_2000-01-01T00:00:00.json').seconds).toBe(946684800);
  });

  it('finds no date-time in names without one', () => {
    expect(timeFromFileName('results.json')).toBeNull();
    expect(timeFromFileName('upstage_solar_10.7B-v1.0-ifeval.json')).toBeNull();
    expect(timeFromFileName('undated_seahelm_results.json')).toBeNull();
    // A date without a time is not a date-time.
    expect(timeFromFileName('results_2025-01-01.json')).toBeNull();
  });

  it('takes the last date-time: the model name or stem before the timestamp may hold one', () => {
    // SEA-HELM's `<model>_seahelm_results_<ts>`, lm-eval's `<stem>_<ts>` and the wrappers'
    // `results_<model>_..._<ts>` all end with the writer's timestamp.
    const sea = time('sft-2025-09-01T00-00-00_seahelm_results_2025-10-02T03:04:05.5.json');
    expect(sea).toEqual({ dated: true, seconds: utcSeconds(2025, 10, 2, 3, 4, 5), micros: 500000 });
    const stem = time('eval-20240101_000000_2024-11-14T16-01-56.818889.json');
    expect(stem).toEqual({
      dated: true,
      seconds: utcSeconds(2024, 11, 14, 16, 1, 56),
      micros: 818889,
    });
    const wrapper = time('results_m-2024-01-01T00-00-00_hf_leaderboard_20250401_081149.json');
    expect(wrapper).toEqual({ dated: true, seconds: utcSeconds(2025, 4, 1, 8, 11, 49), micros: 0 });
    // An impossible last one is no date-time, even after a possible one in the model name.
    const impossible = 'm-2025-01-01T00-00-00_seahelm_results_2025-13-45T99:99:99.json';
    expect(timeFromFileName(impossible)).toBeNull();
  });

  it('finds no date-time in an impossible one (Date.UTC would roll month 13 into next year)', () => {
    expect(timeFromFileName('m_seahelm_results_2025-13-45T99:99:99.json')).toBeNull();
    expect(timeFromFileName('results_2025-02-29T00-00-00.json')).toBeNull();
    expect(timeFromFileName('results_20251301_000000.json')).toBeNull();
    expect(timeFromFileName('results_2024-02-29T23-59-59.json')?.dated).toBe(true);
  });
});

describe('timeFromUnixSeconds: lm-eval top-level date', () => {
  it('reads Unix seconds with a fraction', () => {
    // 1732206511.5 = 1732206511 s + 500000 us
    expect(timeFromUnixSeconds(1732206511.5)).toEqual({
      dated: true,
      seconds: 1732206511,
      micros: 500000,
    });
  });

  it('ignores values that are not finite numbers', () => {
    expect(timeFromUnixSeconds('1732206511')).toBeNull();
    expect(timeFromUnixSeconds(null)).toBeNull();
    expect(timeFromUnixSeconds(Number.NaN)).toBeNull();
    expect(timeFromUnixSeconds(undefined)).toBeNull();
  });
});

describe('compareTimes: ordering', () => {
  const sorted = (names: readonly string[]) =>
    [...names].sort((a, b) => compareTimes(time(a), time(b)));

  it('orders by date-time, then by microseconds', () => {
    const names = [
      'b_2025-08-28T02:07:37.968001.json',
      'c_2025-08-28T02:07:37.json',
      'a_2025-08-28T02:07:38.json',
      'd_2025-08-28T02:07:37.000002.json',
    ];
    expect(sorted(names)).toEqual([
      'c_2025-08-28T02:07:37.json', // .000000
      'd_2025-08-28T02:07:37.000002.json',
      'b_2025-08-28T02:07:37.968001.json',
      'a_2025-08-28T02:07:38.json',
    ]);
  });

  it('compares the spellings with one another as date-times, not as text', () => {
    // 2024-11-14T16-01-56 (dashes) < 2025-04-01 08:11:49 (compact) < 2025-08-28T02:07:37 (colons)
    const names = [
      'x_2025-08-28T02:07:37.json',
      'results_20250401_081149.json',
      'results_2024-11-14T16-01-56.818889.json',
    ];
    expect(sorted(names)).toEqual([
      'results_2024-11-14T16-01-56.818889.json',
      'results_20250401_081149.json',
      'x_2025-08-28T02:07:37.json',
    ]);
  });

  it('puts an undated file before every dated one, even one dated 1970', () => {
    const epoch = time('x_1970-01-01T00:00:00.json');
    expect(compareTimes(UNDATED, epoch)).toBeLessThan(0);
    expect(compareTimes(epoch, UNDATED)).toBeGreaterThan(0);
    expect(compareTimes(UNDATED, UNDATED)).toBe(0);
  });

  it('says equal for the same date-time written two ways', () => {
    // 2025-01-01T00:00:00 with colons, with dashes, and compact: the same instant.
    const a = time('a_2025-01-01T00:00:00.json');
    const b = time('results_2025-01-01T00-00-00.json');
    const c = time('r_20250101_000000.json');
    expect(compareTimes(a, b)).toBe(0);
    expect(compareTimes(b, c)).toBe(0);
  });

  it("compares a name's date-time with an lm-eval date in Unix seconds", () => {
    // 2024-11-22T00:40:05 UTC = 1732236005 s; a `date` one second later is newer.
    const named = time('results_2024-11-22T00-40-05.json');
    expect(named.seconds).toBe(1732236005);
    expect(compareTimes(named, timeFromUnixSeconds(1732236006) as FileTime)).toBeLessThan(0);
    expect(compareTimes(named, timeFromUnixSeconds(1732236004.9) as FileTime)).toBeGreaterThan(0);
  });
});

describe('parseResultFile: which time a file gets', () => {
  const lmEval = (date: unknown, more: Record<string, unknown> = {}) =>
    new TextEncoder().encode(
      JSON.stringify({
        results: { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
        configs: {},
        versions: {},
        date,
        ...more,
      }),
    );
  const parse = (file: string, bytes: Uint8Array) => {
    const parsed = parseResultFile(bytes, { file, candidates: ['lm-eval'], extraMetrics: {} });
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
    return parsed.time;
  };

  it('uses the lm-eval date when the file name has no date-time', () => {
    expect(parse('m/lm_eval/results.json', lmEval(1732236005.25))).toEqual({
      dated: true,
      seconds: 1732236005,
      micros: 250000,
    });
  });

  it('prefers the date-time in the file name over the date inside', () => {
    // Name: 2025-01-01T00:00:00 UTC = 1735689600; the `date` inside says 2024-11-22.
    expect(parse('m/lm_eval/results_2025-01-01T00-00-00.json', lmEval(1732236005))).toEqual({
      dated: true,
      seconds: 1735689600,
      micros: 0,
    });
  });

  it("does not date a file by the tracker's start_time or end_time (monotonic clock, not dates)", () => {
    // result-formats.md 2.2: CLI files carry them as floats; only `date` is Unix seconds.
    const tracker = (date: unknown) =>
      lmEval(date, {
        start_time: 1900000000.5,
        end_time: 1900000100.25,
        total_evaluation_time_seconds: '99.75',
      });
    expect(parse('m/lm_eval/results.json', tracker(undefined))).toEqual(UNDATED);
    expect(parse('m/lm_eval/results.json', tracker(1732236005))).toEqual({
      dated: true,
      seconds: 1732236005,
      micros: 0,
    });
  });

  it('leaves a file with neither undated', () => {
    expect(parse('m/lm_eval/results.json', lmEval(null)).dated).toBe(false);
    expect(parse('m/lm_eval/results.json', lmEval('yesterday')).dated).toBe(false);
  });

  it('does not date a SEA-HELM file by a top-level date key (only lm-eval has one)', () => {
    const bytes = new TextEncoder().encode(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 20}}}, "date": 1700000000.0}',
    );
    const parsed = parseResultFile(bytes, {
      file: 'm/seahelm/aa_seahelm_results.json',
      candidates: ['seahelm'],
      extraMetrics: {},
    });
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
    expect(parsed.time).toEqual(UNDATED);
    expect(parsed.diagnostics).toContainEqual(
      expect.objectContaining({ kind: 'unexpected-key', keyPath: 'date' }),
    );
  });

  it('finds the date-time in the file name, not in a folder name', () => {
    // The folder carries a date-time, the file name none: lm-eval `date` decides.
    expect(parse('m/2030-01-01T00:00:00/lm_eval/results.json', lmEval(1732236005))).toEqual({
      dated: true,
      seconds: 1732236005,
      micros: 0,
    });
  });
});
