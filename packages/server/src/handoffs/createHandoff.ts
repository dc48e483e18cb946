import {
  type CreateHandoffRequest,
  type HandoffCreated,
  ParleyError,
  type PublicPost,
} from '@parley/protocol';
import { type AgentActor, inTeam, type ServiceActor } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import { redactText } from '../redaction/redactText.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { HandoffRecord } from '../store/records.js';
import { hashHandoffCode, newHandoffCode } from './handoffCode.js';
import { handoffRooms, SERVICE_CREATOR_PREFIX } from './handoffAccess.js';
import { handoffLink } from './handoffLink.js';
import { handoffSummary } from './handoffSummary.js';

/** Who owns the new handoff: the creating agent, or whom a service key names. */
function ownerOf(
  ctx: ServiceContext,
  actor: AgentActor | ServiceActor,
  input: CreateHandoffRequest,
): { agentId: string | null; agentName: string | null; team: string } {
  const knownTeam = (team: string) => ctx.settings.teams.some((t) => t.id === team);
  if (actor.kind === 'agent') {
    const team = input.team ?? actor.teams[0];
    if (team === undefined || !inTeam(actor, team)) {
      throw new ParleyError('FORBIDDEN', 'You can only create handoffs for a team you belong to.');
    }
    if (input.agentId !== undefined && input.agentId !== actor.id) {
      throw new ParleyError(
        'FORBIDDEN',
        'Agents create handoffs for themselves; leave agentId out.',
      );
    }
    return { agentId: actor.id, agentName: actor.name, team };
  }
  if (input.agentId === undefined && input.team === undefined) {
    throw new ParleyError(
      'VALIDATION_FAILED',
      'A service key must name the agentId or the team the handoff belongs to.',
      {
        path: 'agentId',
      },
    );
  }
  const team = input.team ?? ctx.settings.teams[0]?.id ?? 'default';
  if (!knownTeam(team))
    throw new ParleyError('TEAM_NOT_FOUND', `No team "${team}" is configured. Check PARLEY_TEAMS.`);
  return { agentId: input.agentId ?? null, agentName: null, team };
}

function redactPost(ctx: ServiceContext, post: PublicPost): PublicPost {
  return {
    ...post,
    author: redactText(ctx.metrics, post.author).text,
    handle: redactText(ctx.metrics, post.handle).text,
    text: redactText(ctx.metrics, post.text).text,
  };
}

/**
 * Creates a handoff for a public conversation: redacts the public thread (customers post account
 * numbers in public too), stores only the code's hash, and returns the public link with a reply
 * to post. The link grants nothing by itself; the customer must sign in and claim it.
 *
 * @example
 * const { url, suggestedReply } = await createHandoff(ctx, olga, { channel: 'x', thread, customerHandle: '@anna_k' });
 */
export async function createHandoff(
  ctx: ServiceContext,
  actor: AgentActor | ServiceActor,
  input: CreateHandoffRequest,
): Promise<HandoffCreated> {
  const owner = ownerOf(ctx, actor, input);
  if (owner.agentName === null && owner.agentId !== null) {
    owner.agentName = (await ctx.presence.get(owner.agentId))?.name ?? null;
  }
  const now = ctx.now();
  const code = newHandoffCode();
  const thread = input.thread.map((post) => redactPost(ctx, post));
  const firstPostAt = thread.map((post) => post.postedAt).sort()[0] ?? now.toISOString();
  const record: HandoffRecord = {
    id: newId('handoff'),
    codeHash: hashHandoffCode(code),
    state: 'pending',
    channel: input.channel,
    thread,
    customerHandle: redactText(ctx.metrics, input.customerHandle).text,
    locale: input.locale ?? null,
    note: input.note === undefined ? null : redactText(ctx.metrics, input.note).text,
    agentId: owner.agentId,
    agentName: owner.agentName,
    team: owner.team,
    createdBy: actor.kind === 'agent' ? actor.id : `${SERVICE_CREATOR_PREFIX}${actor.keyId}`,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.settings.handoffTtlMs).toISOString(),
    firstPostAt,
    claimedAt: null,
    claimedBy: null,
    conversationId: null,
  };
  await ctx.store.insertHandoff(record);
  ctx.metrics.handoffs.inc({ event: 'created', channel: record.channel });
  // The social tool's handoffs appear in the console at once: in the inbox of the agent it names,
  // or in the pending list of every agent of the team, who may pick it.
  if (actor.kind === 'service') {
    ctx.fanout.toAgents(handoffRooms(record), 'handoff:updated', handoffSummary(record, now));
  }
  return handoffLink(ctx, record, code);
}
