import {
  type AgentRequestCallback,
  type Callback,
  type CallbackState,
  ParleyError,
  type RequestCallback,
  type UpdateCallback,
} from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import { agentConversation, customerConversation } from '../conversations/access.js';
import { type AgentActor, type CustomerActor, inTeam } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import { type AgentRoom, agentRoom, teamRoom } from '../fanout/Fanout.js';
import { redactText } from '../redaction/redactText.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { notifyDialer } from './notifyDialer.js';
import { assertDiallable } from './validatePhone.js';

function roomsOf(callback: Callback): AgentRoom[] {
  const rooms: AgentRoom[] = [teamRoom(callback.team)];
  if (callback.agentId !== null) rooms.push(agentRoom(callback.agentId));
  return rooms;
}

function announceCallback(ctx: ServiceContext, callback: Callback, isNew: boolean): void {
  ctx.fanout.toAgents(roomsOf(callback), isNew ? 'callback:new' : 'callback:updated', callback);
  ctx.fanout.toCustomer(callback.customerId, 'callback:updated', callback);
  ctx.metrics.callbacks.inc({ event: isNew ? 'requested' : callback.state });
  notifyDialer(ctx, callback, isNew ? 'callback.created' : 'callback.updated');
}

/**
 * A customer asks to be phoned back, from a conversation or from the launcher. The number must
 * exist in its country's plan; the note is redacted like every text.
 *
 * @example
 * await requestCallback(ctx, anna, { phone: '+79161234567', window });
 */
export async function requestCallback(
  ctx: ServiceContext,
  actor: CustomerActor | AgentActor,
  input: RequestCallback | AgentRequestCallback,
): Promise<Callback> {
  const now = ctx.now().toISOString();
  const conversation =
    input.conversationId === undefined
      ? null
      : actor.kind === 'customer'
        ? await customerConversation(ctx, actor, input.conversationId)
        : (await agentConversation(ctx, actor, input.conversationId)).conversation;
  if (actor.kind === 'agent' && conversation === null)
    throw new ParleyError('CONVERSATION_NOT_FOUND');
  const phone =
    input.phone ?? conversation?.customer.phone ?? (actor.kind === 'customer' ? actor.phone : null);
  if (phone === null || phone === undefined) {
    throw new ParleyError(
      'VALIDATION_FAILED',
      'The bank holds no phone number for this customer; enter one.',
      { path: 'phone' },
    );
  }
  assertDiallable(phone, 'phone');
  const customer = conversation?.customer ?? (actor.kind === 'customer' ? actor : null);
  if (customer === null) throw new ParleyError('CONVERSATION_NOT_FOUND');
  const callback: Callback = {
    id: newId('callback'),
    conversationId: conversation?.id ?? null,
    customerId: customer.id,
    customerName: customer.name,
    phone,
    window: input.window,
    note: input.note === undefined ? null : redactText(ctx.metrics, input.note).text,
    state: 'requested',
    team: conversation?.team ?? ctx.settings.teams[0]?.id ?? 'default',
    agentId: actor.kind === 'agent' ? actor.id : (conversation?.agentId ?? null),
    requestedBy: actor.kind,
    scheduledFor: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.insertCallback(
    callback,
    conversation === null
      ? null
      : archiveEntry('callback', now, archiveActor(actor), {
          text: callback.note,
          data: { callbackId: callback.id, state: 'requested' },
        }),
  );
  announceCallback(ctx, callback, true);
  return callback;
}

async function changeCallback(
  ctx: ServiceContext,
  callback: Callback,
  from: CallbackState[],
  patch: Partial<Pick<Callback, 'state' | 'scheduledFor' | 'agentId'>>,
  actor: CustomerActor | AgentActor,
): Promise<Callback> {
  const now = ctx.now().toISOString();
  const updated = await ctx.store.updateCallback(
    callback.id,
    from,
    { ...patch, updatedAt: now },
    callback.conversationId === null
      ? null
      : archiveEntry('callback', now, archiveActor(actor), {
          data: { callbackId: callback.id, state: patch.state ?? callback.state },
        }),
  );
  if (updated === null) {
    throw new ParleyError(
      'CONFLICT',
      `This call-back is already ${callback.state.replace('_', ' ')}.`,
    );
  }
  announceCallback(ctx, updated, false);
  return updated;
}

/**
 * The customer cancels their own call-back before it is made.
 *
 * @example
 * await cancelCallback(ctx, anna, callbackId);
 */
export async function cancelCallback(
  ctx: ServiceContext,
  customer: CustomerActor,
  callbackId: string,
): Promise<Callback> {
  const callback = await ctx.store.getCallback(callbackId);
  if (callback === null || callback.customerId !== customer.id)
    throw new ParleyError('CALLBACK_NOT_FOUND');
  return changeCallback(
    ctx,
    callback,
    ['requested', 'scheduled'],
    { state: 'cancelled' },
    customer,
  );
}

/**
 * An agent (or the dialer's integration) schedules, completes or records an unanswered call.
 *
 * @example
 * await updateCallback(ctx, olga, { callbackId, state: 'completed' });
 */
export async function updateCallback(
  ctx: ServiceContext,
  agent: AgentActor,
  input: UpdateCallback,
): Promise<Callback> {
  const callback = await ctx.store.getCallback(input.callbackId);
  if (callback === null || !(inTeam(agent, callback.team) || callback.agentId === agent.id)) {
    throw new ParleyError('CALLBACK_NOT_FOUND');
  }
  // A scheduled call may be rescheduled; a finished or cancelled one is final.
  return changeCallback(
    ctx,
    callback,
    ['requested', 'scheduled'],
    {
      state: input.state,
      scheduledFor: input.scheduledFor ?? callback.scheduledFor,
      agentId: callback.agentId ?? agent.id,
    },
    agent,
  );
}

/**
 * Call-backs an agent may see: their own and their teams' (supervisors: their teams').
 *
 * @example
 * await listCallbacks(ctx, olga, { state: 'requested' });
 */
export async function listCallbacks(
  ctx: ServiceContext,
  agent: AgentActor,
  filter: { state?: CallbackState },
): Promise<Callback[]> {
  return ctx.store.listCallbacks({
    teams: [...agent.teams],
    ...(filter.state === undefined ? {} : { states: [filter.state] }),
    limit: 500,
  });
}
