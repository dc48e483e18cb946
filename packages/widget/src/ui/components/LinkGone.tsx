import type { ErrorCode } from '@parley/protocol';
import type { MessageKey } from '../../i18n/Catalog.js';
import { useApp } from '../AppContext.js';
import { ScreenHeading } from './ScreenHeading.js';

const REASONS: Partial<Record<ErrorCode, MessageKey>> = {
  HANDOFF_EXPIRED: 'linkExpired',
  HANDOFF_ALREADY_CLAIMED: 'linkUsed',
  HANDOFF_REVOKED: 'linkRevoked',
};

/**
 * An expired, used, withdrawn or unknown link: what happened and two ways forward, a new chat
 * or a call back.
 *
 * @example
 * <LinkGone code="HANDOFF_EXPIRED" />
 */
export function LinkGone({ code }: { code: ErrorCode }) {
  const { chat, t, show, state } = useApp();
  const signedIn = state.auth === 'signedIn';
  return (
    <div class="screen stack">
      <ScreenHeading>{t(REASONS[code] ?? 'linkNotFound')}</ScreenHeading>
      <p>{t('linkGoneHelp')}</p>
      <button
        type="button"
        class="btn"
        onClick={() => void (signedIn ? chat.startChat() : chat.signIn())}
      >
        {t('startNewChat')}
      </button>
      <button type="button" class="btn secondary" onClick={() => show('callback')}>
        {t('cbTitle')}
      </button>
    </div>
  );
}
