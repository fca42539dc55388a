/**
 * "Did you mean" suggestions for misspelt keys.
 */

/** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  // d[i][j] = distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const get = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(get(i - 1, j) + 1, get(i, j - 1) + 1, get(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, get(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row !== undefined) row[j] = best;
    }
  }
  return get(a.length, b.length);
}

/**
 * The candidate closest to `word` (ignoring case) when it is close enough to be a likely typo:
 * at most one edit per three characters, and at least one. Ties go to the earlier candidate.
 */
export function closestKey(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const key of candidates) {
    const distance = editDistance(word.toLowerCase(), key.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { key, distance };
    }
  }
  return best?.key;
}
