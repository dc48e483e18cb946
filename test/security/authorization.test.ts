import { randomBytes } from 'node:crypto';
import {
  AGENT_NAMESPACE,
  agentRequests,
  customerRequests,
  HANDOFF_CODE_REGEX,
  ID_REGEX,
  restRoutes,
} from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServiceKey } from '../../packages/server/src/auth/generateServiceKey.js';
import { newId } from '../../packages/server/src/domain/ids.js';
import { newHandoffCode } from '../../packages/server/src/handoffs/handoffCode.js';
import { handoffInput } from '../../packages/server/test/fixtures.js';
import { nextEvent, ok } from '../../packages/server/test/harness.js';
import { agentAttacks, customerAttacks, restAttacks } from './support/authorizationTable.js';
import { stopAndCheckSinks } from './support/leaks.js';
import { auth, handshake } from './support/tokens.js';
import { buildWorld, heardWithin, type World } from './support/world.js';

describe('the authorisation table', () => {
  it('has an attack for every customer event, agent event and REST route of the protocol', () => {
    expect(Object.keys(customerAttacks).sort()).toEqual(Object.keys(customerRequests).sort());
    expect(Object.keys(agentAttacks).sort()).toEqual(Object.keys(agentRequests).sort());
    expect(Object.keys(restAttacks).sort()).toEqual(Object.keys(restRoutes).sort());
  });
});

describe('authorisation on every event and route', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => stopAndCheckSinks(w.t));

  describe('/customer', () => {
    for (const [event, { attack, run }] of Object.entries(customerAttacks)) {
      it(`${event}: ${attack}`, () => run(w));
    }
  });
  describe('/agent', () => {
    for (const [event, { attack, run }] of Object.entries(agentAttacks)) {
      it(`${event}: ${attack}`, () => run(w));
    }
  });
  describe('REST', () => {
    for (const [route, { attack, run }] of Object.entries(restAttacks)) {
      const spec = restRoutes[route as keyof typeof restRoutes];
      it(`${spec.method} ${spec.path}: ${attack}`, () => run(w));
    }
  });

  it('refuses a withdrawn agent over REST as well as on the socket', async () => {
    const dave = w.t.mint.agentToken('dave', { roles: ['agent'], teams: ['social-care'] }).token;
    const headers = { authorization: `Bearer ${dave}`, 'content-type': 'application/json' };
    const create = () =>
      fetch(`${w.t.url}/v1/handoffs`, {
        method: 'POST',
        headers,
        body: JSON.stringify(handoffInput({ locale: 'en' })),
      });
    expect((await create()).status).toBe(201);
    const denied = await fetch(`${w.t.url}/v1/agents/dave/deny`, {
      method: 'POST',
      headers: w.bearer.sam,
      body: '{}',
    });
    expect(denied.status).toBe(200);
    expect(await handshake(w.t.url, AGENT_NAMESPACE, { auth: auth(dave) })).toEqual({
      connected: false,
      code: 'UNAUTHENTICATED',
    });
    // The same still-unexpired token must not keep working over HTTP for the rest of the shift.
    const after = await create();
    expect(after.status).toBe(401);
    const callbacks = await fetch(`${w.t.url}/v1/callbacks`, { headers });
    expect(callbacks.status).toBe(401);
  });

  it('lets only a supervisor of the agent’s own team, or access management, withdraw an agent', async () => {
    const deny = async (agentId: string, headers: Record<string, string>) => {
      const response = await fetch(`${w.t.url}/v1/agents/${agentId}/deny`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const frank = await w.t.agent('frank', { name: 'Frank', teams: ['cards'] });
    // Sam supervises social care, not cards: refused, Frank keeps working.
    const refused = await deny('frank', w.bearer.sam);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await w.t.server.store.isDenied('frank')).toBe(false);
    await ok(frank.emitWithAck('conversation:list', { scope: 'mine' }));
    expect(frank.connected).toBe(true);
    // An agent Parley has never seen in a supervisor's teams cannot be withdrawn by them either.
    expect((await deny('gina', w.bearer.carla)).status).toBe(403);
    expect(await w.t.server.store.isDenied('gina')).toBe(false);
    // Carla supervises cards: Frank is withdrawn and disconnected at once.
    const gone = new Promise<string>((resolve) => frank.once('disconnect', resolve));
    expect(await deny('frank', w.bearer.carla)).toMatchObject({
      status: 200,
      body: { agentId: 'frank' },
    });
    expect(await gone).toBe('io server disconnect');
    // The bank's access management (a service key) may withdraw anyone.
    const { key, keyHash } = generateServiceKey();
    await w.t.server.store.insertServiceKey({
      id: newId('serviceKey'),
      keyHash,
      name: 'access management',
      createdAt: new Date().toISOString(),
    });
    const service = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    expect((await deny('gina', service)).status).toBe(200);
    expect(await w.t.server.store.isDenied('gina')).toBe(true);
  });

  it('stops a supervisor’s team messages at once when a refreshed token no longer entitles them', async () => {
    const vera = await w.t.agent('vera', {
      name: 'Vera',
      roles: ['supervisor'],
      teams: ['social-care'],
    });
    const xena = await w.t.agent('xena', {
      name: 'Xena',
      roles: ['supervisor'],
      teams: ['social-care'],
    });
    const quinn = await w.t.customer('cust-quinn', 'Quinn');
    const started = await ok(quinn.emitWithAck('conversation:start', {}));
    const conversationId = started.conversation.id;
    const say = (clientMsgId: string) =>
      ok(quinn.emitWithAck('message:send', { conversationId, clientMsgId, text: 'hello there' }));
    const heard = (socket: typeof vera) =>
      heardWithin<{ conversationId: string }>(socket, 'message:new').then((all) =>
        all.filter((m) => m.conversationId === conversationId),
      );

    // Control: as a supervisor of the team, Vera follows the conversation live.
    const before = heard(vera);
    await say('quinn-hello-0001');
    expect(await before).toHaveLength(1);

    // Her new token makes her an agent of the card team: nothing of social care reaches her.
    await ok(
      vera.emitWithAck('session:refresh', {
        token: w.t.mint.agentToken('vera', { name: 'Vera', roles: ['agent'], teams: ['cards'] })
          .token,
      }),
    );
    // Vera listens until Xena, still a supervisor, has the message (one broadcast reaches both),
    // and a moment longer: a fixed window could close before a slow machine delivered anything.
    const toVera: { conversationId: string }[] = [];
    const onVera = (m: { conversationId: string }) => {
      if (m.conversationId === conversationId) toVera.push(m);
    };
    vera.on('message:new', onVera);
    const stillSupervised = nextEvent<{ conversationId: string }>(
      xena,
      'message:new',
      (m) => m.conversationId === conversationId,
    );
    await say('quinn-hello-0002');
    expect([await stillSupervised]).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    vera.off('message:new', onVera);
    expect(toVera).toEqual([]);
    vera.close();
    xena.close();
    quinn.close();
  });

  it('generates ids and codes that match the protocol and cannot be guessed', async () => {
    const live = [
      w.annaConversation,
      w.borisConversation,
      w.annaCallback.id,
      w.olgaPending.handoffId,
      w.hold.id,
      ...(
        await ok(
          w.olga.emitWithAck('conversation:join', {
            conversationId: w.annaConversation,
            afterSeq: 0,
          }),
        )
      ).messages.map((m) => m.id),
    ];
    for (const id of live) expect(id).toMatch(ID_REGEX);
    for (const code of [w.annaCode, w.olgaPending.code]) expect(code).toMatch(HANDOFF_CODE_REGEX);
    expect(new Set(live).size).toBe(live.length);
  });
});

/**
 * Bit balance of `samples` 128-bit values: with n samples each bit is set n/2 ± √n/2 times if the
 * bits are independent and fair. A counter, a timestamp or a weak generator leaves some bits
 * nearly constant, far outside six standard deviations.
 */
function bitBalance(samples: Buffer[]): { worstDeviation: number; sigma: number } {
  const counts = new Array<number>(128).fill(0);
  for (const bytes of samples) {
    for (let bit = 0; bit < 128; bit += 1) {
      if (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) counts[bit] = (counts[bit] ?? 0) + 1;
    }
  }
  const half = samples.length / 2;
  return {
    worstDeviation: Math.max(...counts.map((c) => Math.abs(c - half))),
    sigma: Math.sqrt(samples.length) / 2,
  };
}

describe('ids', () => {
  const N = 4_096;

  it('are 128 random bits: unique, and every bit set about half the time', () => {
    for (const make of [() => newId('conversation').slice(3), () => newHandoffCode()]) {
      const values = Array.from({ length: N }, make);
      expect(new Set(values).size).toBe(N);
      const bytes = values.map((v) => Buffer.from(v, 'base64url'));
      for (const b of bytes) expect(b.length).toBe(16);
      const { worstDeviation, sigma } = bitBalance(bytes);
      expect(worstDeviation).toBeLessThan(6 * sigma);
    }
  });

  it('the entropy check itself rejects a counter and a timestamp', () => {
    const sequential = Array.from({ length: N }, (_, i) => {
      const b = Buffer.alloc(16);
      b.writeBigUInt64BE(BigInt(i + 1), 8);
      return b;
    });
    const { worstDeviation, sigma } = bitBalance(sequential);
    expect(worstDeviation).toBeGreaterThan(6 * sigma);
    const stamped = Array.from({ length: N }, () => {
      const b = randomBytes(16);
      b.writeUInt32BE(Math.floor(Date.now() / 1000), 0);
      return b;
    });
    expect(bitBalance(stamped).worstDeviation).toBeGreaterThan(6 * sigma);
  });
});
