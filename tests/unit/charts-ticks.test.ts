/** Tick positions and labels, linear and log. */
import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatLinearTick,
  formatLogTick,
  linearTicks,
  logTicks,
} from '../../src/lib/charts/ticks.ts';
import { formatExact } from '../../src/lib/charts/compact.ts';

const labels = (ticks: readonly { label: string }[]) => ticks.map((t) => t.label);

describe('linear ticks', () => {
  it('uses nice steps and as many decimals as the step needs', () => {
    expect(labels(linearTicks([0, 100], 5))).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(labels(linearTicks([0, 1], 5))).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(labels(linearTicks([0.0001, 0.003], 6))).toEqual([
      '0.0005',
      '0.0010',
      '0.0015',
      '0.0020',
      '0.0025',
      '0.0030',
    ]);
  });

  it('groups thousands and uses a real minus sign', () => {
    expect(labels(linearTicks([0, 25000], 5))).toEqual([
      '0',
      '5,000',
      '10,000',
      '15,000',
      '20,000',
      '25,000',
    ]);
    expect(formatLinearTick(-2, 1)).toBe('−2');
    expect(formatLinearTick(-0, 1)).toBe('0');
  });

  it('accepts a reversed domain and gives one tick for an empty one', () => {
    expect(labels(linearTicks([10, 0], 2))).toEqual(['0', '5', '10']);
    expect(linearTicks([3, 3])).toEqual([{ value: 3, label: '3' }]);
    expect(linearTicks([Number.NaN, 1])).toEqual([]);
  });
});

describe('log tick labels', () => {
  it('writes decimals from 10^-2 to 10^2 and mantissa-exponent outside', () => {
    expect([1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000, 1e4].map(formatLogTick)).toEqual([
      '1e-5',
      '1e-4',
      '1e-3',
      '0.01',
      '0.1',
      '1',
      '10',
      '100',
      '1e3',
      '1e4',
    ]);
    expect(formatLogTick(2e-4)).toBe('2e-4');
    expect(formatLogTick(5000)).toBe('5e3');
    expect(formatLogTick(0.05)).toBe('0.05');
    expect(formatLogTick(3.2e-4)).toBe('3.2e-4');
  });
});

describe('log ticks', () => {
  it('puts ticks at each power of ten inside the domain (log10 values)', () => {
    const ticks = logTicks([Math.log10(1e-4), Math.log10(3e-3)]);
    expect(ticks.map((t) => t.value)).toEqual([-4, -3]);
    expect(labels(ticks)).toEqual(['1e-4', '1e-3']);
    expect(labels(logTicks([Math.log10(0.004), Math.log10(200)]))).toEqual([
      '0.01',
      '0.1',
      '1',
      '10',
      '100',
    ]);
  });

  it('adds 2x and 5x when fewer than two powers of ten fall inside', () => {
    expect(labels(logTicks([Math.log10(64), Math.log10(1024)]))).toEqual(['100', '1e3']);
    expect(labels(logTicks([Math.log10(64), Math.log10(512)]))).toEqual(['100', '200', '500']);
    expect(labels(logTicks([Math.log10(1.5e-4), Math.log10(6e-4)]))).toEqual(['2e-4', '5e-4']);
  });

  it('falls back to the domain ends within a narrow range', () => {
    expect(labels(logTicks([Math.log10(3e-4), Math.log10(4e-4)]))).toEqual(['3e-4', '4e-4']);
    expect(labels(logTicks([Math.log10(3e-4), Math.log10(3e-4)]))).toEqual(['3e-4']);
  });

  it('labels a domain end with the digits its value needs: the tick stands at that value', () => {
    // GBS 512 and 1024 on a log axis (the sample's exp_lr_gbs at step 1000): not `1.02e3`.
    expect(labels(logTicks([Math.log10(512), Math.log10(1024)]))).toEqual(['512', '1.024e3']);
    expect(labels(logTicks([Math.log10(1.2345e-4), Math.log10(1.5e-4)]))).toEqual([
      '1.2345e-4',
      '1.5e-4',
    ]);
    expect(labels(logTicks([Math.log10(31.25), Math.log10(40)]))).toEqual(['31.25', '40']);
  });
});

describe('compact numbers', () => {
  it('keeps sweep values short and distinct', () => {
    expect([3e-4, 1e-3, 0.5, 1024, 0, 123456, -0.002].map(formatCompact)).toEqual([
      '3e-4',
      '1e-3',
      '0.5',
      '1024',
      '0',
      '1.235e5',
      '-2e-3',
    ]);
  });

  it('writes an exponent below 0.01 and from 100,000 on, not before', () => {
    expect([0.01, 0.0099, 99990, 1e5].map(formatCompact)).toEqual([
      '0.01',
      '9.9e-3',
      '99990',
      '1e5',
    ]);
  });

  it('reads a power of ten a rounding error short as that power, never as 10e-5', () => {
    const short = 1e-4 * (1 - 1e-14);
    expect(short).toBeLessThan(1e-4);
    expect(formatCompact(short)).toBe('1e-4');
  });

  it('keeps hyperparameter values exact: every digit when the compact text would round', () => {
    expect(
      [3e-4, 1024, 0.5, 0.12345, 0.12346, 1.23456e-5, 123456, 1e21, -0.0012345].map(formatExact),
    ).toEqual([
      '3e-4',
      '1024',
      '0.5',
      '0.12345',
      '0.12346',
      '1.23456e-5',
      '1.23456e5',
      '1e21',
      '-1.2345e-3',
    ]);
  });
});
