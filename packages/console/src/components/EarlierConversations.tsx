import type { ConversationSummary, Transcript } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { fetchTranscript } from '../api/staffApi';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { Dialog } from './Dialog';
import { TranscriptView } from './TranscriptView';

/**
 * The customer's earlier conversations across channels, loaded only when the agent asks (the
 * server audit-logs the look), and each one's transcript on request (audit-logged too).
 *
 * @example
 * <EarlierConversations customerId="cust-anna" currentId="cv_…" />
 */
export function EarlierConversations(props: { customerId: string; currentId: string }) {
  const { actions, token } = useConsole();
  const [history, setHistory] = useState<ConversationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Transcript | null>(null);

  const load = async () => {
    const ack = await actions.history(props.customerId);
    if (ack.ok) setHistory(ack.data.filter((c) => c.id !== props.currentId));
    else setError(ack.error.message);
  };
  const show = async (id: string) => {
    setError(null);
    const result = await fetchTranscript(token(), id);
    if (result.ok) setOpen(result.data);
    else setError(result.error.message);
  };

  return (
    <section class="history" aria-labelledby="history-title">
      <h3 id="history-title">Earlier conversations</h3>
      {history === null ? (
        <>
          <p class="muted small">Opening the customer’s history is recorded in the audit log.</p>
          <button type="button" class="button small" onClick={() => void load()}>
            Show earlier conversations
          </button>
        </>
      ) : history.length === 0 ? (
        <p class="muted small">No earlier conversations.</p>
      ) : (
        <ul class="history-list">
          {history.map((h) => (
            <li key={h.id}>
              <button type="button" class="history-item" onClick={() => void show(h.id)}>
                <ChannelBadge channel={h.channel} />{' '}
                {new Date(h.createdAt).toLocaleDateString([], {
                  day: 'numeric',
                  month: 'short',
                  year: 'numeric',
                })}
                <span class="muted small">
                  {' '}
                  · {h.agentName ?? 'no agent'} · {h.messageCount} messages · {h.state}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p class="callout error small" role="alert">
          {error}
        </p>
      )}
      {open !== null && (
        <Dialog
          title="Earlier conversation (view recorded in the audit log)"
          onClose={() => setOpen(null)}
        >
          <TranscriptView transcript={open} />
        </Dialog>
      )}
    </section>
  );
}
