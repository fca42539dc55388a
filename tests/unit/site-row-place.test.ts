import { describe, expect, it } from 'vitest';
import { bodyScrollToPlace, rowPlaceTop } from '../../src/lib/site/row-place.ts';

describe('rowPlaceTop', () => {
  it('puts the row back where it was, in the window and below what sticks', () => {
    expect(rowPlaceTop(120, 63, 360, 31)).toBe(120);
  });

  it('keeps it clear of the line and header that stick over the rows', () => {
    expect(rowPlaceTop(40, 63, 360, 31)).toBe(63);
  });

  it('keeps it whole above the window bottom of a shorter window', () => {
    expect(rowPlaceTop(600, 63, 360, 31)).toBe(329);
  });

  it('prefers it clear of the stuck line to whole, in a window too short for both', () => {
    expect(rowPlaceTop(50, 80, 100, 40)).toBe(80);
  });
});

describe('bodyScrollToPlace', () => {
  it('scrolls the body so that the row is that far below its top', () => {
    expect(bodyScrollToPlace(400, 50, 200, 1000)).toBe(350);
  });

  it('keeps the row whole in a body shorter than that', () => {
    expect(bodyScrollToPlace(400, 250, 200, 1000)).toBe(200);
    expect(bodyScrollToPlace(400, -20, 200, 1000)).toBe(400);
  });

  it('stays within the body scroll range near its ends', () => {
    expect(bodyScrollToPlace(30, 50, 200, 1000)).toBe(0);
    expect(bodyScrollToPlace(1400, 50, 200, 1000)).toBe(1000);
  });
});
