import { pendingSla } from '../sla/slaStatus';
import { useStore } from '../state/useStore';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { SlaClock } from './SlaClock';

/**
 * The pending handoffs made for this agent — by the bank's social tool through the REST API, or
 * earlier in this console. The social tool received the link when it created one and posts it
 * itself; the link cannot be shown again here (the server stores only its hash). The agent sees
 * the clock, can revoke a link, and the conversation appears in the inbox once it is claimed.
 *
 * @example
 * <SocialToolHandoffs />
 */
export function SocialToolHandoffs() {
  const { store, actions, config, me } = useConsole();
  const handoffs = useStore(store, (s) => s.handoffs);
  const pending = Object.values(handoffs)
    .filter((h) => h.state === 'pending' && (h.agentId === me.id || h.agentId === null))
    .sort((a, b) => Date.parse(a.firstPostAt) - Date.parse(b.firstPostAt));
  if (pending.length === 0) {
    return (
      <p class="muted">
        No pending handoffs. Those the social tool creates for you appear here at once.
      </p>
    );
  }
  return (
    <div>
      <p class="muted">
        Links waiting to be claimed — those the bank’s social tool created for you and those you
        made here. The social tool posts its own links; a link is shown only once, when it is
        created. When the customer claims one, the conversation appears at the top of your inbox.
      </p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Customer</th>
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
                {new Date(h.createdAt).toLocaleTimeString([], {
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </td>
              <td>
                <SlaClock sla={pendingSla(h.firstPostAt, config.slaMinutes[h.channel])} />
              </td>
              <td>
                <button
                  type="button"
                  class="button small ghost"
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
