import type { Message } from '@parley/protocol';
import { useConsole } from './ConsoleContext';
import { MessageText } from './MessageText';

const MASKED = {
  card: 'card number',
  iban: 'IBAN',
  account: 'account number',
  routing: 'routing number',
  secret: 'security code',
} as const;

/**
 * One stored message. Customer messages on the left, agents' on the right with a read receipt,
 * system lines in the middle, and internal notes full-width in their own colour with a label
 * saying the customer never sees them.
 *
 * @example
 * <MessageBubble message={m} read={m.seq <= readSeq} lang="ru" />
 */
export function MessageBubble(props: { message: Message; read: boolean; lang: string }) {
  const { me } = useConsole();
  const m = props.message;
  const time = new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (m.kind === 'system') {
    return (
      <li class="message system">
        <MessageText text={m.text} lang={props.lang} /> <time dateTime={m.createdAt}>{time}</time>
      </li>
    );
  }
  const author =
    m.sender.id === me.id
      ? 'You'
      : (m.sender.name ?? (m.sender.role === 'customer' ? 'Customer' : 'Agent'));
  if (m.kind === 'note') {
    return (
      <li class="message note">
        <p class="message-meta">
          <span class="note-label">Internal note — not shown to the customer</span> · {author} ·{' '}
          <time dateTime={m.createdAt}>{time}</time>
        </p>
        <MessageText text={m.text} />
      </li>
    );
  }
  const mine = m.sender.role !== 'customer';
  return (
    <li class={mine ? 'message agent' : 'message customer'}>
      <p class="message-meta">
        <strong>{author}</strong> · <time dateTime={m.createdAt}>{time}</time>
      </p>
      <MessageText text={m.text} lang={mine ? undefined : props.lang} />
      {m.redactions.length > 0 && (
        <p class="message-masked">
          Masked before storing: {m.redactions.map((k) => MASKED[k]).join(', ')}
        </p>
      )}
      {mine && <p class="receipt">{props.read ? 'Read' : 'Delivered'}</p>}
    </li>
  );
}
