/** Chart legends (src/lib/charts/legend.ts): labels cut to fit, rows wrapped to the width. */
import { describe, expect, it } from 'vitest';
import { legend, LEGEND_ROW } from '../../src/lib/charts/legend.ts';

const item = (label: string) => ({ series: `s:${label}`, label, swatch: '' });

describe('legend', () => {
  it('cuts a label past 40 characters with an ellipsis', () => {
    const { svg } = legend([item('x'.repeat(45)), item('y'.repeat(40))], 0, 0, 2000);
    expect(svg).toContain(`>${'x'.repeat(39)}…</text>`);
    expect(svg).toContain(`>${'y'.repeat(40)}</text>`);
  });

  it('starts a new row only after an item, never before the first', () => {
    expect(legend([item('x'.repeat(40))], 0, 0, 100).height).toBe(LEGEND_ROW);
    expect(legend([item('a'), item('b')], 0, 0, 40).height).toBe(2 * LEGEND_ROW);
  });
});
