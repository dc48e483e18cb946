import {
  CHANNELS,
  type Channel,
  type ConversationSearchHit,
  type Transcript,
} from '@parley/protocol';
import { useState } from 'preact/hooks';
import { exportTranscript, fetchTranscript, searchConversations } from '../api/staffApi';
import { channelLabel } from '../text/channelLabel';
import { fromLocalInput } from '../text/localDateTime';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { Dialog } from './Dialog';
import { TranscriptView } from './TranscriptView';

/** Saves a blob under a file name, through a temporary object URL. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Compliance: find conversations by customer, channel and time, read a transcript with its
 * integrity check, and export it as JSON or text. The server audit-logs every search, view and
 * export, and the screen says so.
 *
 * @example
 * <ComplianceView />
 */
export function ComplianceView() {
  const { token } = useConsole();
  const [customerId, setCustomerId] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [hits, setHits] = useState<ConversationSearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Transcript | null>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const result = await searchConversations(token(), {
      ...(customerId.trim() === '' ? {} : { customerId: customerId.trim() }),
      ...(channel === '' ? {} : { channel }),
      ...(from === '' ? {} : { from: fromLocalInput(from) ?? undefined }),
      ...(to === '' ? {} : { to: fromLocalInput(to) ?? undefined }),
    });
    if (result.ok) setHits(result.data.conversations);
    else setError(result.error.message);
  };
  const view = async (id: string) => {
    const result = await fetchTranscript(token(), id);
    if (result.ok) setOpen(result.data);
    else setError(result.error.message);
  };
  const save = async (id: string, format: 'json' | 'txt') => {
    const result = await exportTranscript(token(), id, format);
    if (result.ok) download(result.blob, `transcript-${id}.${format}`);
    else setError(result.message);
  };

  return (
    <section class="panel compliance" aria-labelledby="compliance-title">
      <h1 id="compliance-title">Transcripts</h1>
      <p class="muted">
        Every search, view and export is recorded in the audit log with your name.
      </p>
      <form class="field-row" onSubmit={(e) => void search(e)}>
        <div class="field">
          <label for="search-customer">Customer id</label>
          <input
            id="search-customer"
            value={customerId}
            onInput={(e) => setCustomerId(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="search-channel">Channel</label>
          <select
            id="search-channel"
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as Channel | '')}
          >
            <option value="">Any</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-from">From</label>
          <input
            id="search-from"
            type="datetime-local"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="search-to">To</label>
          <input
            id="search-to"
            type="datetime-local"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </div>
        <div class="field end">
          <button type="submit" class="button primary">
            Search
          </button>
        </div>
      </form>
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
      {hits !== null &&
        (hits.length === 0 ? (
          <p class="muted">No conversations match.</p>
        ) : (
          <table class="table">
            <caption class="visually-hidden">Conversations found</caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Channel</th>
                <th scope="col">Started</th>
                <th scope="col">Agent</th>
                <th scope="col">State</th>
                <th scope="col">Messages</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hits.map((hit) => (
                <tr key={hit.id}>
                  <td>
                    {hit.customerName} <span class="muted mono small">{hit.customerId}</span>
                  </td>
                  <td>
                    <ChannelBadge channel={hit.channel} />
                  </td>
                  <td>{new Date(hit.createdAt).toLocaleString()}</td>
                  <td>{hit.agentName ?? '—'}</td>
                  <td>{hit.state}</td>
                  <td>{hit.messageCount}</td>
                  <td class="row-actions">
                    <button type="button" class="button small" onClick={() => void view(hit.id)}>
                      View
                    </button>
                    <button
                      type="button"
                      class="button small ghost"
                      onClick={() => void save(hit.id, 'json')}
                    >
                      JSON
                    </button>
                    <button
                      type="button"
                      class="button small ghost"
                      onClick={() => void save(hit.id, 'txt')}
                    >
                      Text
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {open !== null && (
        <Dialog title="Transcript" onClose={() => setOpen(null)}>
          <TranscriptView transcript={open} />
        </Dialog>
      )}
    </section>
  );
}
