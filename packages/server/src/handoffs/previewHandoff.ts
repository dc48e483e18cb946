import { type HandoffPreview, ParleyError } from '@parley/protocol';
import { teamOf } from '../conversations/views.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { HandoffRecord } from '../store/records.js';
import { hashHandoffCode } from './handoffCode.js';

/**
 * The handoff a code names, if it can still be claimed; otherwise the error that tells the
 * customer what happened and what to do next.
 *
 * @example
 * const handoff = await claimableHandoff(ctx, code);
 */
export async function claimableHandoff(ctx: ServiceContext, code: string): Promise<HandoffRecord> {
  const handoff = await ctx.store.getHandoffByCodeHash(hashHandoffCode(code));
  if (handoff === null) throw new ParleyError('HANDOFF_NOT_FOUND');
  if (handoff.state === 'claimed') throw new ParleyError('HANDOFF_ALREADY_CLAIMED');
  if (handoff.state === 'revoked') throw new ParleyError('HANDOFF_REVOKED');
  if (handoff.state === 'expired' || Date.parse(handoff.expiresAt) <= ctx.now().getTime()) {
    throw new ParleyError('HANDOFF_EXPIRED');
  }
  return handoff;
}

/**
 * What a visitor holding a link may learn before signing in: who they will talk to and where the
 * conversation began. Nothing private. No side effects: link-preview bots call it too.
 *
 * @example
 * await previewHandoff(ctx, code); // { agentName: 'Olga', teamName: 'Social care', channel: 'x', expiresAt }
 */
export async function previewHandoff(ctx: ServiceContext, code: string): Promise<HandoffPreview> {
  const handoff = await claimableHandoff(ctx, code);
  return {
    agentName: handoff.agentName,
    teamName: teamOf(ctx, handoff.team).name,
    channel: handoff.channel,
    expiresAt: handoff.expiresAt,
  };
}
