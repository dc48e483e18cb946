import type { Callback, HandoffCreated, LegalHold } from '@parley/protocol';
import { handoffInput } from '../../../packages/server/test/fixtures.js';
import {
  type AgentClient,
  type CustomerClient,
  ok,
  startTestServer,
  type TestServer,
} from '../../../packages/server/test/harness.js';
import { SECRETS } from './leaks.js';

/**
 * Two of everything, so every attack has a victim and an attacker: Anna's conversation with Olga
 * (social care), a call-back of Anna's, a pending handoff of Olga's and a legal hold; Boris, a
 * customer with his own conversation; Bob, an agent of the card team; Carla, the card team's
 * supervisor; Ewa, compliance.
 */
export interface World {
  t: TestServer;
  anna: CustomerClient;
  boris: CustomerClient;
  olga: AgentClient;
  bob: AgentClient;
  carla: AgentClient;
  annaConversation: string;
  /** The code of the handoff Anna claimed. */
  annaCode: string;
  borisConversation: string;
  annaCallback: Callback;
  olgaPending: HandoffCreated;
  hold: LegalHold;
  /** Bearer headers for REST calls as each principal. */
  bearer: Record<
    'anna' | 'annaSession' | 'olga' | 'bob' | 'carla' | 'sam' | 'ewa',
    Record<string, string>
  >;
}

const json = { 'content-type': 'application/json' };

/** Starts a server and builds the world; `t.stop()` ends it. */
export async function buildWorld(): Promise<World> {
  const t = await startTestServer({
    PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
    PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '1000',
  });
  const olga = await t.agent('olga', { name: 'Olga' });
  const bob = await t.agent('bob', { name: 'Bob', teams: ['cards'] });
  const carla = await t.agent('carla', { name: 'Carla', roles: ['supervisor'], teams: ['cards'] });
  const anna = await t.customer('cust-anna', 'Anna', { phone: '+48601234567' });
  const boris = await t.customer('cust-boris', 'Boris');

  const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
  const annaConversation = (await ok(anna.emitWithAck('handoff:claim', { code }))).conversation.id;
  await ok(
    olga.emitWithAck('conversation:join', { conversationId: annaConversation, afterSeq: 0 }),
  );
  await ok(
    anna.emitWithAck('message:send', {
      conversationId: annaConversation,
      clientMsgId: 'anna-secret-0001',
      text: `my card is ${SECRETS.card}, please block it`,
    }),
  );
  await ok(
    olga.emitWithAck('message:send', {
      conversationId: annaConversation,
      clientMsgId: 'olga-reply-0001',
      text: 'Blocked. Anything else?',
    }),
  );
  const annaCallback = await ok(
    anna.emitWithAck('callback:request', {
      conversationId: annaConversation,
      phone: '+48601234567',
      window: {
        from: new Date(Date.now() + 3_600_000).toISOString(),
        to: new Date(Date.now() + 7_200_000).toISOString(),
        timeZone: 'Europe/Warsaw',
      },
      note: `account ${SECRETS.account}`,
    }),
  );
  const olgaPending = await ok(olga.emitWithAck('handoff:create', handoffInput()));
  const borisConversation = (await ok(boris.emitWithAck('conversation:start', {}))).conversation.id;

  const token = (id: string, roles: ('agent' | 'supervisor' | 'compliance')[], teams: string[]) =>
    ({
      ...json,
      authorization: `Bearer ${t.mint.agentToken(id, { roles, teams }).token}`,
    }) as Record<string, string>;
  const identity = t.mint.customerIdentityToken({ sub: 'cust-anna', name: 'Anna' }).token;
  const session = (await (
    await fetch(`${t.url}/v1/customer/sessions`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${identity}` },
      body: '{}',
    })
  ).json()) as { token: string };
  const bearer: World['bearer'] = {
    anna: { ...json, authorization: `Bearer ${identity}` },
    annaSession: { ...json, authorization: `Bearer ${session.token}` },
    olga: token('olga', ['agent'], ['social-care']),
    bob: token('bob', ['agent'], ['cards']),
    carla: token('carla', ['supervisor'], ['cards']),
    sam: token('sam', ['supervisor'], ['social-care']),
    ewa: token('ewa', ['compliance'], []),
  };
  const hold = (await (
    await fetch(`${t.url}/v1/legal-holds`, {
      method: 'POST',
      headers: bearer.ewa,
      body: JSON.stringify({ customerId: 'cust-held', reason: 'Complaint 2026-118' }),
    })
  ).json()) as LegalHold;
  return {
    t,
    anna,
    boris,
    olga,
    bob,
    carla,
    annaConversation,
    annaCode: code,
    borisConversation,
    annaCallback,
    olgaPending,
    hold,
    bearer,
  };
}

/**
 * Collects `event` on `socket` for `ms`, to prove that something did NOT arrive (signals have no
 * ack, so silence is the only answer).
 */
export async function heardWithin<T>(
  socket: CustomerClient | AgentClient,
  event: string,
  ms = 400,
): Promise<T[]> {
  const emitter = socket as unknown as Listening;
  const seen: T[] = [];
  const listener = (payload: unknown) => seen.push(payload as T);
  emitter.on(event, listener);
  await new Promise((resolve) => setTimeout(resolve, ms));
  emitter.off(event, listener);
  return seen;
}

/** The untyped face of a client socket, for listening by a name computed at run time. */
interface Listening {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}
