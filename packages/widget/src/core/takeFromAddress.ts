/**
 * A handoff code (`#parley=<22 base64url characters>`, see HANDOFF_CODE_REGEX) or an identity
 * token returned by the bank's login page (`#parley-token=<compact JWS>`, see JWT_REGEX) in the
 * fragment. One pattern, no nested quantifiers.
 */
const FRAGMENT_REGEX = /^#parley(-token)?=([\w-]+(?:\.[\w-]*){0,2})$/;

/**
 * Takes a handoff code or a returned identity token out of the address bar at once, so neither
 * stays in the history, a bookmark, a screenshot or a shared link. Fragments never reach a server.
 *
 * @example
 * takeFromAddress(); // { code: 'Xq3…', token: null } and the address bar no longer shows it
 */
export function takeFromAddress(): { code: string | null; token: string | null } {
  const match = FRAGMENT_REGEX.exec(location.hash);
  if (match === null) return { code: null, token: null };
  history.replaceState(history.state, '', location.pathname + location.search);
  const value = match[2] ?? '';
  return match[1] === undefined
    ? { code: value.length === 22 ? value : null, token: null }
    : { code: null, token: value };
}
