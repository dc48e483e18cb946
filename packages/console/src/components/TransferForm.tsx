import { type AgentConversation, NOTE_MAX } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';

/**
 * Transfers the conversation to a colleague or to a team's queue, with a note that travels along
 * as an internal note; the customer is told who they are talking to now.
 *
 * @example
 * <TransferForm conversation={c} onDone={closePanel} />
 */
export function TransferForm(props: { conversation: AgentConversation; onDone: () => void }) {
  const { actions, store, me, config } = useConsole();
  const agents = useStore(store, (s) => s.agents).filter((a) => a.id !== me.id);
  const [kind, setKind] = useState<'agent' | 'team'>('agent');
  const [agentId, setAgentId] = useState('');
  const [team, setTeam] = useState(props.conversation.team);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void actions.refreshAgents();
  }, [actions]);
  const chosenAgent = agentId || (agents.find((a) => a.status === 'online')?.id ?? '');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (kind === 'agent' && chosenAgent === '') {
      setError('Pick a colleague, or transfer to a team queue.');
      return;
    }
    setBusy(true);
    const ack = await actions.transfer({
      conversationId: props.conversation.id,
      to: kind === 'agent' ? { kind: 'agent', agentId: chosenAgent } : { kind: 'team', team },
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
    setBusy(false);
    if (ack.ok) props.onDone();
    else setError(ack.error.message);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Transfer">
      <fieldset class="inline">
        <legend>Transfer to</legend>
        <label class="check">
          <input
            type="radio"
            name="transfer-kind"
            checked={kind === 'agent'}
            onChange={() => setKind('agent')}
          />{' '}
          A colleague
        </label>
        <label class="check">
          <input
            type="radio"
            name="transfer-kind"
            checked={kind === 'team'}
            onChange={() => setKind('team')}
          />{' '}
          A team queue
        </label>
      </fieldset>
      {kind === 'agent' ? (
        <div class="field">
          <label for="transfer-agent">Colleague</label>
          <select
            id="transfer-agent"
            value={chosenAgent}
            onChange={(e) => setAgentId(e.currentTarget.value)}
          >
            {agents.length === 0 && <option value="">Nobody else is signed in</option>}
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} — {a.status}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div class="field">
          <label for="transfer-team">Team</label>
          <select id="transfer-team" value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
            {config.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="transfer-note">Note for the colleague (internal)</label>
        <textarea
          id="transfer-note"
          rows={2}
          maxLength={NOTE_MAX}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
      <p class="row-actions">
        <button type="submit" class="button primary small" disabled={busy}>
          Transfer
        </button>
        <button type="button" class="button small ghost" onClick={props.onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}
