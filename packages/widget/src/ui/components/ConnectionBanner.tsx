import { useApp } from '../AppContext.js';

/**
 * Connecting, reconnecting or offline: shown while the socket is not up, so the customer knows
 * their messages wait in the outbox rather than vanish.
 *
 * @example
 * <ConnectionBanner />
 */
export function ConnectionBanner() {
  const { state, t } = useApp();
  const { connection } = state;
  if (connection === 'online' || connection === 'idle') return null;
  return (
    <div class={`banner ${connection}`} role="status">
      {t(connection)}
    </div>
  );
}
