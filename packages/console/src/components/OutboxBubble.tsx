import type { OutboxItem } from '@parley/client';
import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';
import { MessageText } from './MessageText';

/**
 * A message or note not yet confirmed by the server, saying honestly where it is: on its way,
 * waiting for the connection, or refused (with the reason and Retry / Discard).
 *
 * @example
 * <OutboxBubble item={item} />
 */
export function OutboxBubble(props: { item: OutboxItem & { kind: 'text' | 'note' } }) {
  const { store, actions } = useConsole();
  const connection = useStore(store, (s) => s.connection);
  const { item } = props;
  const status =
    item.status === 'failed'
      ? `Not sent: ${item.error?.message ?? 'refused by the server.'}`
      : connection === 'online'
        ? 'Sending…'
        : 'Waiting for the connection — it will be sent once';
  return (
    <li
      class={`message ${item.kind === 'note' ? 'note' : 'agent'} pending${item.status === 'failed' ? ' failed' : ''}`}
    >
      {item.kind === 'note' && (
        <p class="message-meta note-label">Internal note — not shown to the customer</p>
      )}
      <MessageText text={item.text} />
      <p class="receipt" role={item.status === 'failed' ? 'alert' : undefined}>
        {status}
      </p>
      {item.status === 'failed' && (
        <p class="row-actions">
          <button
            type="button"
            class="button small"
            onClick={() => actions.retry(item.clientMsgId)}
          >
            Retry
          </button>
          <button
            type="button"
            class="button small ghost"
            onClick={() => actions.discard(item.clientMsgId)}
          >
            Discard
          </button>
        </p>
      )}
    </li>
  );
}
