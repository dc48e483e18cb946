import type { AuditEntry, CreateHandoff } from '@parley/protocol';
import { generateServiceKey } from '../src/auth/generateServiceKey.js';
import { newId } from '../src/domain/ids.js';
import type { Store } from '../src/store/Store.js';
import type { TestServer } from './harness.js';

/** A public thread as an agent pastes it: Anna's post on X, with a card number she half-typed. */
export function publicThread(minutesAgo = 4): CreateHandoff['thread'] {
  return [
    {
      author: 'Anna K',
      handle: '@anna_k',
      text: 'списали деньги дважды за одну покупку, карта 4276 3800 1234 5679!',
      postedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      url: 'https://x.com/anna_k/status/1859999999999999999',
    },
  ];
}

/** A handoff request for the agent namespace. */
export function handoffInput(overrides: Partial<CreateHandoff> = {}): CreateHandoff {
  return {
    channel: 'x',
    thread: publicThread(),
    customerHandle: '@anna_k',
    locale: 'ru',
    ...overrides,
  };
}

/**
 * A service key for the bank's social tool, stored the way `parley-server service-key create`
 * stores it; returns the key to send as a bearer token.
 *
 * @example
 * const key = await addServiceKey(t.server.store);
 */
export async function addServiceKey(store: Store, name = 'social tool'): Promise<string> {
  const { key, keyHash } = generateServiceKey();
  await store.insertServiceKey({
    id: newId('serviceKey'),
    keyHash,
    name,
    createdAt: new Date().toISOString(),
  });
  return key;
}

/**
 * The audit log as a compliance officer reads it (`GET /v1/audit`), newest first.
 *
 * @example
 * expect(await auditLog(t)).toContainEqual(expect.objectContaining({ action: 'agent.deny' }));
 */
export async function auditLog(t: TestServer): Promise<AuditEntry[]> {
  const ewa = t.mint.agentToken('ewa', { name: 'Ewa', roles: ['compliance'], teams: [] }).token;
  const response = await fetch(`${t.url}/v1/audit`, {
    headers: { authorization: `Bearer ${ewa}` },
  });
  if (!response.ok) throw new Error(`GET /v1/audit answered ${response.status}`);
  return ((await response.json()) as { entries: AuditEntry[] }).entries;
}
