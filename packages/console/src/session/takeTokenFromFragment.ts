/**
 * The agent's token as the bank's identity provider returns it (`#token=<jwt>`), taken out of
 * the address bar at once so it is not left in history, bookmarks or a screen share. Returns null
 * when the fragment carries no token.
 *
 * @example
 * const token = takeTokenFromFragment(window.location, window.history);
 */
export function takeTokenFromFragment(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): string | null {
  if (!location.hash.startsWith('#')) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token === null) return null;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  return token === '' ? null : token;
}
