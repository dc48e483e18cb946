import type { Channel, HandoffCreated } from '@parley/protocol';
import { channelLabel } from '../text/channelLabel';
import { LOCALE_NAMES } from '../text/localeNames';
import { CopyButton } from './CopyButton';
import { PublicReplyEditor } from './PublicReplyEditor';

/**
 * What a new handoff gives the agent to post: the link (shown once — the server keeps only its
 * hash) and the suggested public reply in the customer's language, editable, with X's count.
 *
 * @example
 * <HandoffResult created={created} channel="x" onAnother={reset} />
 */
export function HandoffResult(props: {
  created: HandoffCreated;
  channel: Channel;
  onAnother: () => void;
  /** The button that leaves the result, e.g. back to the social tool's handoffs. */
  anotherLabel?: string;
}) {
  const { created } = props;
  const until = new Date(created.expiresAt).toLocaleString([], {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <div class="handoff-result">
      <p class="callout success" role="status">
        Handoff link created. Post the reply below in the public thread on{' '}
        {channelLabel(props.channel)}. The link works until {until} and only after the customer
        signs in with the bank.
      </p>
      <div class="field">
        <label for="handoff-link">Handoff link (shown only now)</label>
        <div class="field-foot">
          <input id="handoff-link" readOnly value={created.url} class="grow mono" />
          <CopyButton text={created.url} label="Copy link" />
        </div>
      </div>
      <PublicReplyEditor
        id="suggested-reply"
        label={`Suggested public reply — ${LOCALE_NAMES[created.locale]}`}
        initial={created.suggestedReply}
        lang={created.locale}
      />
      <button type="button" class="button" onClick={props.onAnother}>
        {props.anotherLabel ?? 'Create another handoff'}
      </button>
    </div>
  );
}
