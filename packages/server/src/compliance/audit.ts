import type { AuditAction } from '@parley/protocol';
import type { AgentActor, ServiceActor } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import type { ServiceContext } from '../services/ServiceContext.js';

/**
 * Writes one audit-log entry: who looked at or changed what. Compliance reads the log; nobody can
 * open a transcript, a customer's history or an export, withdraw an agent or take over a handoff
 * without leaving a trace.
 *
 * @example
 * await audit(ctx, ewa, 'transcript.view', conversationId, requestId);
 */
export async function audit(
  ctx: ServiceContext,
  actor: AgentActor | ServiceActor | { kind: 'system' },
  action: AuditAction,
  target: string,
  requestId: string | null,
): Promise<void> {
  await ctx.store.insertAudit({
    id: newId('audit'),
    at: ctx.now().toISOString(),
    actor:
      actor.kind === 'agent'
        ? { id: actor.id, role: actor.roles.join(',') }
        : actor.kind === 'service'
          ? { id: actor.keyId, role: 'service' }
          : { id: 'parley', role: 'system' },
    action,
    target,
    requestId,
  });
}
