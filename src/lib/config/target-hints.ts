/**
 * `target_experiments` holds run indices, and a run's key written there instead (`[exp_a]`, or a
 * hero run's key under `experiments.baselines`) is a likely mistake: its message says which
 * index was meant, or where a baseline of that run goes.
 */
import { formatKeyPath, type Problem } from './errors.ts';
import { mappingKeys } from './locate.ts';
import { BASELINES_KEY } from './schema.ts';
import { SECTIONS } from './sections.ts';
import { closestKey } from './suggest.ts';
import { valueAt } from './value-at.ts';
import type { Document } from 'yaml';
import type { Section } from './types.ts';

type RunKeys = Readonly<Record<Section, readonly string[]>>;

/** Each section's run keys in YAML order, as indices count them. */
function runKeysOf(doc: Document): RunKeys {
  const keys = (section: Section) =>
    mappingKeys(doc, [section]).filter((key) => key !== BASELINES_KEY);
  return { experiments: keys('experiments'), hero_runs: keys('hero_runs') };
}

function hintFor(written: string, section: Section, runs: RunKeys): string | undefined {
  const own = runs[section];
  const meant = own.includes(written) ? written : closestKey(written, own);
  if (meant !== undefined) {
    return `did you mean ${own.indexOf(meant)}, the index of ${formatKeyPath([section, meant])}?`;
  }
  const other = SECTIONS.find((s) => s !== section && runs[s].includes(written));
  return other === undefined
    ? undefined
    : `${formatKeyPath([other, written])} is not in ${section}: give this baseline under ${other}.${BASELINES_KEY} to merge it there`;
}

/** `problems` with a hint added to those about a run key given as a target. */
export function withTargetHints(
  problems: readonly Problem[],
  data: unknown,
  doc: Document,
): Problem[] {
  const runs = runKeysOf(doc);
  return problems.map((problem) => {
    const [section, baselines, , key, index] = problem.path;
    const isTarget =
      (section === 'experiments' || section === 'hero_runs') &&
      baselines === BASELINES_KEY &&
      key === 'target_experiments' &&
      typeof index === 'number' &&
      problem.path.length === 5;
    const written = isTarget ? valueAt(data, problem.path) : undefined;
    const hint =
      typeof written === 'string' && isTarget ? hintFor(written, section, runs) : undefined;
    return hint === undefined ? problem : { ...problem, what: `${problem.what}; ${hint}` };
  });
}
