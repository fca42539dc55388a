/** A wide table printed in blocks of columns (src/lib/site/print-blocks.ts). */
import { describe, expect, it } from 'vitest';
import { blockCaption, columnBlocks } from '../../src/lib/site/print-blocks.ts';

describe('columnBlocks', () => {
  it('keeps a table that fits in one block', () => {
    expect(columnBlocks([50, 50, 50], 100, 250)).toEqual([{ start: 0, end: 3 }]);
  });

  it('starts a block at the first column that would pass the width, the row names counted in each', () => {
    // 100 + 50 + 50 = 200 fits in 220; a third column would make 250.
    expect(columnBlocks([50, 50, 50, 50, 50], 100, 220)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
    // Exactly the width fits.
    expect(columnBlocks([60, 60], 100, 220)).toEqual([{ start: 0, end: 2 }]);
  });

  it('gives a column too wide for any page a block of its own, and loses none', () => {
    expect(columnBlocks([30, 500, 30], 100, 200)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  it('gives one empty block for a table of no column, so that its rows still print', () => {
    expect(columnBlocks([], 100, 200)).toEqual([{ start: 0, end: 0 }]);
  });
});

describe('blockCaption', () => {
  it('says which columns a block holds, and nothing when it holds them all', () => {
    expect(blockCaption('Task scores', { start: 0, end: 12 }, 12)).toBe('Task scores');
    expect(blockCaption('Task scores', { start: 12, end: 24 }, 96)).toBe(
      'Task scores (columns 13–24 of 96)',
    );
  });
});
