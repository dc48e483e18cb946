import { type AgentConversation, type Message, resolveLocale } from '@parley/protocol';
import { useMemo, useState } from 'preact/hooks';
import { useShortcuts } from '../keyboard/useShortcuts';
import { useStore } from '../state/useStore';
import { canWrite } from '../state/visibleTo';
import { type ActionPanel, ActionPanelView } from './ActionPanelView';
import { ClosingReply } from './ClosingReply';
import { Composer } from './Composer';
import { useConsole } from './ConsoleContext';
import { ConversationActions } from './ConversationActions';
import { ConversationHeader } from './ConversationHeader';
import { CustomerPanel } from './CustomerPanel';
import { MessageList } from './MessageList';
import { PublicThreadPanel } from './PublicThreadPanel';
import { type Reissued, ReissueResult } from './ReissueResult';
import { TypingIndicator } from './TypingIndicator';

const NO_MESSAGES: readonly Message[] = [];

/**
 * One conversation: the public thread pinned on top (collapsible, labelled public), the private
 * messages with read receipts and the customer's typing, the composer (with the redaction
 * preview, canned responses and internal notes), the actions, and the customer panel.
 *
 * @example
 * <ConversationView conversationId="cv_…" />
 */
export function ConversationView(props: { conversationId: string }) {
  const { store, me } = useConsole();
  const id = props.conversationId;
  const justClosed = useStore(store, (s) => (s.justClosed?.id === id ? s.justClosed : null));
  const live = useStore(store, (s) => s.conversations[id] ?? null);
  const messages = useStore(store, (s) => s.messages[id] ?? NO_MESSAGES);
  const [panel, setPanel] = useState<ActionPanel>(null);
  const [reissued, setReissued] = useState<Reissued | null>(null);
  const conversation: AgentConversation | null = justClosed ?? live;
  const writable = conversation !== null && justClosed === null && canWrite(me, conversation);

  const shortcuts = useMemo(() => [{ code: 'KeyC', run: () => setPanel('close') }], []);
  useShortcuts(writable ? shortcuts : []);

  if (conversation === null) {
    return (
      <p class="loading" role="status">
        Opening the conversation…
      </p>
    );
  }
  const locale = resolveLocale(conversation.customer.locale);
  const watching =
    conversation.status.state === 'active' || conversation.status.state === 'waiting'
      ? `${conversation.status.agent.name} is answering; you are watching as a supervisor.`
      : 'Open this conversation from the queue to answer it.';

  return (
    <div class="conversation">
      <section class="conversation-main" aria-labelledby="conversation-title">
        <ConversationHeader conversation={conversation}>
          {writable && <ConversationActions panel={panel} onPanel={setPanel} />}
        </ConversationHeader>
        {writable && panel !== null && (
          <ActionPanelView
            panel={panel}
            conversation={conversation}
            onDone={() => setPanel(null)}
          />
        )}
        <PublicThreadPanel thread={conversation.publicThread} channel={conversation.channel} />
        <MessageList conversationId={id} messages={messages} lang={locale} />
        {justClosed === null && (
          <TypingIndicator conversationId={id} name={conversation.customer.name} />
        )}
        {reissued !== null ? (
          <ReissueResult reissued={reissued} />
        ) : justClosed !== null ? (
          <ClosingReply conversation={justClosed} />
        ) : writable ? (
          <Composer conversation={conversation} />
        ) : (
          <p class="callout">{watching}</p>
        )}
      </section>
      <CustomerPanel conversation={conversation} writable={writable} onReissued={setReissued} />
    </div>
  );
}
