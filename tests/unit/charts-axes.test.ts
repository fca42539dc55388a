/** Axis domains (src/lib/charts/axes.ts). */
import { describe, expect, it } from 'vitest';
import { paddedExtent } from '../../src/lib/charts/axes.ts';

describe('paddedExtent', () => {
  it('is the extent of the finite values', () => {
    expect(paddedExtent([30, Number.NaN, 10, 20])).toEqual([10, 30]);
  });

  it('widens a single value by 5 % of it, at least by minPad', () => {
    expect(paddedExtent([50])).toEqual([47.5, 52.5]);
    expect(paddedExtent([-40, -40])).toEqual([-42, -38]);
    expect(paddedExtent([4])).toEqual([3, 5]);
    expect(paddedExtent([4], 0.5)).toEqual([3.5, 4.5]);
  });

  it('is a drawable [0, 1] without a finite value', () => {
    expect(paddedExtent([])).toEqual([0, 1]);
    expect(paddedExtent([Number.NaN, Number.POSITIVE_INFINITY])).toEqual([0, 1]);
  });
});
