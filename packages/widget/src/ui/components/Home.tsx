import { useApp } from '../AppContext.js';
import { ScreenHeading } from './ScreenHeading.js';
import { SignIn } from './SignIn.js';

/**
 * The first screen without a handoff: start a chat (after signing in) or ask for a call back.
 *
 * @example
 * <Home />
 */
export function Home() {
  const { state, chat, t, show } = useApp();
  const signedIn = state.auth === 'signedIn';
  return (
    <div class="screen stack">
      <ScreenHeading>{t('homeTitle')}</ScreenHeading>
      <p>{t('homeText')}</p>
      <p class="muted">{t('recorded')}</p>
      {signedIn ? (
        <button
          type="button"
          class="btn"
          disabled={state.connection !== 'online'}
          onClick={() => void chat.startChat()}
        >
          {t('startChat')}
        </button>
      ) : (
        <SignIn />
      )}
      <button type="button" class="btn secondary" onClick={() => show('callback')}>
        {t('cbTitle')}
      </button>
    </div>
  );
}
