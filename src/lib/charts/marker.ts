/** A data point's marker: a circle, or any other shape as a path centred on its point. */

import { symbolPath, type ShapeName } from './colors.ts';
import { el, num } from './svg.ts';

/** A filled marker of `area` px² centred at (x, y), with the chart's paint and data attributes. */
export function marker(
  shape: ShapeName,
  x: number,
  y: number,
  area: number,
  attributes: Readonly<Record<string, string | number | null>>,
): string {
  return shape === 'circle'
    ? el('circle', { class: 'mark', cx: x, cy: y, r: Math.sqrt(area / Math.PI), ...attributes })
    : el('path', {
        class: 'mark',
        transform: `translate(${num(x)},${num(y)})`,
        d: symbolPath(shape, area),
        ...attributes,
      });
}
