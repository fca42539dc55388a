/**
 * One model from its parsed files to its row facts: merge the files (scoring.md section 5),
 * check the SEA-HELM totals they carry and that they name one model, and turn the winning entries into leaves. Nothing here
 * needs another model, so models are scored in any thread, and their parsed content can go as
 * soon as their facts exist.
 */

import type { Diagnostic } from '../diagnostics.ts';
import type { SeaMembership } from './languages.ts';
import { mixedModelWarnings } from './model-identity.ts';
import { mergeModel, type MergedModel, type ParsedRecord } from './models.ts';
import { rowFacts, type RowFacts, type ShapeCache, type SkippedFile } from './row-facts.ts';
import { checkUpstreamTotals } from './upstream-check.ts';

export interface ScoreContext {
  readonly extraMetrics: Readonly<Record<string, string>>;
  readonly seaLanguages: SeaMembership;
  /** Row shapes met so far in this thread (see row-facts.ts). */
  readonly shapes: ShapeCache;
}

export interface ScoredModel extends Omit<MergedModel, 'model'> {
  /** Named later (see `nameRow`): a name pads the step to the widest of all the source's files. */
  readonly facts: RowFacts;
  /** Languages of the model's SEA-HELM entries; the default SEA language order needs them all. */
  readonly languages: readonly string[];
  /** Codes among them not in lower case, each with the model's files that have it. */
  readonly unusualCodes: readonly CodeFiles[];
}

/** A language code and the files that have it (display paths, in the order read). */
export interface CodeFiles {
  readonly code: string;
  readonly files: readonly string[];
}

export interface Scored {
  readonly model: ScoredModel;
  /**
   * Per record, in the order given: warnings found once the model's files are read together
   * (SEA-HELM totals that disagree with ours, a file naming another model).
   */
  readonly checks: readonly (readonly Diagnostic[])[];
}

export function scoreModel(
  records: readonly ParsedRecord[],
  context: ScoreContext,
  skipped: readonly SkippedFile[] = [],
): Scored {
  const { model, ...merged } = mergeModel(records, context.seaLanguages);
  const languages = new Set<string>();
  const unusual = new Map<string, string[]>();
  const mixed = mixedModelWarnings(records);
  const checks = records.map(({ content, discovered }, index) => {
    const own = mixed[index] ?? [];
    if (content.format !== 'seahelm') return own;
    for (const lang of new Set(content.entries.map((entry) => entry.lang))) {
      languages.add(lang);
      // SEA-HELM writes codes in lower case: another spelling was edited in this file.
      if (lang !== lang.toLowerCase())
        unusual.set(lang, [...(unusual.get(lang) ?? []), discovered.display]);
    }
    const totals = checkUpstreamTotals(
      content,
      discovered.display,
      context.seaLanguages,
      context.extraMetrics,
      context.shapes,
    );
    return [...totals, ...own];
  });
  const facts = rowFacts({ ...model, name: '' }, context.extraMetrics, context.shapes, skipped);
  const unusualCodes = [...unusual].map(([code, files]) => ({ code, files }));
  return { model: { ...merged, facts, languages: [...languages], unusualCodes }, checks };
}

/** The facts of a row under its final name. */
export function nameRow(facts: RowFacts, name: string): RowFacts {
  return { ...facts, model: { ...facts.model, name } };
}
