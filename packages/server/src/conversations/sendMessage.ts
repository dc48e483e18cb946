import { type Message, ParleyError } from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import type { AgentActor, CustomerActor } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import type { Amendment } from '../redaction/redactMessage.js';
import { redactText } from '../redaction/redactText.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { type CommittedConversation, isAgentReply } from '../store/records.js';
import type { AppendedMessage } from '../store/Store.js';
import { assertOpen } from './access.js';
import { fanoutMessage } from './fanoutMessage.js';
import { createSerializer } from './serialize.js';
import { agentRoomsOf } from './views.js';

/** How many stored messages the split-number check and the repeat check look back over. */
const RECENT_WINDOW = 8;

const serial = createSerializer();

async function applyAmendments(
  ctx: ServiceContext,
  conversation: CommittedConversation,
  actor: AgentActor | CustomerActor,
  amendments: readonly Amendment[],
): Promise<void> {
  for (const amendment of amendments) {
    const amended = await ctx.store.amendMessage(
      conversation.id,
      amendment.seq,
      { text: amendment.text, redactions: amendment.redactions },
      archiveEntry('amendment', ctx.now(), archiveActor(actor), {
        seq: amendment.seq,
        text: amendment.text,
      }),
    );
    if (amended === null) continue;
    const payload = {
      conversationId: conversation.id,
      messageId: amended.id,
      seq: amended.seq,
      text: amended.text,
      redactions: amended.redactions,
    };
    if (amended.kind !== 'note')
      ctx.fanout.toConversation(conversation.id, 'message:amended', payload);
    ctx.fanout.toAgents(agentRoomsOf(conversation), 'message:amended', payload);
  }
}

/**
 * Stores and relays a message or an internal note: redacts it (with the split-number check over
 * the sender's previous message), appends it with the next `seq`, fans it out as soon as it is
 * committed, amends earlier messages that the check caught, and resolves once it is durable. A
 * repeated `clientMsgId` returns the stored original and relays nothing, so an outbox may resend
 * safely. `conversation` is the caller's authorised read (its head is enough); the store refuses
 * the append if the conversation closed since. (An outbox resends only after its socket dropped,
 * so the original's sync, a few milliseconds, is long done by then.)
 *
 * @example
 * const message = await sendMessage(ctx, anna, conversation, { clientMsgId, text }, 'text', socket.id);
 */
export async function sendMessage(
  ctx: ServiceContext,
  actor: AgentActor | CustomerActor,
  conversation: CommittedConversation,
  input: { clientMsgId: string; text: string },
  kind: 'text' | 'note',
  /** The socket it came from, which hears it in the acknowledgement rather than as a push. */
  fromSocket?: string,
): Promise<Message> {
  assertOpen(conversation);
  if (kind === 'note' && actor.kind !== 'agent') throw new ParleyError('FORBIDDEN');
  // The next send to this conversation may start once this one is committed and relayed; only
  // this sender's acknowledgement waits for the disk.
  const sent = await serial(conversation.id, () =>
    storeAndRelay(ctx, actor, conversation, input, kind, fromSocket),
  );
  await sent.durable;
  return sent.message;
}

async function storeAndRelay(
  ctx: ServiceContext,
  actor: AgentActor | CustomerActor,
  conversation: CommittedConversation,
  input: { clientMsgId: string; text: string },
  kind: 'text' | 'note',
  fromSocket: string | undefined,
): Promise<{ message: Message; durable: Promise<unknown> }> {
  const role = actor.kind === 'agent' ? 'agent' : 'customer';
  let recent: readonly Message[] = [];
  // A text must not reach the split-number check twice, so a resend is answered from the store
  // before redaction. The latest messages are read only when this node has not seen the
  // conversation lately or has seen this message; the store catches any other repeat.
  if (kind === 'text' && !ctx.redactors.isFresh(conversation.id, actor.id, input.clientMsgId)) {
    recent = await ctx.store.listMessages(
      conversation.id,
      Math.max(0, conversation.lastSeq - RECENT_WINDOW),
      { includeNotes: true },
    );
    const repeat = recent.find(
      (message) => message.clientMsgId === input.clientMsgId && message.sender.id === actor.id,
    );
    if (repeat !== undefined) return { message: repeat, durable: Promise.resolve() };
  }

  const redacted =
    kind === 'note'
      ? { ...redactText(ctx.metrics, input.text), amendments: [], stored: () => {} }
      : await ctx.redactors.redact(
          conversation.id,
          async () => recent,
          { role, id: actor.id },
          input,
        );
  const createdAt = ctx.now().toISOString();
  let committed: (appended: AppendedMessage) => void = () => {};
  const atCommit = new Promise<AppendedMessage>((resolve) => {
    committed = resolve;
  });
  const durable = ctx.store.appendMessage(
    {
      id: newId('message'),
      conversationId: conversation.id,
      clientMsgId: input.clientMsgId,
      kind,
      sender: { role, id: actor.id, name: actor.name },
      text: redacted.text,
      redactions: redacted.redactions,
      createdAt,
    },
    archiveEntry(kind === 'note' ? 'note' : 'message', createdAt, archiveActor(actor), {
      text: redacted.text,
    }),
    (appended) => {
      // Routed by the conversation as the commit left it: a transfer that committed first has
      // already moved it to its new agent. Amendments, below, go to every socket, the
      // sender's included: the acknowledgement carries only the new message.
      if (appended.created) {
        const fanout = fromSocket === undefined ? ctx.fanout : ctx.fanout.excluding(fromSocket);
        fanoutMessage(fanout, appended.conversation, appended.message);
      }
      committed(appended);
    },
  );
  // A failed append (CONVERSATION_CLOSED among them) rejects `durable` before any commit; a
  // failed sync rejects it afterwards, where the caller's `await sent.durable` hears it.
  const appended = await Promise.race([atCommit, durable]);
  redacted.stored(appended.message.seq);
  if (!appended.created) return { message: appended.message, durable };
  const { message, conversation: updated } = appended;
  ctx.metrics.messagesRelayed.inc({ from: role });
  await applyAmendments(ctx, updated, actor, redacted.amendments);
  // This message stopped the SLA clock if the conversation had no reply before and has it now.
  if (
    isAgentReply(message) &&
    conversation.firstReplyAt === null &&
    updated.firstReplyAt === message.createdAt &&
    message.createdAt > updated.slaDeadline
  ) {
    ctx.metrics.slaBreaches.inc({ channel: updated.channel });
  }
  return { message, durable };
}
