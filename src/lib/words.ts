/** Lists in running text, as messages write them. */

/** `a`, `a and b`, `a, b and c` (or `a, b or c`). */
export function listed(items: readonly string[], joiner: 'and' | 'or' = 'and'): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1] ?? ''}`;
}
