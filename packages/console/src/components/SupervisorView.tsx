import { slaStatus } from '../sla/slaStatus';
import { useNow } from '../sla/useNow';
import { useStore } from '../state/useStore';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { NpsDashboard } from './NpsDashboard';
import { SlaClock } from './SlaClock';

/**
 * The supervisor's floor view: every open conversation of their teams with its SLA clock, the
 * breach list (no private reply by the deadline), the queues, and the NPS dashboard.
 *
 * @example
 * <SupervisorView />
 */
export function SupervisorView() {
  const { store, actions, config } = useConsole();
  const conversations = useStore(store, (s) => s.conversations);
  const queues = useStore(store, (s) => s.queues);
  const now = useNow();
  const open = Object.values(conversations).sort(
    (a, b) => Date.parse(a.sla.deadline) - Date.parse(b.sla.deadline),
  );
  const breached = open.filter((c) => {
    const level = slaStatus(c.sla, now).level;
    return level === 'breached' || level === 'late';
  });
  const teamName = (id: string) => config.teams.find((t) => t.id === id)?.name ?? id;
  const queued = (team: string) =>
    open.filter((c) => c.status.state === 'queued' && c.team === team).length;
  const teams = [...new Set([...config.teams.map((t) => t.id), ...Object.keys(queues)])];

  const table = (rows: typeof open, caption: string) => (
    <table class="table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Customer</th>
          <th scope="col">Channel</th>
          <th scope="col">Team</th>
          <th scope="col">With</th>
          <th scope="col">SLA</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>{c.customer.name}</td>
            <td>
              <ChannelBadge channel={c.channel} />
            </td>
            <td>{c.teamName}</td>
            <td>
              {c.status.state === 'queued'
                ? `Queue #${c.status.position}`
                : c.status.state === 'closed'
                  ? '—'
                  : c.status.agent.name}
            </td>
            <td>
              <SlaClock sla={c.sla} />
            </td>
            <td>
              <button
                type="button"
                class="button small ghost"
                onClick={() => void actions.open(c.id)}
              >
                {c.status.state === 'queued' ? 'Take' : 'Watch'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section class="panel supervisor" aria-labelledby="supervisor-title">
      <h1 id="supervisor-title">Supervisor</h1>
      <div class="stat-row">
        {teams.map((team) => (
          <div key={team} class="stat">
            <span class="stat-value">{queues[team]?.size ?? queued(team)}</span>
            <span class="stat-label">in the {teamName(team)} queue</span>
          </div>
        ))}
        <div class="stat">
          <span class="stat-value">{open.length}</span>
          <span class="stat-label">open conversations</span>
        </div>
        <div class={breached.length > 0 ? 'stat stat--breached' : 'stat'}>
          <span class="stat-value">{breached.length}</span>
          <span class="stat-label">SLA breaches</span>
        </div>
      </div>
      <h2>SLA breaches</h2>
      {breached.length === 0 ? (
        <p class="muted">No open conversation has missed its SLA.</p>
      ) : (
        table(breached, 'SLA breaches')
      )}
      <h2>Live conversations</h2>
      {open.length === 0 ? (
        <p class="muted">No open conversations in your teams.</p>
      ) : (
        table(open, 'Live conversations')
      )}
      <NpsDashboard />
    </section>
  );
}
