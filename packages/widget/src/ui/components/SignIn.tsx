import { useApp } from '../AppContext.js';
import { LazyDemoSignIn, LazyOpenInBrowser } from './lazyScreens.js';

/**
 * The sign-in step: the bank's sign-in (its token or its login page), the demo form on demo
 * servers, and — where sign-in failed or cannot happen in an in-app browser — the way out.
 *
 * @example
 * <SignIn />
 */
export function SignIn() {
  const { state, chat, t, demoSignIn, canSignIn, inApp } = useApp();
  if (state.auth === 'signingIn') return <p role="status">{t('signingIn')}</p>;
  return (
    <div class="stack">
      {state.loginFailed ? (
        <p class="err" role="alert">
          {t('signInFailed')}
        </p>
      ) : (
        <p>{t('signInFirst')}</p>
      )}
      {canSignIn ? (
        <button type="button" class="btn" onClick={() => void chat.signIn()}>
          {t('signIn')}
        </button>
      ) : demoSignIn ? null : (
        <p>{t('signInUnavailable')}</p>
      )}
      {demoSignIn ? <LazyDemoSignIn /> : null}
      {inApp || state.loginFailed ? <LazyOpenInBrowser /> : null}
    </div>
  );
}
