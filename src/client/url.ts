/** Rewrites the query string in place (no new history entry, no reload). */

export function replaceSearch(search: string): void {
  const url = `${location.pathname}${search}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, '', url);
  }
}
