import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from '../../packages/server/test/fixtures.js';
import { ok, startTestServer, type TestServer } from '../../packages/server/test/harness.js';
import { assertNoSecretDigits, leakRuns, SECRETS, stopAndCheckSinks } from './support/leaks.js';

/**
 * Every free-text field a person fills in, each given a secret: the customer's messages, the
 * agent's notes, a transfer note, call-back notes, the survey comment, the handoff's note and
 * public thread, and a compliance officer's legal-hold reason. `afterAll` then reads every sink.
 */
describe('secrets typed into every free-text field', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_LOG_LEVEL: 'trace' });
  });
  afterAll(() => stopAndCheckSinks(t));

  it('the leak check finds a secret when one is there', () => {
    expect(leakRuns(SECRETS.card)).toHaveLength(5);
    expect(() => assertNoSecretDigits('a log', `card=${SECRETS.card}`)).toThrow();
    expect(() => assertNoSecretDigits('a log', SECRETS.cardSpaced.replace(/ /g, ''))).toThrow();
    expect(() => assertNoSecretDigits('a log', 'card=**** **** **** 5679')).not.toThrow();
  });

  it('reach no database row, log line, metric or transcript unredacted', async () => {
    const olga = await t.agent('olga');
    await t.agent('piotr', { name: 'Piotr' });
    const anna = await t.customer('cust-anna', 'Anna', { phone: '+48601234567' });
    const thread = handoffInput().thread.map((post) => ({
      ...post,
      text: `${post.text} ${SECRETS.cardSpaced}`,
      author: `Anna ${SECRETS.account}`,
    }));
    const { code } = await ok(
      olga.emitWithAck(
        'handoff:create',
        handoffInput({
          thread,
          note: `IBAN ${SECRETS.iban}`,
          customerHandle: `@anna_${SECRETS.card}`,
        }),
      ),
    );
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    const conversationId = conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    const texts = [
      `карта ${SECRETS.card}`,
      `IBAN ${SECRETS.iban.toLowerCase()}`,
      `счёт ${SECRETS.account}`,
      `card ${SECRETS.cardSpaced}`,
    ];
    for (const [i, text] of texts.entries()) {
      await ok(
        anna.emitWithAck('message:send', { conversationId, clientMsgId: `anna-data-${i}`, text }),
      );
    }
    await ok(
      olga.emitWithAck('note:add', {
        conversationId,
        clientMsgId: 'olga-note-01',
        text: `card ${SECRETS.card}`,
      }),
    );
    await ok(
      olga.emitWithAck('callback:request', {
        conversationId,
        window: {
          from: new Date(Date.now() + 3_600_000).toISOString(),
          to: new Date(Date.now() + 7_200_000).toISOString(),
          timeZone: 'Europe/Warsaw',
        },
        note: `account ${SECRETS.account}`,
      }),
    );
    await ok(
      olga.emitWithAck('conversation:transfer', {
        conversationId,
        to: { kind: 'agent', agentId: 'piotr' },
        note: `verified card ${SECRETS.card}`,
      }),
    );
    await ok(anna.emitWithAck('conversation:end', { conversationId }));
    await ok(
      anna.emitWithAck('survey:submit', {
        conversationId,
        score: 3,
        comment: `IBAN ${SECRETS.iban}`,
      }),
    );
    const ewa = `Bearer ${t.mint.agentToken('ewa', { roles: ['compliance'], teams: [] }).token}`;
    const hold = await fetch(`${t.url}/v1/legal-holds`, {
      method: 'POST',
      headers: { authorization: ewa, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId: 'cust-anna',
        reason: `Dispute over card ${SECRETS.card}, IBAN ${SECRETS.iban}`,
      }),
    });
    expect(hold.status).toBe(201);
    assertNoSecretDigits('the legal hold as answered', await hold.text());
    const exported = await fetch(`${t.url}/v1/customers/cust-anna/export`, {
      headers: { authorization: ewa },
    });
    assertNoSecretDigits('the customer export', await exported.text());
  });

  it('refuses malformed path parameters before they reach the audit log or the store', async () => {
    const ewa = `Bearer ${t.mint.agentToken('ewa', { roles: ['compliance'], teams: [] }).token}`;
    const sam = `Bearer ${t.mint.agentToken('sam', { roles: ['supervisor'], teams: ['social-care'] }).token}`;
    const hostile = encodeURIComponent(`card ${SECRETS.card}\u202e`);
    for (const [method, path, token] of [
      ['DELETE', `/v1/customers/${hostile}`, ewa],
      ['GET', `/v1/customers/${hostile}/export`, ewa],
      ['DELETE', `/v1/legal-holds/${hostile}`, ewa],
      ['GET', `/v1/conversations/${hostile}/transcript`, ewa],
      ['POST', `/v1/agents/${hostile}/deny`, sam],
    ] as const) {
      const response = await fetch(`${t.url}${path}`, {
        method,
        headers: { authorization: token, 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const audit = await (
      await fetch(`${t.url}/v1/audit`, { headers: { authorization: ewa } })
    ).text();
    assertNoSecretDigits('the audit log', audit);
    expect(audit).not.toContain('\u202e');
  });
});
