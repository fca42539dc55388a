/**
 * What every chart builder returns: the SVG with notes for the page, or a message saying why
 * there is no chart (never an exception for data that merely cannot be drawn).
 */

import { escapeXml } from './svg.ts';

export interface ChartSvg {
  readonly kind: 'chart';
  /** A complete `<svg>` element, safe to embed as HTML. */
  readonly svg: string;
  /** Things the reader should know (left-out models, refused log scales); also in `<desc>`. */
  readonly notes: readonly string[];
}

export interface ChartMessage<Reason extends string = string> {
  readonly kind: 'message';
  /** Machine-readable reason, e.g. `too-few-points`. */
  readonly reason: Reason;
  /** A sentence for the page. */
  readonly message: string;
}

export type ChartResult<Reason extends string = string> = ChartSvg | ChartMessage<Reason>;

export function chartSvg(svg: string, notes: readonly string[] = []): ChartSvg {
  return { kind: 'chart', svg, notes };
}

export function chartMessage<Reason extends string>(
  reason: Reason,
  message: string,
): ChartMessage<Reason> {
  return { kind: 'message', reason, message };
}

/** Size and id options every builder accepts. */
export interface ChartFrameOptions {
  /** viewBox width in px; the SVG scales to its container (default per chart). */
  readonly width?: number;
  /** viewBox height in px (default per chart). */
  readonly height?: number;
  /** Id prefix, unique on the page (default: the chart kind). */
  readonly id?: string;
}

/** The root attribute in which a chart file carries its notes. */
export const NOTES_ATTRIBUTE = 'data-notes';

/**
 * A chart as a static file: the SVG with its notes on the root element, as the file has no page
 * around it to list them; the page reads them back with `notesOf` when it fetches the file.
 */
export function chartFileText(result: ChartSvg): string {
  if (result.notes.length === 0) return result.svg;
  const notes = escapeXml(JSON.stringify(result.notes));
  return result.svg.replace(/^<svg /, `<svg ${NOTES_ATTRIBUTE}="${notes}" `);
}

/** The notes of a chart file's root attribute (`null`: none); malformed ones are left out. */
export function notesOf(attribute: string | null): string[] {
  if (attribute === null) return [];
  try {
    const value: unknown = JSON.parse(attribute);
    return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}
