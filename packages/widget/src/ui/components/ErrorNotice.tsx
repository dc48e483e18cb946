import { useApp } from '../AppContext.js';

/**
 * The last failure, in words that say what to do, with a way to dismiss it.
 *
 * @example
 * <ErrorNotice />
 */
export function ErrorNotice() {
  const { state, chat, t } = useApp();
  if (state.authError === null) return null;
  return (
    <div class="err" role="alert">
      <p>{t(state.authError)}</p>
      <button type="button" class="link" onClick={chat.dismissError}>
        {t('dismiss')}
      </button>
    </div>
  );
}
