import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../AppContext.js';
import { MessageBubble } from './MessageBubble.js';
import { PendingBubble } from './PendingBubble.js';

/**
 * The private messages in order, a separator at each new day, then what is still in the
 * outbox. Keeps the newest message in view as messages arrive.
 *
 * @example
 * <MessageList />
 */
export function MessageList() {
  const { state, f } = useApp();
  const end = useRef<HTMLLIElement>(null);
  const count = state.messages.length + state.outbox.length;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  const items: ComponentChildren[] = [];
  let previous: (typeof state.messages)[number] | undefined;
  for (const message of state.messages) {
    if (previous === undefined || !f.sameDay(previous.createdAt, message.createdAt)) {
      items.push(
        <li key={`d${message.seq}`} class="day">
          <span>{f.day(message.createdAt)}</span>
        </li>,
      );
    }
    const showName = previous?.sender.id !== message.sender.id || previous?.sender.role !== 'agent';
    items.push(<MessageBubble key={message.seq} message={message} showName={showName} />);
    previous = message;
  }
  const conversationId = state.conversation?.id;
  // The server's push of a message can beat its ack: once stored, the pending copy steps aside.
  const stored = new Set(state.messages.map((m) => m.clientMsgId));
  for (const item of state.outbox) {
    if (item.conversationId === conversationId && !stored.has(item.clientMsgId))
      items.push(<PendingBubble key={item.clientMsgId} item={item} />);
  }
  return (
    <ol class="msgs">
      {items}
      <li ref={end} class="end" aria-hidden="true" />
    </ol>
  );
}
