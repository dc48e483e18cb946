import { useApp } from '../AppContext.js';

/**
 * The conversation is over: say so and offer a new one.
 *
 * @example
 * <ClosedNotice />
 */
export function ClosedNotice() {
  const { chat, t } = useApp();
  return (
    <div class="closed stack">
      <p>{t('chatEnded')}</p>
      <button type="button" class="btn" onClick={() => void chat.startChat()}>
        {t('startNewChat')}
      </button>
    </div>
  );
}
