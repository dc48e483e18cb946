import {
  type AgentConversation,
  ParleyError,
  resolveLocale,
  type TransferConversation,
} from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import type { AgentActor } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import { redactText } from '../redaction/redactText.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { agentConversation, assertOpen } from './access.js';
import { announce } from './announce.js';
import { appendSystemMessage } from './appendSystemMessage.js';
import { fanoutMessage } from './fanoutMessage.js';
import { notifyQueueChanged } from './notifyQueueChanged.js';
import { agentView, teamOf } from './views.js';

/**
 * Hands a conversation to another agent (who must be online) or to a team's queue, with a note
 * that travels along as an internal note, and tells the customer who they are talking to now.
 *
 * @example
 * await transferConversation(ctx, olga, { conversationId, to: { kind: 'agent', agentId: 'piotr' }, note });
 */
export async function transferConversation(
  ctx: ServiceContext,
  agent: AgentActor,
  input: TransferConversation,
): Promise<AgentConversation> {
  const { conversation, access } = await agentConversation(ctx, agent, input.conversationId);
  assertOpen(conversation);
  if (access === 'queue') {
    throw new ParleyError('FORBIDDEN', 'Join the conversation before transferring it.');
  }
  const now = ctx.now();
  const note = input.note === undefined ? null : redactText(ctx.metrics, input.note).text;
  let patch: Parameters<ServiceContext['store']['transitionConversation']>[2];
  let target: string;
  if (input.to.kind === 'agent') {
    const targetAgent = await ctx.presence.get(input.to.agentId);
    if (targetAgent === null) {
      throw new ParleyError(
        'AGENT_NOT_FOUND',
        `${input.to.agentId} is not online. Transfer to the team queue instead.`,
      );
    }
    target = input.to.agentId;
    patch = {
      state: 'active',
      agentId: input.to.agentId,
      agentName: targetAgent.name,
      team: targetAgent.teams.includes(conversation.team)
        ? conversation.team
        : (targetAgent.teams[0] ?? conversation.team),
      queuedAt: null,
      fallbackAt: null,
      lastActivityAt: now.toISOString(),
    };
  } else {
    const team = input.to.team;
    if (!ctx.settings.teams.some((t) => t.id === team)) {
      throw new ParleyError('TEAM_NOT_FOUND', `No team "${team}" is configured.`);
    }
    target = team;
    patch = {
      state: 'queued',
      team,
      agentId: null,
      agentName: null,
      queuedAt: now.toISOString(),
      fallbackAt: null,
      lastActivityAt: now.toISOString(),
    };
  }
  const moved = await ctx.store.transitionConversation(
    conversation.id,
    { from: ['waiting', 'active'], agentId: conversation.agentId },
    patch,
    archiveEntry('transferred', now, archiveActor(agent), {
      text: note,
      data: { to: target, kind: input.to.kind },
    }),
  );
  if (moved === null) throw new ParleyError('CONFLICT');

  if (note !== null) {
    const { message } = await ctx.store.appendMessage(
      {
        id: newId('message'),
        conversationId: moved.id,
        clientMsgId: null,
        kind: 'note',
        sender: { role: 'agent', id: agent.id, name: agent.name },
        text: note,
        redactions: [],
        createdAt: now.toISOString(),
      },
      archiveEntry('note', now, archiveActor(agent), { text: note }),
    );
    fanoutMessage(ctx.fanout, moved, message);
  }
  const locale = resolveLocale(moved.customer.locale, ctx.settings.defaultLocale);
  if (moved.state === 'active')
    await appendSystemMessage(ctx, moved, 'transferred', locale, moved.agentName ?? '');
  else await appendSystemMessage(ctx, moved, 'queued', locale, teamOf(ctx, moved.team).name);
  const latest = (await ctx.store.getConversation(moved.id)) ?? moved;
  await announce(ctx, latest, 'transferred', conversation);
  if (latest.state === 'queued') await notifyQueueChanged(ctx, latest.team);
  return agentView(ctx, latest);
}
