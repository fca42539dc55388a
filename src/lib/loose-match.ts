/**
 * Names that readers type in addresses and write-up props match in any case, but only when that
 * is unambiguous: `lr` names `LR` unless `Lr` is there too. One rule for every kind of name
 * (metrics, headers, language codes, hyperparameters), so they all behave alike.
 */

/**
 * The items one of whose texts is `name` in another case, when they all share one key (one
 * column id, one label, one code); none when they would name two.
 */
export function caseInsensitiveMatches<T>(
  items: readonly T[],
  name: string,
  textsOf: (item: T) => readonly string[],
  keyOf: (item: T) => string,
): T[] {
  const lower = name.toLowerCase();
  const found = items.filter((item) => textsOf(item).some((text) => text.toLowerCase() === lower));
  return new Set(found.map(keyOf)).size === 1 ? found : [];
}
