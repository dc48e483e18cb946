import { useApp } from '../AppContext.js';

/**
 * "Olga is typing…". Not a live region: announcing every pause would drown the messages.
 *
 * @example
 * <TypingIndicator />
 */
export function TypingIndicator() {
  const { state, t } = useApp();
  if (state.agentTyping === false) return <p class="typing" />;
  return (
    <p class="typing">
      {state.agentTyping === '' ? t('someoneTyping') : t('typing', { name: state.agentTyping })}
    </p>
  );
}
