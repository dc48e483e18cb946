import { type AgentConversation, resolveLocale } from '@parley/protocol';
import { channelLabel } from '../text/channelLabel';
import { LOCALE_NAMES } from '../text/localeNames';
import { useConsole } from './ConsoleContext';
import { PublicReplyEditor } from './PublicReplyEditor';

/**
 * After closing: the survey has gone out, and — for a conversation that began in public — a
 * closing reply for the original thread in the customer's language that carries no personal
 * detail at all, to copy and post.
 *
 * @example
 * <ClosingReply conversation={closed} />
 */
export function ClosingReply(props: { conversation: AgentConversation }) {
  const { canned, actions } = useConsole();
  const c = props.conversation;
  const locale = resolveLocale(c.customer.locale);
  const publicThread = c.publicThread.length > 0 && (c.channel === 'x' || c.channel === 'facebook');
  return (
    <div class="closing">
      <p class="callout success" role="status">
        Conversation closed. {c.customer.name} has been asked the survey question.
      </p>
      {publicThread && (
        <PublicReplyEditor
          id="closing-reply"
          label={`Closing reply for the public thread on ${channelLabel(c.channel)} — ${LOCALE_NAMES[locale]} (no personal details)`}
          initial={canned.texts.closingReplies[locale]}
          lang={locale}
        />
      )}
      <button type="button" class="button" onClick={actions.dismissClosed}>
        Done — next conversation
      </button>
    </div>
  );
}
