import {
  type CreateLegalHold,
  type CustomerExport,
  type LegalHold,
  ParleyError,
  type Transcript,
} from '@parley/protocol';
import { buildTranscript } from '../archive/buildTranscript.js';
import { type AgentActor, hasRole, inTeam } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import { redactText } from '../redaction/redactText.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { audit } from './audit.js';

/**
 * A conversation's transcript for someone entitled to it — compliance (any), a supervisor (their
 * teams'), or the agent it is assigned to — and an audit entry for the view.
 *
 * @example
 * await readTranscript(ctx, ewa, conversationId, chainKey, requestId);
 */
export async function readTranscript(
  ctx: ServiceContext,
  reader: AgentActor,
  conversationId: string,
  chainKey: Uint8Array,
  requestId: string | null,
): Promise<Transcript> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (conversation === null) throw new ParleyError('CONVERSATION_NOT_FOUND');
  const allowed =
    hasRole(reader, 'compliance') ||
    (hasRole(reader, 'supervisor') && inTeam(reader, conversation.team)) ||
    conversation.agentId === reader.id;
  if (!allowed)
    throw new ParleyError(
      'FORBIDDEN',
      'Transcripts are for compliance, the team’s supervisors and the assigned agent.',
    );
  await audit(ctx, reader, 'transcript.view', conversationId, requestId);
  return buildTranscript(ctx, conversation, chainKey, reader.id);
}

/**
 * Places a legal hold on everything of one customer: retention and erasure skip it until lifted.
 * The reason is redacted like every free text.
 *
 * @example
 * await placeLegalHold(ctx, ewa, { customerId, reason: 'Complaint 2026-118' }, requestId);
 */
export async function placeLegalHold(
  ctx: ServiceContext,
  officer: AgentActor,
  input: CreateLegalHold,
  requestId: string | null,
): Promise<LegalHold> {
  const hold: LegalHold = {
    id: newId('legalHold'),
    customerId: input.customerId,
    // Officers quote the disputed card or account here; it is stored and exported like a note.
    reason: redactText(ctx.metrics, input.reason).text,
    createdBy: officer.id,
    createdAt: ctx.now().toISOString(),
    releasedAt: null,
    releasedBy: null,
  };
  await ctx.store.insertLegalHold(hold);
  await audit(ctx, officer, 'legal_hold.set', input.customerId, requestId);
  return hold;
}

/**
 * Lifts a legal hold.
 *
 * @example
 * await liftLegalHold(ctx, ewa, holdId, requestId);
 */
export async function liftLegalHold(
  ctx: ServiceContext,
  officer: AgentActor,
  holdId: string,
  requestId: string | null,
): Promise<LegalHold> {
  const released = await ctx.store.releaseLegalHold(holdId, officer.id, ctx.now().toISOString());
  if (released === null) throw new ParleyError('NOT_FOUND', 'No active legal hold with this id.');
  await audit(ctx, officer, 'legal_hold.lift', released.customerId, requestId);
  return released;
}

/**
 * Everything held about one customer, for a data-subject access request.
 *
 * @example
 * await exportCustomer(ctx, ewa, customerId, chainKey, requestId);
 */
export async function exportCustomer(
  ctx: ServiceContext,
  officer: AgentActor,
  customerId: string,
  chainKey: Uint8Array,
  requestId: string | null,
): Promise<CustomerExport> {
  const conversations = await ctx.store.listConversations({ customerId, limit: 10_000 });
  const transcripts = [];
  for (const conversation of conversations) {
    transcripts.push(await buildTranscript(ctx, conversation, chainKey, officer.id));
  }
  const [callbacks, surveys, legalHolds] = await Promise.all([
    ctx.store.listCallbacks({ customerId, limit: 10_000 }),
    ctx.store.listSurveys({ customerId }),
    ctx.store.listLegalHolds({ customerId }),
  ]);
  await audit(ctx, officer, 'customer.export', customerId, requestId);
  return {
    customerId,
    exportedAt: ctx.now().toISOString(),
    conversations: transcripts,
    callbacks,
    surveys: surveys.map((s) => ({
      conversationId: s.conversationId,
      score: s.score,
      ...(s.comment === null ? {} : { comment: s.comment }),
      submittedAt: s.submittedAt,
    })),
    legalHolds,
  };
}

/**
 * Erases one customer (right to erasure), unless a legal hold stands.
 *
 * @example
 * await eraseCustomer(ctx, ewa, customerId, requestId);
 */
export async function eraseCustomer(
  ctx: ServiceContext,
  officer: AgentActor,
  customerId: string,
  requestId: string | null,
) {
  const result = await ctx.store.eraseCustomer(customerId);
  if (result.held) throw new ParleyError('LEGAL_HOLD');
  await audit(ctx, officer, 'customer.erase', customerId, requestId);
  return {
    customerId,
    erasedConversations: result.conversations,
    erasedCallbacks: result.callbacks,
  };
}

/**
 * Deletes conversations closed longer ago than the retention period, except under legal hold.
 *
 * @example
 * await purgeExpired(ctx, 2555);
 */
export async function purgeExpired(ctx: ServiceContext, retentionDays: number): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - retentionDays * 86_400_000).toISOString();
  const { conversations } = await ctx.store.purgeClosedBefore(cutoff);
  if (conversations > 0) await audit(ctx, { kind: 'system' }, 'retention.purge', cutoff, null);
  return conversations;
}
