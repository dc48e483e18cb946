import type { CustomerMessage } from '@parley/protocol';
import { useApp } from '../AppContext.js';
import { Linkified } from './Linkified.js';

/**
 * One stored message: the bank's on the left with the sender's name, the customer's on the right
 * with "Sent" or "Read", the server's own lines centred.
 *
 * @example
 * <MessageBubble message={m} showName />
 */
export function MessageBubble({
  message,
  showName,
}: {
  message: CustomerMessage;
  showName: boolean;
}) {
  const { state, t, f } = useApp();
  const role = message.sender.role;
  if (role === 'system')
    return (
      <li class="sys">
        <Linkified text={message.text} />
      </li>
    );
  const mine = role === 'customer';
  return (
    <li class={mine ? 'me' : 'them'}>
      {showName && !mine ? <p class="name">{message.sender.name ?? t('fromBank')}</p> : null}
      <div class="bubble">
        <Linkified text={message.text} />
      </div>
      <p class="meta">
        <time dateTime={message.createdAt}>{f.time(message.createdAt)}</time>
        {mine ? ` · ${message.seq <= state.agentReadSeq ? t('read') : t('sent')}` : ''}
      </p>
    </li>
  );
}
