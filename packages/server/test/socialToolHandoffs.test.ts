import type { HandoffCreated, HandoffSummary } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addServiceKey, auditLog, handoffInput } from './fixtures.js';
import { type AgentClient, nextEvent, ok, startTestServer, type TestServer } from './harness.js';

/** The bank's social tool creates a handoff over REST with its service key. */
async function postHandoff(
  t: TestServer,
  key: string,
  owner: { team?: string; agentId?: string },
): Promise<HandoffCreated> {
  const response = await fetch(`${t.url}/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...handoffInput({ note: 'Double charge, wants it back' }), ...owner }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as HandoffCreated;
}

async function preview(t: TestServer, code: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${t.url}/v1/handoffs/preview`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return { status: response.status, body: await response.json() };
}

const ids = (list: HandoffSummary[]) => list.map((h) => h.id);

/** Everything `socket` hears of `event` from now on, to prove that something did not arrive. */
function collect<T>(socket: AgentClient, event: 'handoff:updated'): () => T[] {
  const heard: T[] = [];
  socket.on(event, (payload) => heard.push(payload as T));
  return () => heard;
}

describe('handoffs the social tool sends through the REST API', () => {
  let t: TestServer;
  let key: string;
  let olga: AgentClient;
  let piotr: AgentClient;
  let bob: AgentClient;
  let sam: AgentClient;
  beforeAll(async () => {
    t = await startTestServer();
    key = await addServiceKey(t.server.store);
    olga = await t.agent('olga', { name: 'Olga' });
    piotr = await t.agent('piotr', { name: 'Piotr' });
    bob = await t.agent('bob', { name: 'Bob', teams: ['cards'] });
    sam = await t.agent('sam', { name: 'Sam', roles: ['supervisor'] });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("appears live for the team's agents, who read its thread and one of whom picks it", async () => {
    const heardByBob = collect<HandoffSummary>(bob, 'handoff:updated');
    const heard = [olga, piotr].map((agent) =>
      nextEvent<HandoffSummary>(agent, 'handoff:updated', (h) => h.source === 'service'),
    );
    const created = await postHandoff(t, key, { team: 'social-care' });
    for (const summary of await Promise.all(heard)) {
      expect(summary).toMatchObject({
        id: created.handoffId,
        source: 'service',
        state: 'pending',
        agentId: null,
        team: 'social-care',
      });
    }
    expect(ids(await ok(olga.emitWithAck('handoff:list', {})))).toContain(created.handoffId);
    expect(ids(await ok(bob.emitWithAck('handoff:list', {})))).not.toContain(created.handoffId);

    const detail = await ok(olga.emitWithAck('handoff:get', { handoffId: created.handoffId }));
    expect(detail.handoff.source).toBe('service');
    expect(detail.locale).toBe('ru');
    expect(detail.note).toBe('Double charge, wants it back');
    // The public thread comes back as stored: redacted, so the card number never reaches a list.
    expect(detail.thread[0]?.text).toContain('[card ••••5679]');
    expect(detail.thread[0]?.text).not.toContain('4276 3800');
    expect(JSON.stringify(detail)).not.toContain(created.code);
    expect(await bob.emitWithAck('handoff:get', { handoffId: created.handoffId })).toMatchObject({
      ok: false,
      error: { code: 'HANDOFF_NOT_FOUND' },
    });

    const [first, second] = await Promise.all([
      olga.emitWithAck('handoff:pick', { handoffId: created.handoffId }),
      piotr.emitWithAck('handoff:pick', { handoffId: created.handoffId }),
    ]);
    const won = [first, second].filter((ack) => ack.ok);
    const lost = [first, second].filter((ack) => !ack.ok);
    expect(won).toHaveLength(1);
    expect(lost[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const picked = won[0]?.ok ? won[0].data : null;
    if (picked === null) throw new Error('no pick won');
    const winner = picked.handoff.agentId === 'olga' ? 'Olga' : 'Piotr';
    expect(picked.handoff).toMatchObject({ agentId: winner.toLowerCase(), state: 'pending' });
    expect(picked.link.url).toBe(created.url.replace(created.code, picked.link.code));
    expect(picked.link.code).not.toBe(created.code);
    expect(picked.link.expiresAt).toBe(created.expiresAt);
    const picks = (await auditLog(t)).filter((entry) => entry.action === 'handoff.pick');
    expect(picks).toEqual([
      expect.objectContaining({
        target: created.handoffId,
        actor: { id: winner.toLowerCase(), role: 'agent' },
      }),
    ]);
    // In the customer's language, naming the agent who will answer, with the new link.
    expect(picked.link.locale).toBe('ru');
    expect(picked.link.suggestedReply).toContain('Продолжим в личном чате');
    expect(picked.link.suggestedReply).toContain(winner);
    expect(picked.link.suggestedReply).toContain(picked.link.url);
    expect(lost[0]?.ok === false && lost[0].error.message).toContain(winner);

    // The social tool's link no longer works; the new one leads to the agent who picked it.
    expect((await preview(t, created.code)).status).toBe(404);
    expect((await preview(t, picked.link.code)).body).toMatchObject({ agentName: winner });
    expect(heardByBob()).toEqual([]);

    const agent = winner === 'Olga' ? olga : piotr;
    const claimed = nextEvent<{ conversation: { status: { agent?: { id: string } } } }>(
      agent,
      'handoff:claimed',
    );
    const anna = await t.customer('cust-anna', 'Anna Kuznetsova');
    await ok(anna.emitWithAck('handoff:claim', { code: picked.link.code }));
    expect((await claimed).conversation.status.agent?.id).toBe(winner.toLowerCase());
  });

  it('keeps a handoff sent to one agent with that agent, whom the supervisor may watch', async () => {
    const heard = nextEvent<HandoffSummary>(olga, 'handoff:updated', (h) => h.agentId === 'olga');
    const created = await postHandoff(t, key, { agentId: 'olga', team: 'social-care' });
    expect((await heard).id).toBe(created.handoffId);

    expect(ids(await ok(piotr.emitWithAck('handoff:list', {})))).not.toContain(created.handoffId);
    for (const ack of [
      await piotr.emitWithAck('handoff:get', { handoffId: created.handoffId }),
      await piotr.emitWithAck('handoff:pick', { handoffId: created.handoffId }),
    ]) {
      expect(ack).toMatchObject({ ok: false, error: { code: 'HANDOFF_NOT_FOUND' } });
    }
    const watched = await ok(sam.emitWithAck('handoff:get', { handoffId: created.handoffId }));
    expect(watched.handoff.agentId).toBe('olga');
    expect(await sam.emitWithAck('handoff:pick', { handoffId: created.handoffId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Olga') },
    });

    // Olga may pick her own twice (she lost the first link); each new link replaces the last.
    const once = await ok(olga.emitWithAck('handoff:pick', { handoffId: created.handoffId }));
    const twice = await ok(olga.emitWithAck('handoff:pick', { handoffId: created.handoffId }));
    expect((await preview(t, once.link.code)).status).toBe(404);
    expect((await preview(t, twice.link.code)).status).toBe(200);
  });

  it("lets a team agent withdraw the team's untaken handoff, and tells the team", async () => {
    const created = await postHandoff(t, key, { team: 'social-care' });
    const heard = nextEvent<HandoffSummary>(
      olga,
      'handoff:updated',
      (h) => h.id === created.handoffId && h.state === 'revoked',
    );
    const revoked = await ok(piotr.emitWithAck('handoff:revoke', { handoffId: created.handoffId }));
    expect(revoked.state).toBe('revoked');
    expect((await heard).agentId).toBeNull();
    expect(await olga.emitWithAck('handoff:pick', { handoffId: created.handoffId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('revoked') },
    });
  });

  it('marks handoffs agents create as theirs', async () => {
    const created = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const detail = await ok(olga.emitWithAck('handoff:get', { handoffId: created.handoffId }));
    expect(detail.handoff).toMatchObject({ source: 'agent', agentId: 'olga' });
  });
});
