/**
 * URL segments for run keys. Keys are data (they may hold any character), so a slug keeps only
 * safe characters and adds a short hash when anything was changed or it collides.
 */

export function slugFor(key: string, taken: ReadonlySet<string>): string {
  const base = key
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  const clean = base !== '' && base === key && !taken.has(base);
  const slug = clean ? base : `${base || 'run'}-${hash(key)}`;
  // A clean key may look like another key's hashed slug: then a number tells them apart.
  let free = slug;
  for (let n = 2; taken.has(free); n++) free = `${slug}-${n}`;
  return free;
}

/**
 * Each run key's slug, in the runs' order: the run's page address, data files and, on the site,
 * its folder of CSV reports.
 */
export function runSlugs(keys: readonly string[]): ReadonlyMap<string, string> {
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const key of keys) {
    const slug = slugFor(key, taken);
    taken.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

/** FNV-1a, 32 bits, as 7 base-36 digits: stable across builds and platforms. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
