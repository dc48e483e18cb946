import type { AgentConversation } from '@parley/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from './ConsoleContext';

/**
 * Asks once before closing (Alt+C lands here, with the confirm button focused): closing ends the
 * chat and sends the customer the one survey question.
 *
 * @example
 * <CloseConfirm conversation={c} onDone={closePanel} />
 */
export function CloseConfirm(props: { conversation: AgentConversation; onDone: () => void }) {
  const { actions } = useConsole();
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const close = async () => {
    const ack = await actions.close(props.conversation.id);
    if (ack.ok) props.onDone();
    else setError(ack.error.message);
  };
  return (
    <fieldset class="plain">
      <legend class="visually-hidden">Close the conversation</legend>
      <p>
        Close the conversation with <strong>{props.conversation.customer.name}</strong>? They will
        be asked one survey question.
      </p>
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
      <p class="row-actions">
        <button
          type="button"
          ref={confirm}
          class="button small danger"
          onClick={() => void close()}
        >
          Close and send the survey
        </button>
        <button type="button" class="button small ghost" onClick={props.onDone}>
          Keep it open
        </button>
      </p>
    </fieldset>
  );
}
