import { useApp } from '../AppContext.js';
import { ScreenHeading } from './ScreenHeading.js';
import { SignIn } from './SignIn.js';

/**
 * A handoff link, before it is claimed: who the customer will talk to and where it began, the
 * sign-in step, then one button, "Continue privately", which claims the code.
 *
 * @example
 * <HandoffScreen />
 */
export function HandoffScreen() {
  const { state, chat, t } = useApp();
  const { preview } = state;
  return (
    <div class="screen stack">
      <ScreenHeading>{t('handoffTitle')}</ScreenHeading>
      {preview === null ? (
        <p role="status">{t('checkingLink')}</p>
      ) : (
        <p class="who">
          {t(preview.agentName === null ? 'handoffWhoTeam' : 'handoffWho', {
            agent: preview.agentName ?? '',
            team: preview.teamName,
            channel: t(`channel_${preview.channel}`),
          })}
        </p>
      )}
      <p class="muted">{t('recorded')}</p>
      {state.auth === 'signedIn' ? (
        <div class="stack">
          <p>{t('signedInAs', { name: state.customerName ?? '' })}</p>
          <button
            type="button"
            class="btn"
            disabled={state.claiming || state.connection !== 'online' || preview === null}
            onClick={() => void chat.claim()}
          >
            {state.claiming ? t('claiming') : t('continuePrivately')}
          </button>
        </div>
      ) : (
        <SignIn />
      )}
    </div>
  );
}
