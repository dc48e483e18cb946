/** The key the agent's token is kept under in `sessionStorage` (this tab only, gone when it closes). */
const TOKEN_KEY = 'parley.console.token';

/**
 * The agent's token in `sessionStorage`: a reload keeps the agent signed in, a new tab or a
 * closed browser does not. Storage that throws (private modes, quotas) counts as empty.
 *
 * @example
 * tokenStorage.save(token); tokenStorage.load(); // token
 */
export const tokenStorage = {
  load(): string | null {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  save(token: string): void {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // The token still lives in memory; only a reload will ask for sign-in again.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
