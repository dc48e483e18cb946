import type { Transcript } from '@parley/protocol';
import { ChannelBadge } from './ChannelBadge';
import { MessageText } from './MessageText';

const EVENT_NAMES: Record<Transcript['events'][number]['type'], string> = {
  handoff_created: 'Handoff created',
  handoff_claimed: 'Handoff claimed',
  message: 'Message',
  note: 'Internal note',
  system: 'System',
  amendment: 'Redaction applied',
  assigned: 'Assigned',
  queued: 'Queued',
  transferred: 'Transferred',
  closed: 'Closed',
  callback: 'Call-back',
  survey: 'Survey',
};

/**
 * A transcript as compliance reads it: whether its hash chain verified, the public thread, and
 * every archived event in order with who did it — transfers and notes included.
 *
 * @example
 * <TranscriptView transcript={t} />
 */
export function TranscriptView(props: { transcript: Transcript }) {
  const { conversation, events, integrity } = props.transcript;
  return (
    <div class="transcript">
      <p class={integrity.verified ? 'callout success' : 'callout error'}>
        {integrity.verified
          ? 'Integrity verified: every entry matches the archive’s hash chain.'
          : 'Integrity check FAILED: the archive does not match its hash chain. Report this to security.'}{' '}
        <span class="mono small">head {integrity.head.slice(0, 16)}…</span>
      </p>
      <p>
        <ChannelBadge channel={conversation.channel} /> {conversation.customer.name} (
        {conversation.customer.id})
        {conversation.customer.socialHandle !== null && ` · ${conversation.customer.socialHandle}`}
      </p>
      {conversation.publicThread.length > 0 && (
        <>
          <h3>
            <span class="public-label">Public</span> thread
          </h3>
          <ol class="public-posts">
            {conversation.publicThread.map((post, i) => (
              <li key={i} class="public-post">
                <p class="post-meta">
                  <strong>{post.author}</strong> <span class="muted">{post.handle}</span>
                </p>
                <p class="post-text">
                  <MessageText text={post.text} />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>Events</h3>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Event</th>
            <th scope="col">By</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.index} class={event.type === 'note' ? 'note-row' : undefined}>
              <td>{event.index}</td>
              <td class="mono small">{event.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{EVENT_NAMES[event.type]}</td>
              <td>{event.actor.name ?? event.actor.role}</td>
              <td>{event.text === null ? '' : <MessageText text={event.text} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
