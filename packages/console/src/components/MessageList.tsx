import type { Message } from '@parley/protocol';
import { useEffect, useRef } from 'preact/hooks';
import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';
import { MessageBubble } from './MessageBubble';
import { OutboxBubble } from './OutboxBubble';

/**
 * The private messages in `seq` order, then what is still in the outbox (sending, waiting for
 * the connection, or refused), each once: an outbox item disappears the moment its stored copy
 * arrives. Keeps the newest message in view.
 *
 * @example
 * <MessageList conversationId={id} messages={messages} lang="ru" />
 */
export function MessageList(props: {
  conversationId: string;
  messages: readonly Message[];
  lang: string;
}) {
  const { store } = useConsole();
  const outbox = useStore(store, (s) => s.outbox);
  const readSeq = useStore(store, (s) => s.customerRead[props.conversationId] ?? 0);
  const stored = new Set(props.messages.map((m) => m.clientMsgId));
  const waiting = outbox.filter(
    (item) => item.conversationId === props.conversationId && !stored.has(item.clientMsgId),
  );
  const list = useRef<HTMLDivElement>(null);
  const count = props.messages.length + waiting.length;

  useEffect(() => {
    const element = list.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  }, [count]);

  return (
    // The log role sits on a wrapper: on the list itself it would hide the list semantics.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable)
    <div class="messages" ref={list} role="log" aria-label="Private messages" tabIndex={0}>
      <ol class="message-items">
        {props.messages.length === 0 && waiting.length === 0 && (
          <li class="messages-empty muted">No private messages yet.</li>
        )}
        {props.messages.map((message) => (
          <MessageBubble
            key={message.id}
            message={message}
            read={message.seq <= readSeq}
            lang={props.lang}
          />
        ))}
        {waiting.map((item) => (
          <OutboxBubble key={item.clientMsgId} item={item} />
        ))}
      </ol>
    </div>
  );
}
