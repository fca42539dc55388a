/**
 * The averaging rules of scoring.md section 2, as plain functions without Node or DOM: the build
 * uses them for every mean, and the site's browser code uses the same module to recompute
 * scores when a reader hides a language or leaves out a competency.
 */

export interface Part {
  /** Column or node name, used in details and to fix the summation order. */
  readonly label: string;
  readonly value: number | null;
  readonly partial: boolean;
}

export interface Aggregate {
  readonly value: number | null;
  readonly partial: boolean;
  readonly coverage: readonly [number, number];
  readonly missing: readonly string[];
  readonly partialChildren: readonly string[];
}

/**
 * Unweighted mean of the parts present. Parts are summed in code-point order of their labels so
 * that the same children give the same bits wherever they are averaged.
 */
export function meanAggregate(parts: readonly Part[]): Aggregate {
  const sorted = isSortedByLabel(parts) ? parts : [...parts].sort(byLabel);
  let sum = 0;
  let present = 0;
  const missing: string[] = [];
  const partialChildren: string[] = [];
  for (const part of sorted) {
    if (part.value === null) {
      missing.push(part.label);
      continue;
    }
    sum += part.value;
    present++;
    if (part.partial) partialChildren.push(part.label);
  }
  return {
    value: present === 0 ? null : sum / present,
    partial: missing.length > 0 || partialChildren.length > 0,
    coverage: [present, parts.length],
    missing,
    partialChildren,
  };
}

/** `total` = (sea_total + en) / 2, missing when either is missing (scoring.md section 2). */
export function totalAggregate(sea: Part, en: Part): Aggregate {
  const mean = meanAggregate([sea, en]);
  return mean.missing.length > 0 ? { ...mean, value: null } : mean;
}

function byLabel(a: Part, b: Part): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

function isSortedByLabel(parts: readonly Part[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    if (byLabel(parts[i - 1] as Part, parts[i] as Part) > 0) return false;
  }
  return true;
}
