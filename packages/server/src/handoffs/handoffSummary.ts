import type { HandoffSummary } from '@parley/protocol';
import type { HandoffRecord } from '../store/records.js';
import { SERVICE_CREATOR_PREFIX } from './handoffAccess.js';

/**
 * A handoff as agents see it in their lists. An expired handoff reads as `expired` even before
 * the sweep has marked it, so a list never offers a dead link as pending.
 *
 * @example
 * handoffSummary(record, new Date()).state; // 'pending' | 'claimed' | 'expired' | 'revoked'
 */
export function handoffSummary(record: HandoffRecord, now: Date = new Date()): HandoffSummary {
  const expired = record.state === 'pending' && Date.parse(record.expiresAt) <= now.getTime();
  return {
    id: record.id,
    state: expired ? 'expired' : record.state,
    source: record.createdBy.startsWith(SERVICE_CREATOR_PREFIX) ? 'service' : 'agent',
    channel: record.channel,
    customerHandle: record.customerHandle,
    agentId: record.agentId,
    team: record.team,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    firstPostAt: record.firstPostAt,
    claimedAt: record.claimedAt,
    conversationId: record.conversationId,
    claimedBy: record.claimedBy,
  };
}
