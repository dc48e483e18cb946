import type {
  agentRequests,
  CallbackList,
  customerRequests,
  HandoffSummary,
  RouteName,
} from '@parley/protocol';
import { expect } from 'vitest';
import { ok, TEST_ENV } from '../../../packages/server/test/harness.js';
import { heardWithin, type World } from './world.js';

/**
 * The authorisation attack run against each customer event, agent event and REST route. Keyed by
 * the protocol's own tables, so a new event or route cannot ship without an entry: the coverage
 * test compares these keys with `customerRequests`, `agentRequests` and `restRoutes`.
 */
export interface Attack {
  /** What the attacker tries, in one line (shown as the test title). */
  attack: string;
  run(w: World): Promise<void>;
}

type AckLike = { ok: boolean; error?: { code: string } };

/** Asserts a refused ack with `code`. */
async function refused(ack: Promise<unknown>, code: string): Promise<void> {
  expect((await ack) as AckLike).toMatchObject({ ok: false, error: { code } });
}

async function conversation(w: World, id: string) {
  const record = await w.t.server.store.getConversation(id);
  if (record === null) throw new Error(`conversation ${id} is gone`);
  return record;
}

/** A REST call; resolves with the status and the parsed body. */
async function call(
  w: World,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${w.t.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text },
  };
}

/** The statuses each principal gets from a route; `undefined` headers means no token at all. */
async function statuses(
  w: World,
  method: string,
  path: string,
  callers: Record<string, Record<string, string> | undefined>,
  body?: unknown,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [who, headers] of Object.entries(callers)) {
    out[who] = (await call(w, method, path, headers ?? {}, body)).status;
  }
  return out;
}

const window = () => ({
  from: new Date(Date.now() + 3_600_000).toISOString(),
  to: new Date(Date.now() + 7_200_000).toISOString(),
  timeZone: 'Europe/Warsaw',
});

/** Customer B (Boris) against customer A's (Anna's) objects, one attack per event. */
export const customerAttacks: Record<keyof typeof customerRequests, Attack> = {
  'handoff:preview': {
    attack: 'Boris previews Anna’s used code and a guessed one: nothing private comes back',
    async run(w) {
      await refused(
        w.boris.emitWithAck('handoff:preview', { code: w.annaCode }),
        'HANDOFF_ALREADY_CLAIMED',
      );
      await refused(
        w.boris.emitWithAck('handoff:preview', { code: 'Zz9Zz9Zz9Zz9Zz9Zz9Zz9Z' }),
        'HANDOFF_NOT_FOUND',
      );
    },
  },
  'handoff:claim': {
    attack: 'Boris claims Anna’s code after her: refused, and her conversation stays hers',
    async run(w) {
      await refused(
        w.boris.emitWithAck('handoff:claim', { code: w.annaCode }),
        'HANDOFF_ALREADY_CLAIMED',
      );
      expect((await conversation(w, w.annaConversation)).customer.id).toBe('cust-anna');
    },
  },
  'conversation:start': {
    attack: 'Boris starts a conversation: he gets his own, never Anna’s',
    async run(w) {
      const started = await ok(w.boris.emitWithAck('conversation:start', {}));
      expect(started.conversation.id).not.toBe(w.annaConversation);
      expect((await conversation(w, started.conversation.id)).customer.id).toBe('cust-boris');
      expect(JSON.stringify(started)).not.toContain('anna');
    },
  },
  'conversation:resume': {
    attack: 'Boris resumes Anna’s conversation by id: it does not exist for him',
    async run(w) {
      await refused(
        w.boris.emitWithAck('conversation:resume', {
          conversationId: w.annaConversation,
          afterSeq: 0,
        }),
        'CONVERSATION_NOT_FOUND',
      );
      // Control: Anna can.
      await ok(
        w.anna.emitWithAck('conversation:resume', {
          conversationId: w.annaConversation,
          afterSeq: 0,
        }),
      );
    },
  },
  'conversation:end': {
    attack: 'Boris ends Anna’s conversation: refused, it stays open',
    async run(w) {
      await refused(
        w.boris.emitWithAck('conversation:end', { conversationId: w.annaConversation }),
        'CONVERSATION_NOT_FOUND',
      );
      expect((await conversation(w, w.annaConversation)).state).toBe('active');
    },
  },
  'message:send': {
    attack: 'Boris writes into Anna’s conversation: refused, nothing stored',
    async run(w) {
      const before = (await conversation(w, w.annaConversation)).lastSeq;
      await refused(
        w.boris.emitWithAck('message:send', {
          conversationId: w.annaConversation,
          clientMsgId: 'boris-intrude-01',
          text: 'hello from Boris',
        }),
        'CONVERSATION_NOT_FOUND',
      );
      expect((await conversation(w, w.annaConversation)).lastSeq).toBe(before);
    },
  },
  typing: {
    attack:
      'Boris sends typing into Anna’s conversation: Olga hears nothing (Anna’s own does reach her)',
    async run(w) {
      const heard = heardWithin<{ conversationId: string }>(w.olga, 'typing');
      w.boris.emit('typing', { conversationId: w.annaConversation, typing: true });
      expect(await heard).toEqual([]);
      const control = heardWithin<{ conversationId: string }>(w.olga, 'typing');
      w.anna.emit('typing', { conversationId: w.annaConversation, typing: true });
      expect((await control).map((e) => e.conversationId)).toContain(w.annaConversation);
    },
  },
  'message:read': {
    attack: 'Boris marks Anna’s conversation read: nothing changes, Olga hears nothing',
    async run(w) {
      const before = (await conversation(w, w.annaConversation)).customerReadSeq;
      const heard = heardWithin(w.olga, 'message:read');
      w.boris.emit('message:read', { conversationId: w.annaConversation, seq: 2 });
      expect(await heard).toEqual([]);
      expect((await conversation(w, w.annaConversation)).customerReadSeq).toBe(before);
    },
  },
  'callback:request': {
    attack: 'Boris asks for a call-back on Anna’s conversation: refused',
    async run(w) {
      await refused(
        w.boris.emitWithAck('callback:request', {
          conversationId: w.annaConversation,
          phone: '+48601234568',
          window: window(),
        }),
        'CONVERSATION_NOT_FOUND',
      );
    },
  },
  'callback:cancel': {
    attack: 'Boris cancels Anna’s call-back: refused, it still stands',
    async run(w) {
      await refused(
        w.boris.emitWithAck('callback:cancel', { callbackId: w.annaCallback.id }),
        'CALLBACK_NOT_FOUND',
      );
      expect((await w.t.server.store.getCallback(w.annaCallback.id))?.state).toBe('requested');
    },
  },
  'callback:list': {
    attack: 'Boris lists call-backs: Anna’s is not among them',
    async run(w) {
      const mine = await ok(w.boris.emitWithAck('callback:list', {}));
      expect(mine.map((c) => c.id)).not.toContain(w.annaCallback.id);
      const hers = await ok(w.anna.emitWithAck('callback:list', {}));
      expect(hers.map((c) => c.id)).toContain(w.annaCallback.id);
    },
  },
  'survey:submit': {
    attack: 'Boris answers the survey of Anna’s conversation: refused',
    async run(w) {
      await refused(
        w.boris.emitWithAck('survey:submit', { conversationId: w.annaConversation, score: 0 }),
        'CONVERSATION_NOT_FOUND',
      );
    },
  },
  'session:refresh': {
    attack: 'Boris refreshes his socket with Anna’s identity token: refused, he stays Boris',
    async run(w) {
      const annas = w.t.mint.customerIdentityToken({ sub: 'cust-anna', name: 'Anna' }).token;
      await refused(w.boris.emitWithAck('session:refresh', { token: annas }), 'FORBIDDEN');
      await refused(
        w.boris.emitWithAck('conversation:resume', {
          conversationId: w.annaConversation,
          afterSeq: 0,
        }),
        'CONVERSATION_NOT_FOUND',
      );
    },
  },
};

/** Agent B (Bob, card team) and Carla (card supervisor) against Olga's (social care) objects. */
export const agentAttacks: Record<keyof typeof agentRequests, Attack> = {
  'handoff:create': {
    attack: 'Bob’s handoff belongs to Bob and the card team; a compliance-only account is refused',
    async run(w) {
      const input = {
        channel: 'x' as const,
        thread: [{ author: 'A', handle: '@a', text: 'help', postedAt: new Date().toISOString() }],
        customerHandle: '@a',
      };
      const created = await ok(w.bob.emitWithAck('handoff:create', input));
      expect(await w.t.server.store.getHandoff(created.handoffId)).toMatchObject({
        agentId: 'bob',
        team: 'cards',
      });
      // The socket payload has no owner fields: an agent cannot hand a link to someone else.
      await refused(
        w.bob.emitWithAck('handoff:create', { ...input, team: 'social-care' } as never),
        'VALIDATION_FAILED',
      );
      const ewa = await w.t.agent('ewa', { roles: ['compliance'], teams: [] });
      await refused(ewa.emitWithAck('handoff:create', input), 'FORBIDDEN');
      ewa.close();
    },
  },
  'handoff:list': {
    attack: 'Bob and Carla list handoffs: Olga’s are not among them',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        const list = await ok(agent.emitWithAck('handoff:list', {}));
        expect(list.map((h: HandoffSummary) => h.id)).not.toContain(w.olgaPending.handoffId);
      }
      const hers = await ok(w.olga.emitWithAck('handoff:list', {}));
      expect(hers.map((h: HandoffSummary) => h.id)).toContain(w.olgaPending.handoffId);
    },
  },
  'handoff:get': {
    attack: 'Bob and Carla read Olga’s pending handoff: not found, no thread leaks',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        const answer = await agent.emitWithAck('handoff:get', {
          handoffId: w.olgaPending.handoffId,
        });
        expect(answer).toMatchObject({ ok: false, error: { code: 'HANDOFF_NOT_FOUND' } });
        expect(JSON.stringify(answer)).not.toContain('@anna');
      }
      const hers = await ok(
        w.olga.emitWithAck('handoff:get', { handoffId: w.olgaPending.handoffId }),
      );
      expect(hers.handoff.id).toBe(w.olgaPending.handoffId);
    },
  },
  'handoff:pick': {
    attack: 'Bob and Carla pick Olga’s pending handoff: refused, her link keeps working',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        await refused(
          agent.emitWithAck('handoff:pick', { handoffId: w.olgaPending.handoffId }),
          'HANDOFF_NOT_FOUND',
        );
      }
      const stored = await w.t.server.store.getHandoff(w.olgaPending.handoffId);
      expect(stored).toMatchObject({ agentId: 'olga', state: 'pending' });
      const preview = await call(
        w,
        'POST',
        '/v1/handoffs/preview',
        {},
        { code: w.olgaPending.code },
      );
      expect(preview.status).toBe(200);
    },
  },
  'handoff:revoke': {
    attack: 'Bob and Carla revoke Olga’s pending handoff: refused, it stays claimable',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        await refused(
          agent.emitWithAck('handoff:revoke', { handoffId: w.olgaPending.handoffId }),
          'HANDOFF_NOT_FOUND',
        );
      }
      expect((await w.t.server.store.getHandoff(w.olgaPending.handoffId))?.state).toBe('pending');
    },
  },
  'conversation:list': {
    attack: 'Bob lists mine, queue and all; Carla lists all: Anna’s conversation never shows',
    async run(w) {
      for (const scope of ['mine', 'queue'] as const) {
        const list = await ok(w.bob.emitWithAck('conversation:list', { scope }));
        expect(list.map((c) => c.id)).not.toContain(w.annaConversation);
      }
      await refused(w.bob.emitWithAck('conversation:list', { scope: 'all' }), 'FORBIDDEN');
      const all = await ok(w.carla.emitWithAck('conversation:list', { scope: 'all' }));
      expect(all.map((c) => c.id)).not.toContain(w.annaConversation);
      const mine = await ok(w.olga.emitWithAck('conversation:list', { scope: 'mine' }));
      expect(mine.map((c) => c.id)).toContain(w.annaConversation);
    },
  },
  'conversation:join': {
    attack: 'Bob and Carla join Anna’s conversation with Olga: refused, no message leaks',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        const answer = await agent.emitWithAck('conversation:join', {
          conversationId: w.annaConversation,
          afterSeq: 0,
        });
        expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(JSON.stringify(answer)).not.toContain('Blocked');
      }
    },
  },
  'message:send': {
    attack: 'Bob writes into Olga’s conversation: refused, nothing stored',
    async run(w) {
      const before = (await conversation(w, w.annaConversation)).lastSeq;
      await refused(
        w.bob.emitWithAck('message:send', {
          conversationId: w.annaConversation,
          clientMsgId: 'bob-intrude-0001',
          text: 'hi',
        }),
        'FORBIDDEN',
      );
      expect((await conversation(w, w.annaConversation)).lastSeq).toBe(before);
    },
  },
  typing: {
    attack:
      'Bob sends typing into Olga’s conversation: Anna hears nothing (Olga’s own does reach her)',
    async run(w) {
      const heard = heardWithin(w.anna, 'typing');
      w.bob.emit('typing', { conversationId: w.annaConversation, typing: true });
      w.carla.emit('typing', { conversationId: w.annaConversation, typing: true });
      expect(await heard).toEqual([]);
      const control = heardWithin<{ name: string }>(w.anna, 'typing');
      w.olga.emit('typing', { conversationId: w.annaConversation, typing: true });
      expect((await control).map((e) => e.name)).toContain('Olga');
    },
  },
  'message:read': {
    attack: 'Bob marks Olga’s conversation read: nothing changes, Anna hears nothing',
    async run(w) {
      const before = (await conversation(w, w.annaConversation)).agentReadSeq;
      const heard = heardWithin(w.anna, 'message:read');
      w.bob.emit('message:read', { conversationId: w.annaConversation, seq: 2 });
      expect(await heard).toEqual([]);
      expect((await conversation(w, w.annaConversation)).agentReadSeq).toBe(before);
    },
  },
  'conversation:transfer': {
    attack: 'Bob transfers Olga’s conversation to himself: refused, it stays with Olga',
    async run(w) {
      await refused(
        w.bob.emitWithAck('conversation:transfer', {
          conversationId: w.annaConversation,
          to: { kind: 'agent', agentId: 'bob' },
        }),
        'FORBIDDEN',
      );
      expect((await conversation(w, w.annaConversation)).agentId).toBe('olga');
    },
  },
  'conversation:close': {
    attack: 'Bob and Carla close Olga’s conversation: refused, it stays open',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        await refused(
          agent.emitWithAck('conversation:close', { conversationId: w.annaConversation }),
          'FORBIDDEN',
        );
      }
      expect((await conversation(w, w.annaConversation)).state).toBe('active');
    },
  },
  'note:add': {
    attack: 'Bob adds an internal note to Olga’s conversation: refused',
    async run(w) {
      await refused(
        w.bob.emitWithAck('note:add', {
          conversationId: w.annaConversation,
          clientMsgId: 'bob-note-00001',
          text: 'x',
        }),
        'FORBIDDEN',
      );
    },
  },
  'customer:history': {
    attack: 'Bob and Carla read Anna’s history: refused (Olga, her agent, may)',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        await refused(
          agent.emitWithAck('customer:history', { customerId: 'cust-anna' }),
          'FORBIDDEN',
        );
      }
      await ok(w.olga.emitWithAck('customer:history', { customerId: 'cust-anna' }));
    },
  },
  'callback:list': {
    attack: 'Bob and Carla list call-backs: Anna’s (social care) is not among them',
    async run(w) {
      for (const agent of [w.bob, w.carla]) {
        const list = await ok(agent.emitWithAck('callback:list', {}));
        expect(list.map((c) => c.id)).not.toContain(w.annaCallback.id);
      }
    },
  },
  'callback:request': {
    attack: 'Bob books a call-back on Olga’s conversation: refused',
    async run(w) {
      await refused(
        w.bob.emitWithAck('callback:request', {
          conversationId: w.annaConversation,
          window: window(),
        }),
        'FORBIDDEN',
      );
    },
  },
  'callback:update': {
    attack: 'Bob completes Anna’s call-back: refused, it stays requested',
    async run(w) {
      await refused(
        w.bob.emitWithAck('callback:update', { callbackId: w.annaCallback.id, state: 'completed' }),
        'CALLBACK_NOT_FOUND',
      );
      expect((await w.t.server.store.getCallback(w.annaCallback.id))?.state).toBe('requested');
    },
  },
  'agent:list': {
    attack: 'Bob lists agents: only his own team’s, never Olga',
    async run(w) {
      const list = await ok(w.bob.emitWithAck('agent:list', {}));
      expect(list.map((a) => a.id)).toContain('bob');
      expect(list.map((a) => a.id)).not.toContain('olga');
    },
  },
  'presence:set': {
    attack: 'Bob sets his presence: only his own changes, Olga stays online',
    async run(w) {
      expect(await ok(w.bob.emitWithAck('presence:set', { status: 'away' }))).toMatchObject({
        id: 'bob',
        status: 'away',
      });
      expect(await w.t.server.ctx.presence.statusOf('olga')).toBe('online');
      await ok(w.bob.emitWithAck('presence:set', { status: 'online' }));
    },
  },
  'session:refresh': {
    attack: 'Bob refreshes his socket with Olga’s token: refused, he stays Bob',
    async run(w) {
      const olgas = w.t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token;
      await refused(w.bob.emitWithAck('session:refresh', { token: olgas }), 'FORBIDDEN');
      await refused(
        w.bob.emitWithAck('conversation:join', { conversationId: w.annaConversation, afterSeq: 0 }),
        'FORBIDDEN',
      );
    },
  },
};

/** Every REST route, called by principals who must not get through, and one who must. */
export const restAttacks: Record<RouteName, Attack> = {
  createHandoff: {
    attack: 'no token, a customer, compliance, and Bob for social care: all refused',
    async run(w) {
      const body = {
        channel: 'x',
        thread: [{ author: 'A', handle: '@a', text: 'help', postedAt: new Date().toISOString() }],
        customerHandle: '@a',
        team: 'social-care',
      };
      expect(
        await statuses(
          w,
          'POST',
          '/v1/handoffs',
          {
            none: undefined,
            anna: w.bearer.anna,
            annaSession: w.bearer.annaSession,
            ewa: w.bearer.ewa,
            bob: w.bearer.bob,
            olga: w.bearer.olga,
          },
          body,
        ),
      ).toEqual({ none: 401, anna: 401, annaSession: 401, ewa: 403, bob: 403, olga: 201 });
    },
  },
  previewHandoff: {
    attack: 'anyone previews a guessed code: 404 and no private field',
    async run(w) {
      const answer = await call(
        w,
        'POST',
        '/v1/handoffs/preview',
        {},
        { code: 'Zz9Zz9Zz9Zz9Zz9Zz9Zz9Z' },
      );
      expect(answer.status).toBe(404);
      expect(Object.keys(answer.body)).toEqual(['error']);
    },
  },
  createCustomerSession: {
    attack: 'an agent token, a session token and no token ask for a customer session: 401',
    async run(w) {
      expect(
        await statuses(
          w,
          'POST',
          '/v1/customer/sessions',
          {
            none: undefined,
            olga: w.bearer.olga,
            annaSession: w.bearer.annaSession,
            anna: w.bearer.anna,
          },
          {},
        ),
      ).toEqual({ none: 401, olga: 401, annaSession: 401, anna: 201 });
    },
  },
  createAnonymousSession: {
    attack: 'a guest session where anonymous chat is off: 404',
    async run(w) {
      expect((await call(w, 'POST', '/v1/customer/sessions/anonymous', {}, {})).status).toBe(404);
    },
  },
  listCallbacks: {
    attack: 'no token, a customer and compliance are refused; Bob sees no social-care call-back',
    async run(w) {
      expect(
        await statuses(w, 'GET', '/v1/callbacks', {
          none: undefined,
          anna: w.bearer.anna,
          ewa: w.bearer.ewa,
        }),
      ).toEqual({ none: 401, anna: 401, ewa: 403 });
      const bobs = (await call(w, 'GET', '/v1/callbacks', w.bearer.bob))
        .body as unknown as CallbackList;
      expect(bobs.callbacks.map((c) => c.id)).not.toContain(w.annaCallback.id);
      const olgas = (await call(w, 'GET', '/v1/callbacks', w.bearer.olga))
        .body as unknown as CallbackList;
      expect(olgas.callbacks.map((c) => c.id)).toContain(w.annaCallback.id);
    },
  },
  searchConversations: {
    attack: 'an agent and a customer are refused; Carla (cards) cannot find Anna’s conversation',
    async run(w) {
      expect(
        await statuses(w, 'GET', '/v1/conversations', { anna: w.bearer.anna, bob: w.bearer.bob }),
      ).toEqual({ anna: 401, bob: 403 });
      const found = (await call(w, 'GET', '/v1/conversations?customerId=cust-anna', w.bearer.carla))
        .body as { conversations: { id: string }[] };
      expect(found.conversations.map((c) => c.id)).not.toContain(w.annaConversation);
      const ewas = (await call(w, 'GET', '/v1/conversations?customerId=cust-anna', w.bearer.ewa))
        .body as { conversations: { id: string }[] };
      expect(ewas.conversations.map((c) => c.id)).toContain(w.annaConversation);
    },
  },
  getTranscript: {
    attack: 'export without the compliance role: Bob, Carla, Anna and no token are refused',
    async run(w) {
      const path = `/v1/conversations/${w.annaConversation}/transcript`;
      expect(
        await statuses(w, 'GET', path, {
          none: undefined,
          anna: w.bearer.anna,
          annaSession: w.bearer.annaSession,
          bob: w.bearer.bob,
          carla: w.bearer.carla,
          olga: w.bearer.olga,
          ewa: w.bearer.ewa,
        }),
      ).toEqual({
        none: 401,
        anna: 401,
        annaSession: 401,
        bob: 403,
        carla: 403,
        olga: 200,
        ewa: 200,
      });
      const leaked = await call(w, 'GET', `${path}?format=txt`, w.bearer.bob);
      expect(JSON.stringify(leaked.body)).not.toContain('Blocked');
    },
  },
  npsReport: {
    attack: 'an agent and a customer read the NPS report: refused',
    async run(w) {
      expect(
        await statuses(w, 'GET', '/v1/reports/nps', {
          anna: w.bearer.anna,
          bob: w.bearer.bob,
          sam: w.bearer.sam,
        }),
      ).toEqual({ anna: 401, bob: 403, sam: 200 });
    },
  },
  listLegalHolds: {
    attack: 'a supervisor and an agent list legal holds: refused',
    async run(w) {
      expect(
        await statuses(w, 'GET', '/v1/legal-holds', {
          sam: w.bearer.sam,
          olga: w.bearer.olga,
          ewa: w.bearer.ewa,
        }),
      ).toEqual({ sam: 403, olga: 403, ewa: 200 });
    },
  },
  createLegalHold: {
    attack: 'a supervisor places a legal hold: refused',
    async run(w) {
      const body = { customerId: 'cust-anna', reason: 'Not my call to make' };
      expect(
        await statuses(
          w,
          'POST',
          '/v1/legal-holds',
          { sam: w.bearer.sam, anna: w.bearer.anna },
          body,
        ),
      ).toEqual({
        sam: 403,
        anna: 401,
      });
    },
  },
  releaseLegalHold: {
    attack: 'a supervisor lifts a legal hold: refused, it stays active',
    async run(w) {
      expect(
        await statuses(w, 'DELETE', `/v1/legal-holds/${w.hold.id}`, {
          sam: w.bearer.sam,
          carla: w.bearer.carla,
        }),
      ).toEqual({ sam: 403, carla: 403 });
      const holds = (await call(w, 'GET', '/v1/legal-holds', w.bearer.ewa)).body as {
        holds: { id: string; releasedAt: string | null }[];
      };
      expect(holds.holds.find((h) => h.id === w.hold.id)?.releasedAt).toBeNull();
    },
  },
  auditLog: {
    attack: 'a supervisor and an agent read the audit log: refused',
    async run(w) {
      expect(
        await statuses(w, 'GET', '/v1/audit', { sam: w.bearer.sam, olga: w.bearer.olga }),
      ).toEqual({
        sam: 403,
        olga: 403,
      });
    },
  },
  exportCustomer: {
    attack: 'a supervisor, an agent and the customer herself export Anna’s data: refused',
    async run(w) {
      expect(
        await statuses(w, 'GET', '/v1/customers/cust-anna/export', {
          sam: w.bearer.sam,
          olga: w.bearer.olga,
          anna: w.bearer.anna,
        }),
      ).toEqual({ sam: 403, olga: 403, anna: 401 });
    },
  },
  eraseCustomer: {
    attack: 'a supervisor erases Anna: refused, her conversation remains',
    async run(w) {
      expect(
        await statuses(w, 'DELETE', '/v1/customers/cust-anna', {
          sam: w.bearer.sam,
          anna: w.bearer.anna,
        }),
      ).toEqual({ sam: 403, anna: 401 });
      await conversation(w, w.annaConversation);
    },
  },
  denyAgent: {
    attack:
      'an agent, a customer and another team’s supervisor withdraw Bob’s access: refused, Bob stays connected',
    async run(w) {
      expect(
        await statuses(
          w,
          'POST',
          '/v1/agents/bob/deny',
          { olga: w.bearer.olga, anna: w.bearer.anna, sam: w.bearer.sam },
          {},
        ),
      ).toEqual({ olga: 403, anna: 401, sam: 403 });
      expect(w.bob.connected).toBe(true);
      expect(await w.t.server.store.isDenied('bob')).toBe(false);
    },
  },
  consoleConfig: {
    attack: 'the public console config holds no secret of the server',
    async run(w) {
      const answer = await call(w, 'GET', '/v1/console/config');
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      for (const [name, value] of Object.entries(TEST_ENV)) {
        if (/SECRET|KEY|TOKEN/.test(name)) expect(text, name).not.toContain(value);
      }
    },
  },
  demoAgentToken: {
    attack: 'a demo agent token outside demo mode: 404',
    async run(w) {
      expect((await call(w, 'POST', '/v1/demo/agent-token', {}, { agentId: 'alice' })).status).toBe(
        404,
      );
    },
  },
  demoSignIn: {
    attack: 'a demo sign-in outside demo mode: 404',
    async run(w) {
      expect((await call(w, 'POST', '/v1/demo/sign-in', {}, { name: 'Anna' })).status).toBe(404);
    },
  },
};
