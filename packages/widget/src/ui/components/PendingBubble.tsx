import type { OutboxItem } from '@parley/client';
import { useApp } from '../AppContext.js';
import { Linkified } from './Linkified.js';

/**
 * A message still in the outbox: sending, waiting for a connection, or refused — then with
 * "Retry" and "Delete".
 *
 * @example
 * <PendingBubble item={item} />
 */
export function PendingBubble({ item }: { item: OutboxItem }) {
  const { state, chat, t } = useApp();
  const waiting = item.status === 'queued' && state.connection !== 'online';
  return (
    <li class={`me pending ${item.status}`}>
      <div class="bubble">
        <Linkified text={item.text} />
      </div>
      {item.status === 'failed' ? (
        <p class="meta err-text">
          {t('notSent')}{' '}
          <button type="button" class="link" onClick={() => chat.retry(item.clientMsgId)}>
            {t('retry')}
          </button>{' '}
          <button type="button" class="link" onClick={() => chat.discard(item.clientMsgId)}>
            {t('discard')}
          </button>
        </p>
      ) : (
        <p class="meta">{waiting ? t('queuedToSend') : t('sending')}</p>
      )}
    </li>
  );
}
