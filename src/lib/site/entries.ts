/** Typed views of the collections' entries (the loaders store the library's own data). */

import type { Summary } from '../report/summary.ts';
import type { SiteTexts } from '../config/types.ts';
import type { RunData, RunSummary } from './site-data.ts';

export interface SiteData {
  readonly texts: SiteTexts;
  readonly version: string;
  readonly builtAt: string;
  readonly summary: Summary;
  readonly seaLanguages: readonly string[];
  readonly runs: readonly RunSummary[];
  readonly expectedRuns: number;
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

export function asSiteData(data: Record<string, unknown>): SiteData {
  return data as unknown as SiteData;
}

export function asRunData(data: Record<string, unknown>): RunData {
  return data as unknown as RunData;
}
