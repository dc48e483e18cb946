import type { AgentActor, CustomerActor, ServiceActor } from '../domain/actors.js';
import type { ArchiveActor, ArchiveInput } from '../store/records.js';

/** The server itself, as an archive actor (fallbacks, idle closes, system lines). */
export const SYSTEM_ACTOR: ArchiveActor = { role: 'system', id: null, name: null };

/**
 * How an actor appears in the archive: role, id and display name, nothing else.
 *
 * @example
 * archiveActor(olga); // { role: 'agent', id: 'olga', name: 'Olga' }
 */
export function archiveActor(actor: AgentActor | CustomerActor | ServiceActor): ArchiveActor {
  switch (actor.kind) {
    case 'agent':
      return { role: 'agent', id: actor.id, name: actor.name };
    case 'customer':
      return { role: 'customer', id: actor.id, name: actor.name };
    case 'service':
      return { role: 'service', id: actor.keyId, name: actor.name };
  }
}

/**
 * An archive entry with the optional parts defaulted.
 *
 * @example
 * archiveEntry('closed', now, archiveActor(olga), { data: { by: 'agent' } });
 */
export function archiveEntry(
  type: ArchiveInput['type'],
  at: Date | string,
  actor: ArchiveActor,
  extra: Partial<Pick<ArchiveInput, 'seq' | 'text' | 'data'>> = {},
): ArchiveInput {
  return {
    type,
    at: typeof at === 'string' ? at : at.toISOString(),
    actor,
    seq: extra.seq ?? null,
    text: extra.text ?? null,
    data: extra.data ?? {},
  };
}
