import type { AgentConversation } from '@parley/protocol';
import { CallbackForm } from './CallbackForm';
import { CloseConfirm } from './CloseConfirm';
import { TransferForm } from './TransferForm';

/** Which action form is open under the conversation's title. */
export type ActionPanel = 'transfer' | 'callback' | 'close' | null;

/**
 * The open action's form.
 *
 * @example
 * <ActionPanelView panel="transfer" conversation={c} onDone={closePanel} />
 */
export function ActionPanelView(props: {
  panel: Exclude<ActionPanel, null>;
  conversation: AgentConversation;
  onDone: () => void;
}) {
  return (
    <div class="action-panel">
      {props.panel === 'transfer' && (
        <TransferForm conversation={props.conversation} onDone={props.onDone} />
      )}
      {props.panel === 'callback' && (
        <CallbackForm conversation={props.conversation} onDone={props.onDone} />
      )}
      {props.panel === 'close' && (
        <CloseConfirm conversation={props.conversation} onDone={props.onDone} />
      )}
    </div>
  );
}
