/**
 * SEA-HELM's own `total` and group numbers are never inputs (scoring.md section 3); where a file
 * carries one for a complete node, it is compared with our value and a difference over 0.01 is
 * reported. The top-level `total` is not compared: upstream averages every language, `en` too.
 */

import type { Diagnostic } from '../diagnostics.ts';
import type { SeaFile } from '../parse/types.ts';
import { statusAt, valueAt } from './cell-store.ts';
import { evaluateRow, planFor } from './evaluate.ts';
import type { SeaMembership } from './languages.ts';
import { seaEntriesOfOneFile, type Model } from './models.ts';
import { competencyNode, groupNode, langNode } from './nodes.ts';
import { rowFacts, type ShapeCache } from './row-facts.ts';
import { expectedChildren } from './table.ts';

const TOLERANCE = 0.01;

export function checkUpstreamTotals(
  content: SeaFile,
  file: string,
  seaLanguages: SeaMembership,
  extraMetrics: Readonly<Record<string, string>>,
  shapes?: ShapeCache,
): Diagnostic[] {
  const inScope = content.upstream.filter((u) => seaLanguages.has(u.path[0] ?? ''));
  if (inScope.length === 0) return [];
  const entries = content.entries.filter((e) => seaLanguages.has(e.lang));
  // A task under two competencies counts once, as in the reports; the file's own numbers for
  // the competency (and language) whose entry lost were computed with it, so they are not
  // compared.
  const kept = seaEntriesOfOneFile(file, entries);
  const keptSet = new Set(kept);
  const lost = entries.filter((e) => !keptSet.has(e));
  const upstream = inScope.filter(
    ({ path }) =>
      !lost.some((e) => e.lang === path[0] && (path.length === 1 || e.competency === path[1])),
  );
  if (upstream.length === 0) return [];
  const model: Model = {
    name: file,
    source: 0,
    stem: file,
    step: 0,
    sea: kept,
    lm: null,
    limited: false,
    files: [file],
  };
  const facts = rowFacts(model, extraMetrics, shapes);
  const nodes = upstream.map(({ path }) => nodeOf(path));
  const plan = planFor(expectedChildren([facts.shape]), nodes);
  const cells = evaluateRow(facts, plan, () => '');
  const diagnostics: Diagnostic[] = [];
  upstream.forEach(({ path, value }, i) => {
    const node = plan.index.get(nodes[i] ?? '') ?? -1;
    const ours = valueAt(cells, node);
    if (statusAt(cells, node) !== 'ok' || ours === null) return;
    if (Math.abs(ours - value) > TOLERANCE) {
      const keyPath = path.length === 3 ? path.join('.') : `${path.join('.')}.total`;
      const message = `the file says ${value}, recomputed from its tasks ${ours}; the recomputed value is used`;
      diagnostics.push({ kind: 'total-mismatch', file, keyPath, message });
    }
  });
  return diagnostics;
}

/** The node an upstream value is for: `[lang]`, `[lang, competency]`, `[lang, comp, group]`. */
function nodeOf(path: readonly string[]): string {
  const [lang = '', competency = '', group = ''] = path;
  if (path.length === 1) return langNode(lang);
  if (path.length === 2) return competencyNode(lang, competency);
  return groupNode(lang, competency, group);
}
