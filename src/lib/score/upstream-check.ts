/**
 * SEA-HELM's own `total` and group numbers are never inputs (scoring.md section 3); where a file
 * carries one for a complete node, it is compared with our value and a difference over 0.01 is
 * reported. The top-level `total` is not compared: upstream averages every language, `en` too.
 */

import type { Diagnostic } from '../diagnostics.ts';
import type { SeaFile } from '../parse/types.ts';
import { evaluateRow } from './evaluate.ts';
import type { Model } from './models.ts';
import { competencyNode, groupNode, langNode } from './nodes.ts';
import { rowFacts } from './row-facts.ts';
import { expectedChildren } from './table.ts';

const TOLERANCE = 0.01;

export function checkUpstreamTotals(
  content: SeaFile,
  file: string,
  seaLanguages: ReadonlySet<string>,
  extraMetrics: Readonly<Record<string, string>>,
): Diagnostic[] {
  const upstream = content.upstream.filter((u) => seaLanguages.has(u.path[0] ?? ''));
  if (upstream.length === 0) return [];
  const model: Model = {
    name: file,
    source: 0,
    stem: file,
    step: 0,
    sea: content.entries.filter((e) => seaLanguages.has(e.lang)),
    lm: null,
    limited: false,
    files: [file],
  };
  const facts = rowFacts(model, extraMetrics);
  const cellOf = evaluateRow(facts, expectedChildren([facts]), () => '');
  const diagnostics: Diagnostic[] = [];
  for (const { path, value } of upstream) {
    const [lang = '', competency = '', group = ''] = path;
    const node =
      path.length === 1
        ? langNode(lang)
        : path.length === 2
          ? competencyNode(lang, competency)
          : groupNode(lang, competency, group);
    const ours = cellOf(node);
    if (ours.status !== 'ok' || ours.value === null) continue;
    if (Math.abs(ours.value - value) > TOLERANCE) {
      const keyPath = path.length === 3 ? path.join('.') : `${path.join('.')}.total`;
      const message = `the file says ${value}, recomputed from its tasks ${ours.value}; the recomputed value is used`;
      diagnostics.push({ kind: 'total-mismatch', file, keyPath, message });
    }
  }
  return diagnostics;
}
