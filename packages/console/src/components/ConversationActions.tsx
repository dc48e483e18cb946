import type { ActionPanel } from './ActionPanelView';

/**
 * The conversation's actions: transfer, call-back, close. Each opens its form below the title.
 *
 * @example
 * <ConversationActions panel={panel} onPanel={setPanel} />
 */
export function ConversationActions(props: {
  panel: ActionPanel;
  onPanel: (panel: ActionPanel) => void;
}) {
  const button = (id: Exclude<ActionPanel, null>, label: string) => (
    <button
      type="button"
      class={id === 'close' ? 'button small danger' : 'button small'}
      aria-expanded={props.panel === id}
      onClick={() => props.onPanel(props.panel === id ? null : id)}
    >
      {label}
    </button>
  );
  return (
    <>
      {button('transfer', 'Transfer')}
      {button('callback', 'Call-back')}
      {button('close', 'Close')}
    </>
  );
}
