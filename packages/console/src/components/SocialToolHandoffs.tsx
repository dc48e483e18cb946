import type { HandoffSummary } from '@parley/protocol';
import type { AgentIdentity } from '../session/decodeAgentClaims';
import { pendingSla } from '../sla/slaStatus';
import { useStore } from '../state/useStore';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { PendingHandoff } from './PendingHandoff';
import { SlaClock } from './SlaClock';

/**
 * Whether a pending handoff waits for this agent: made for them, or for one of their teams and
 * not yet picked by anyone.
 *
 * @example
 * Object.values(handoffs).filter((h) => waitsFor(me, h));
 */
export function waitsFor(me: Pick<AgentIdentity, 'id' | 'teams'>, h: HandoffSummary): boolean {
  if (h.state !== 'pending') return false;
  return h.agentId === me.id || (h.agentId === null && me.teams.includes(h.team));
}

/**
 * The pending handoffs waiting for this agent — those the bank's social tool sent through the
 * REST API, for them or for their team, and those made earlier in this console — each to open:
 * its public thread, then a pick that gives the link and the suggested reply to post.
 *
 * @example
 * <SocialToolHandoffs />
 */
export function SocialToolHandoffs() {
  const { store, actions, config, me } = useConsole();
  const handoffs = useStore(store, (s) => s.handoffs);
  const openId = useStore(store, (s) => s.openHandoffId);
  if (openId !== null) {
    return <PendingHandoff handoffId={openId} onBack={() => actions.openHandoff(null)} />;
  }
  const pending = Object.values(handoffs)
    .filter((h) => waitsFor(me, h))
    .sort((a, b) => Date.parse(a.firstPostAt) - Date.parse(b.firstPostAt));
  if (pending.length === 0) {
    return (
      <p class="muted">
        No pending handoffs. Those the social tool sends you or your team appear here at once.
      </p>
    );
  }
  return (
    <div>
      <p class="muted">
        Links waiting to be claimed — those the bank’s social tool sent for you or your team, and
        those you made here. Open one to read the public thread and pick it: you get the link and
        the reply to post. When the customer claims it, the conversation appears in your inbox.
      </p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Customer</th>
            <th scope="col">From</th>
            <th scope="col">Created</th>
            <th scope="col">SLA</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pending.map((h) => (
            <tr key={h.id}>
              <td>
                <ChannelBadge channel={h.channel} />
              </td>
              <td>{h.customerHandle}</td>
              <td>
                {h.source === 'service' ? 'Social tool' : 'Console'}
                {h.agentId === null ? ', for the team' : ''}
              </td>
              <td>
                {new Date(h.createdAt).toLocaleTimeString([], {
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </td>
              <td>
                <SlaClock sla={pendingSla(h.firstPostAt, config.slaMinutes[h.channel])} />
              </td>
              <td class="row-actions">
                <button
                  type="button"
                  class="button small"
                  aria-label={`Open the handoff for ${h.customerHandle}`}
                  onClick={() => actions.openHandoff(h.id)}
                >
                  Open
                </button>
                <button
                  type="button"
                  class="button small ghost"
                  aria-label={`Revoke the handoff for ${h.customerHandle}`}
                  onClick={() => void actions.revokeHandoff(h.id)}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
