/**
 * A write-up figure's caption: the author's, else the chart's own title with its run, so that a
 * chart embedded without a caption still says what it shows (its title is otherwise only in
 * the SVG, for screen readers).
 */

import type { ChartResult } from '../charts/result.ts';

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

export function figureCaption(
  given: string | undefined,
  result: ChartResult,
  run?: string,
): string | undefined {
  if (given !== undefined || result.kind !== 'chart') return given;
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(result.svg)?.[1];
  if (title === undefined) return undefined;
  // The title is escaped for the SVG; the figure escapes the caption again.
  const text = title.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
  return run === undefined ? text : `${run}: ${text}`;
}
