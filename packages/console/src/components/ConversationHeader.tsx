import type { AgentConversation } from '@parley/protocol';
import type { ComponentChildren } from 'preact';
import { ChannelBadge } from './ChannelBadge';
import { SlaClock } from './SlaClock';

function statusText(conversation: AgentConversation): string {
  const { status } = conversation;
  switch (status.state) {
    case 'waiting':
      return `Waiting for ${status.agent.name}’s first reply`;
    case 'active':
      return `With ${status.agent.name}`;
    case 'queued':
      return `In the ${conversation.teamName} queue (#${status.position})`;
    case 'closed':
      return `Closed by the ${status.by === 'idle' ? 'idle timeout' : status.by}`;
  }
}

/**
 * The conversation's title line: who, on which channel, its state, its SLA clock, and the
 * actions passed as children.
 *
 * @example
 * <ConversationHeader conversation={c}><ConversationActions … /></ConversationHeader>
 */
export function ConversationHeader(props: {
  conversation: AgentConversation;
  children?: ComponentChildren;
}) {
  const c = props.conversation;
  return (
    <header class="conversation-header">
      <div class="conversation-heading">
        <h1 id="conversation-title">
          {c.customer.name}
          {c.customer.socialHandle !== null && (
            <span class="muted handle"> {c.customer.socialHandle}</span>
          )}
        </h1>
        <p class="conversation-status">
          <ChannelBadge channel={c.channel} />
          <span>{statusText(c)}</span>
          <SlaClock sla={c.sla} />
        </p>
      </div>
      <div class="conversation-toolbar">{props.children}</div>
    </header>
  );
}
