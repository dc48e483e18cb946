import { useState } from 'preact/hooks';
import type { InboxRow } from '../state/inboxSections';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { formatWindow } from './formatWindow';
import { SlaClock } from './SlaClock';

const STATE_LABEL = {
  waiting: 'Waiting for you',
  active: 'Active',
  pending: 'Link not claimed yet',
  claimed: 'Claimed',
  expired: 'Expired',
  revoked: 'Revoked',
} as const;

/**
 * One row of the inbox: who, where, what state, and the SLA clock. A conversation row opens the
 * conversation (a queue row takes it); a pending handoff opens in the handoff view — its thread,
 * and the pick that gives its link — or can be revoked from here.
 *
 * @example
 * <InboxRowView row={row} selected={false} />
 */
export function InboxRowView(props: { row: InboxRow; selected: boolean }) {
  const { actions } = useConsole();
  const { row } = props;
  const [error, setError] = useState<string | null>(null);

  if (row.kind === 'conversation') {
    const c = row.conversation;
    const state =
      c.status.state === 'queued'
        ? `Queued #${c.status.position} — open to take it`
        : STATE_LABEL[c.status.state === 'closed' ? 'active' : c.status.state];
    return (
      <li class="inbox-row-item">
        <button
          type="button"
          class={`inbox-row${row.unread > 0 ? ' unread' : ''}`}
          aria-current={props.selected ? 'true' : undefined}
          onClick={() => void actions.open(c.id)}
        >
          <span class="row-line">
            <ChannelBadge channel={c.channel} />
            <span class="row-name">{c.customer.name}</span>
            <SlaClock sla={row.sla} />
          </span>
          <span class="row-line muted">
            <span class="row-meta">
              {c.customer.socialHandle ?? c.teamName} · {state}
            </span>
            {row.unread > 0 && <span class="badge">{row.unread} new</span>}
          </span>
        </button>
      </li>
    );
  }

  if (row.kind === 'handoff') {
    const h = row.handoff;
    const revoke = async () => {
      const ack = await actions.revokeHandoff(h.id);
      setError(ack.ok ? null : ack.error.message);
    };
    return (
      <li class="inbox-row-item">
        <div class="inbox-row static">
          <span class="row-line">
            <ChannelBadge channel={h.channel} />
            <span class="row-name">{h.customerHandle}</span>
            {row.sla !== null && <SlaClock sla={row.sla} />}
          </span>
          <span class="row-line muted">
            <span class="row-meta">
              {h.source === 'service' && h.state === 'pending'
                ? `From the social tool${h.agentId === null ? ', for the team' : ''} · `
                : ''}
              {h.state === 'claimed' && h.claimedBy !== null
                ? `Claimed by ${h.claimedBy.name}`
                : STATE_LABEL[h.state]}
              {h.state === 'pending' &&
                ` · until ${new Date(h.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}
            </span>
            {h.state === 'pending' && (
              <span class="row-actions">
                <button
                  type="button"
                  class="button small ghost"
                  aria-label={`Open the handoff for ${h.customerHandle}`}
                  onClick={() => actions.openHandoff(h.id)}
                >
                  Open
                </button>
                <button type="button" class="button small ghost" onClick={() => void revoke()}>
                  Revoke
                </button>
              </span>
            )}
            {h.state === 'claimed' && h.conversationId !== null && (
              <button
                type="button"
                class="button small ghost"
                onClick={() => void actions.open(h.conversationId ?? '')}
              >
                Open
              </button>
            )}
          </span>
          {error !== null && (
            <span class="row-error" role="alert">
              {error}
            </span>
          )}
        </div>
      </li>
    );
  }

  const cb = row.callback;
  const mark = async (state: 'completed' | 'no_answer') => {
    const ack = await actions.updateCallback({ callbackId: cb.id, state });
    setError(ack.ok ? null : ack.error.message);
  };
  return (
    <li class="inbox-row-item">
      <div class="inbox-row static">
        <span class="row-line">
          <span class="channel channel--phone">Call</span>
          <span class="row-name">{cb.customerName}</span>
          <span class="muted small">{cb.phone}</span>
        </span>
        <span class="row-line muted">
          <span class="row-meta">{formatWindow(cb.window)}</span>
          <span class="row-actions">
            <button type="button" class="button small ghost" onClick={() => void mark('completed')}>
              Called
            </button>
            <button type="button" class="button small ghost" onClick={() => void mark('no_answer')}>
              No answer
            </button>
          </span>
        </span>
        {cb.note !== null && <span class="row-note">{cb.note}</span>}
        {error !== null && (
          <span class="row-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </li>
  );
}
