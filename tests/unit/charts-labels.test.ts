/** Placing chart labels: spreadLabels and placeLabels (src/lib/charts/labels.ts). */
import { describe, expect, it } from 'vitest';
import {
  labelBox,
  placeLabels,
  spreadLabels,
  type LabelToPlace,
} from '../../src/lib/charts/labels.ts';

const RIGHT = { dx: 9, dy: -7, anchor: 'start' } as const;
const LEFT = { dx: -9, dy: -7, anchor: 'end' } as const;
const BELOW = { dx: 9, dy: 19, anchor: 'start' } as const;
const BOUNDS = { left: 0, top: 0, right: 400, bottom: 300 };

function at(x: number, y: number, width = 100): LabelToPlace {
  return { x, y, width, fontSize: 12, spots: [RIGHT, LEFT, BELOW] };
}

describe('spreadLabels', () => {
  it('keeps labels wanted at one place in input order, top to bottom', () => {
    expect(spreadLabels([10, 10, 10], 12, 0, 100)).toEqual([10, 22, 34]);
  });
});

describe('placeLabels', () => {
  it('puts each label at its first spot when nothing is in the way', () => {
    expect(placeLabels([at(50, 100), at(50, 200)], [], BOUNDS)).toEqual([RIGHT, RIGHT]);
  });

  it('moves a label that would cover one placed before it to its next spot', () => {
    expect(placeLabels([at(150, 100), at(150, 100), at(150, 100)], [], BOUNDS)).toEqual([
      RIGHT,
      LEFT,
      BELOW,
    ]);
  });

  it('keeps labels off the obstacles and inside the bounds, and gives up where no spot is left', () => {
    const label = at(50, 100);
    // Its first spot covers the obstacle, the second leaves the bounds at the left.
    expect(placeLabels([label], [labelBox(label, RIGHT)], BOUNDS)).toEqual([BELOW]);
    expect(placeLabels([at(150, 100)], [BOUNDS], BOUNDS)).toEqual([null]);
  });

  it('keeps a label under the top of the bounds (the legend is above them)', () => {
    // Above the point, the text would rise 3 px past the top: it goes below.
    expect(placeLabels([at(150, 10)], [], BOUNDS)).toEqual([BELOW]);
  });

  it('counts descenders in the box a label covers', () => {
    expect(labelBox(at(100, 50, 30), RIGHT)).toEqual({
      left: 109,
      right: 139,
      top: 31,
      bottom: 46,
    });
  });

  it('lets a label touch an obstacle without covering it', () => {
    const box = labelBox(at(50, 100), RIGHT);
    const beside = { left: box.left - 20, right: box.left, top: box.top, bottom: box.bottom };
    const under = { left: box.left, right: box.right, top: box.bottom, bottom: box.bottom + 10 };
    expect(placeLabels([at(50, 100)], [beside, under], BOUNDS)).toEqual([RIGHT]);
  });
});
