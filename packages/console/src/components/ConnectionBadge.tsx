import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';

const LABELS = {
  connecting: 'Connecting…',
  online: 'Connected',
  reconnecting: 'Offline — reconnecting. Messages you send wait and go out once.',
  'signed-out': 'Signed out',
} as const;

/**
 * The connection state, always visible: green when live, amber while reconnecting (what the
 * agent writes then waits in the outbox), so nobody believes a message went out when it did not.
 *
 * @example
 * <ConnectionBadge />
 */
export function ConnectionBadge() {
  const { store } = useConsole();
  const connection = useStore(store, (s) => s.connection);
  return (
    <span class={`connection connection--${connection}`} role="status">
      <span class="dot" aria-hidden="true" />
      {LABELS[connection]}
    </span>
  );
}
