import { useApp } from '../AppContext.js';

/**
 * A requested call-back: the confirmation, its live state (pushed by the server) and, until it
 * happens, a way to cancel it.
 *
 * @example
 * <CallbackStatus />
 */
export function CallbackStatus() {
  const { state, chat, t, f } = useApp();
  const callback = state.callback;
  if (callback === null) return null;
  const pending = callback.state === 'requested' || callback.state === 'scheduled';
  const window = `${f.dateTime(callback.window.from)}–${f.time(callback.window.to)}`;
  return (
    <section class="card callback" aria-labelledby="pw-cb-status">
      <h4 id="pw-cb-status">{t('cbTitle')}</h4>
      {pending ? <p>{t('cbConfirmed', { phone: callback.phone, window })}</p> : null}
      <p role="status">
        {t(`cbState_${callback.state}`, {
          time: callback.scheduledFor === null ? '' : f.dateTime(callback.scheduledFor),
        })}
      </p>
      {pending ? (
        <button type="button" class="btn secondary" onClick={() => void chat.cancelCallback()}>
          {t('cbCancel')}
        </button>
      ) : (
        <button type="button" class="btn secondary" onClick={chat.clearCallback}>
          {t('cbTitle')}
        </button>
      )}
    </section>
  );
}
