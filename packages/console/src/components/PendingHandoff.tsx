import type { HandoffDetail, HandoffPicked } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { pendingSla } from '../sla/slaStatus';
import { useStore } from '../state/useStore';
import { channelLabel } from '../text/channelLabel';
import { ChannelBadge } from './ChannelBadge';
import { useConsole } from './ConsoleContext';
import { HandoffResult } from './HandoffResult';
import { PublicThreadPanel } from './PublicThreadPanel';
import { SlaClock } from './SlaClock';

/**
 * One pending handoff — usually one the bank's social tool sent through the REST API — with its
 * public thread, so the agent can decide, then pick it: the server gives it to the agent and
 * issues a new link (it keeps only a hash of the old one), shown with the suggested public reply
 * in the customer's language, a copy button and X's character count.
 *
 * @example
 * <PendingHandoff handoffId="ho_…" onBack={() => actions.openHandoff(null)} />
 */
export function PendingHandoff(props: { handoffId: string; onBack: () => void }) {
  const { actions, store, config, me } = useConsole();
  // The live summary (pushes keep it current: picked by a colleague, claimed, expired).
  const live = useStore(store, (s) => s.handoffs[props.handoffId]);
  const [detail, setDetail] = useState<HandoffDetail | null>(null);
  const [picked, setPicked] = useState<HandoffPicked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setDetail(null);
    setPicked(null);
    setError(null);
    void actions.getHandoff(props.handoffId).then((ack) => {
      if (!current) return;
      if (ack.ok) setDetail(ack.data);
      else setError(ack.error.message);
    });
    return () => {
      current = false;
    };
  }, [props.handoffId, actions]);

  const back = (
    <button type="button" class="button small ghost" onClick={props.onBack}>
      Back to the pending handoffs
    </button>
  );
  if (detail === null) {
    return (
      <div class="pending-handoff">
        {back}
        {error === null ? (
          <p class="muted" role="status">
            Loading the public thread…
          </p>
        ) : (
          <p class="callout error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  const handoff = live ?? detail.handoff;
  if (picked !== null) {
    return (
      <HandoffResult
        created={picked.link}
        channel={handoff.channel}
        onAnother={props.onBack}
        anotherLabel="Back to the pending handoffs"
      />
    );
  }

  const fromTool = handoff.source === 'service';
  const pickable =
    handoff.state === 'pending' && (handoff.agentId === null || handoff.agentId === me.id);
  const pick = async () => {
    setBusy(true);
    setError(null);
    const ack = await actions.pickHandoff(handoff.id);
    setBusy(false);
    if (ack.ok) setPicked(ack.data);
    else setError(ack.error.message);
  };

  return (
    <div class="pending-handoff">
      {back}
      <h2 class="pending-handoff-title">
        <ChannelBadge channel={handoff.channel} /> {handoff.customerHandle}{' '}
        {handoff.state === 'pending' && (
          <SlaClock sla={pendingSla(handoff.firstPostAt, config.slaMinutes[handoff.channel])} />
        )}
      </h2>
      <p class="muted">
        {fromTool ? 'Sent by the bank’s social tool' : 'Created in the console'}
        {handoff.agentId === null ? ' for your team' : handoff.agentId === me.id ? ' for you' : ''}{' '}
        · on {channelLabel(handoff.channel)}
      </p>
      {detail.note !== null && (
        <p class="handoff-note">
          <strong class="note-label">Internal note:</strong> {detail.note}
        </p>
      )}
      <PublicThreadPanel thread={detail.thread} channel={handoff.channel} />
      {pickable ? (
        <div class="pick">
          <p class="small">
            Picking it makes it yours and gives you the link with a suggested reply to post.{' '}
            {fromTool
              ? 'The link the social tool received stops working, so post the new one.'
              : 'Any link shown for it before stops working.'}
          </p>
          <button type="button" class="button primary" disabled={busy} onClick={() => void pick()}>
            {busy ? 'Picking…' : 'Pick it and get the link'}
          </button>
        </div>
      ) : (
        <p class="callout" role="status">
          {handoff.state !== 'pending'
            ? `This handoff is ${handoff.state}.`
            : 'A colleague has picked this handoff; the customer will reach them.'}
        </p>
      )}
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
