/**
 * Where to send the agent to sign in with the bank's identity provider: the configured sign-in
 * URL with `return_to` naming this console, to which the provider returns with `#token=<jwt>`.
 * Query parameters already on the sign-in URL are kept.
 *
 * @example
 * signInHref('https://sso.bank.example/parley', 'https://parley.bank.example/console/');
 * // 'https://sso.bank.example/parley?return_to=https%3A%2F%2Fparley.bank.example%2Fconsole%2F'
 */
export function signInHref(signInUrl: string, returnTo: string): string {
  const url = new URL(signInUrl);
  url.searchParams.set('return_to', returnTo);
  return url.toString();
}
