import type {
  AgentConversationUpdate,
  CustomerConversationUpdate,
  CustomerMessage,
  HandoffClaimed,
  Message,
  SurveyRequest,
} from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './fixtures.js';
import { nextEvent, ok, startTestServer, type TestServer } from './harness.js';

const thread = [
  {
    author: 'Anna K',
    handle: '@anna_k',
    text: 'списали деньги дважды за одну покупку, карта 4276 3800 1234 5679, что за безобразие?',
    postedAt: new Date(Date.now() - 4 * 60_000).toISOString(),
    url: 'https://x.com/anna_k/status/1859999999999999999',
  },
];

describe('the whole handoff story', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('goes from a public post to a private chat with the same agent and back to the archive', async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const piotr = await t.agent('piotr', { name: 'Piotr', teams: ['social-care', 'cards'] });
    const sam = await t.agent('sam', { name: 'Sam', roles: ['supervisor'] });

    // The agent creates a handoff for the public thread; the link is public, the reply in Russian.
    const created = await ok(
      olga.emitWithAck('handoff:create', {
        channel: 'x',
        thread,
        customerHandle: '@anna_k',
        locale: 'ru',
      }),
    );
    expect(created.url.endsWith(`/h/${created.code}`)).toBe(true);
    expect(created.suggestedReply).toContain(created.url);
    expect(created.suggestedReply).toContain('Olga');

    // The customer signs in (identity token), sees who she will talk to, and claims the link.
    const anna = await t.customer('cust-anna', 'Anna Kuznetsova', {
      locale: 'ru',
      phone: '+79161234567',
    });
    const preview = await ok(anna.emitWithAck('handoff:preview', { code: created.code }));
    expect(preview).toMatchObject({ agentName: 'Olga', teamName: 'Social care', channel: 'x' });

    const claimedByOlga = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    const snapshot = await ok(anna.emitWithAck('handoff:claim', { code: created.code }));
    expect(snapshot.conversation.status).toMatchObject({ state: 'waiting', agent: { id: 'olga' } });
    expect(snapshot.conversation.publicThread[0]?.text).toContain('[card ••••5679]');
    expect(snapshot.conversation.publicThread[0]?.text).not.toContain('4276 3800');
    expect(snapshot.messages[0]?.kind).toBe('system');

    // The same agent receives the public thread and the verified customer beside the handle.
    const claimed = await claimedByOlga;
    expect(claimed.conversation.customer).toMatchObject({
      id: 'cust-anna',
      name: 'Anna Kuznetsova',
      socialHandle: '@anna_k',
    });
    expect(claimed.conversation.publicThread).toHaveLength(1);
    const conversationId = claimed.conversation.id;

    // A second claim of the same link fails.
    const mallory = await t.customer('cust-mallory', 'Mallory');
    const second = await mallory.emitWithAck('handoff:claim', { code: created.code });
    expect(second).toMatchObject({ ok: false, error: { code: 'HANDOFF_ALREADY_CLAIMED' } });

    // Messages both ways; the agent's first reply makes the conversation active.
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    const toAnna = nextEvent<CustomerMessage>(
      anna,
      'message:new',
      (m) => m.sender.role === 'agent',
    );
    await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'olga-0001',
        text: 'Anna, добрый вечер! Это Ольга.',
      }),
    );
    expect((await toAnna).text).toContain('Ольга');

    const toOlga = nextEvent<Message>(olga, 'message:new', (m) => m.sender.role === 'customer');
    const sent = await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0001',
        text: 'мой счёт 40817810099910004312, карта 4276380012345679',
      }),
    );
    expect(sent.text).not.toMatch(/4276380012345679|40817810099910004312/);
    expect((await toOlga).text).toBe(sent.text);

    // An internal note is seen by agents, never by the customer.
    let annaSawNote = false;
    anna.on('message:new', (m) => {
      if (m.text.includes('card team')) annaSawNote = true;
    });
    await ok(
      olga.emitWithAck('note:add', {
        conversationId,
        clientMsgId: 'note-0001',
        text: 'Double charge, card team please',
      }),
    );

    // Transfer to a card specialist with a note; the customer is told who she talks to now.
    const annaTold = nextEvent<CustomerConversationUpdate>(
      anna,
      'conversation:updated',
      (u) => u.reason === 'transferred',
    );
    const piotrGets = nextEvent<AgentConversationUpdate>(
      piotr,
      'conversation:updated',
      (u) => u.reason === 'transferred',
    );
    await ok(
      olga.emitWithAck('conversation:transfer', {
        conversationId,
        to: { kind: 'agent', agentId: 'piotr' },
        note: 'Card dispute',
      }),
    );
    expect((await annaTold).conversation.status).toMatchObject({
      state: 'active',
      agent: { name: 'Piotr' },
    });
    await piotrGets;
    const piotrView = await ok(
      piotr.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }),
    );
    expect(piotrView.messages.some((m) => m.kind === 'note' && m.text === 'Card dispute')).toBe(
      true,
    );
    expect(annaSawNote).toBe(false);

    // Close → survey → NPS report.
    const survey = nextEvent<SurveyRequest>(anna, 'survey:request');
    await ok(piotr.emitWithAck('conversation:close', { conversationId }));
    expect((await survey).conversationId).toBe(conversationId);
    await ok(
      anna.emitWithAck('survey:submit', { conversationId, score: 9, comment: 'Быстро и вежливо' }),
    );

    const samToken = t.mint.agentToken('sam', {
      name: 'Sam',
      roles: ['supervisor'],
      teams: ['social-care'],
    }).token;
    const nps = await fetch(`${t.url}/v1/reports/nps`, {
      headers: { authorization: `Bearer ${samToken}` },
    });
    expect(nps.status).toBe(200);
    const report = (await nps.json()) as {
      overall: { nps: number; promoters: number };
      byAgent: { agentId: string }[];
    };
    expect(report.overall).toMatchObject({ promoters: 1, nps: 100 });
    expect(report.byAgent[0]?.agentId).toBe('piotr');
    sam.close();

    // Compliance exports the transcript with the public thread and every transfer; the chain verifies.
    const ewa = t.mint.agentToken('ewa', { name: 'Ewa', roles: ['compliance'], teams: [] }).token;
    const response = await fetch(
      `${t.url}/v1/conversations/${conversationId}/transcript?format=json`,
      {
        headers: { authorization: `Bearer ${ewa}` },
      },
    );
    expect(response.status).toBe(200);
    const transcript = (await response.json()) as {
      integrity: { verified: boolean };
      conversation: { publicThread: unknown[] };
      events: { type: string; text: string | null }[];
    };
    expect(transcript.integrity.verified).toBe(true);
    expect(transcript.conversation.publicThread).toHaveLength(1);
    const types = transcript.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'handoff_created',
        'handoff_claimed',
        'message',
        'note',
        'transferred',
        'closed',
        'survey',
      ]),
    );
    const text = await (
      await fetch(`${t.url}/v1/conversations/${conversationId}/transcript?format=txt`, {
        headers: { authorization: `Bearer ${ewa}` },
      })
    ).text();
    expect(text).toContain('chain verified');
    expect(text).not.toMatch(/4276380012345679|40817810099910004312|4276 3800 1234 5679/);

    // Every view is audit-logged.
    expect(
      (await auditLog(t)).filter(
        (e) => e.action === 'transcript.view' && e.target === conversationId,
      ),
    ).toHaveLength(2);
  });
});
