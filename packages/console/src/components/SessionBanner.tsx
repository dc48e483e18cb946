import { RELAY_PARAM } from '../session/authChannel';
import { signInHref } from '../session/signInHref';
import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';
import { consoleUrl } from './SignIn';

/**
 * Shown when the server says the agent's session is about to expire (production): one button
 * opens the bank's sign-in in a small window; the fresh token comes back to this console, which
 * keeps running. Where pop-ups are blocked the whole page goes to sign-in and comes back —
 * nothing is lost, unsent messages wait in this tab's storage. Demo sessions renew by themselves.
 *
 * @example
 * <SessionBanner />
 */
export function SessionBanner() {
  const { store, config } = useConsole();
  const expiring = useStore(store, (s) => s.sessionExpiring);
  if (expiring === null || config.demo || config.signInUrl === null) return null;
  const signInUrl = config.signInUrl;
  const at = new Date(expiring.disconnectAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  const signIn = () => {
    const popup = window.open(
      signInHref(signInUrl, consoleUrl(`?${RELAY_PARAM}=1`)),
      'parley-sign-in',
      'popup,width=520,height=680',
    );
    if (popup === null) window.location.assign(signInHref(signInUrl, consoleUrl()));
  };
  return (
    <div class="notice notice--warning" role="alert">
      <span>Your sign-in ends at {at}. Sign in again to stay connected.</span>
      <button type="button" class="button small primary" onClick={signIn}>
        Sign in again
      </button>
    </div>
  );
}
