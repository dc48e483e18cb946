import type { ConversationPatch } from './records.js';

/**
 * The columns a conversation transition may set, keyed by patch field; nothing else reaches the
 * SQL. Both stores name their columns alike, so both build their UPDATEs from this one table.
 */
export const PATCH_COLUMNS: Record<keyof ConversationPatch, string> = {
  state: 'state',
  team: 'team',
  agentId: 'agent_id',
  agentName: 'agent_name',
  fallbackAt: 'fallback_at',
  queuedAt: 'queued_at',
  closedAt: 'closed_at',
  closedBy: 'closed_by',
  lastActivityAt: 'last_activity_at',
};

/** Each side's read marker column. */
export const READ_COLUMNS = { customer: 'customer_read_seq', agent: 'agent_read_seq' } as const;
