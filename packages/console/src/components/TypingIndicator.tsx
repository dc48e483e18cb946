import { useNow } from '../sla/useNow';
import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';

/** A typing signal older than this is stale (the customer's "stopped typing" may have been lost). */
const TYPING_FRESH_MS = 6_000;

/**
 * "Anna is typing…" while the customer types, read off the shared one-second ticker instead of a
 * timer of its own.
 *
 * @example
 * <TypingIndicator conversationId={id} name="Anna" />
 */
export function TypingIndicator(props: { conversationId: string; name: string }) {
  const { store } = useConsole();
  const since = useStore(store, (s) => s.typing[props.conversationId] ?? null);
  const now = useNow();
  const typing = since !== null && now - since < TYPING_FRESH_MS;
  return (
    <p class="typing" aria-live="polite">
      {typing ? `${props.name} is typing…` : ''}
    </p>
  );
}
