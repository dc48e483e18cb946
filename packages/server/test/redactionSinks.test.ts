import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageAmended } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { nextEvent, ok, startTestServer } from './harness.js';

/** The secrets the run sends, as the digits a leak would show. */
const SECRETS = {
  card: '4276380012345679',
  iban: 'NL91ABNA0417164300',
  splitAccount: '40817810099012345678',
  publicCard: '5536913812345670',
};

/** Every 6-digit window of a secret's digits except its last four (which masks may keep). */
function leakWindows(secret: string): string[] {
  const digits = secret.replace(/\D/g, '').slice(0, -4);
  return Array.from({ length: Math.max(0, digits.length - 5) }, (_, i) => digits.slice(i, i + 6));
}

function assertNoLeak(where: string, haystack: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (const window of leakWindows(secret)) {
      expect(haystack.includes(window), `${where} holds ${window} of ${name}`).toBe(false);
    }
  }
}

describe('redaction at every sink', () => {
  it('leaves no secret digits in the SQLite file, the logs, the metrics or the transcript', async () => {
    const t = await startTestServer({ PARLEY_LOG_LEVEL: 'debug' });
    const olga = await t.agent('olga');
    const anna = await t.customer('cust-anna', 'Anna', { locale: 'ru' });
    const thread = handoffInput().thread.map((post) => ({
      ...post,
      text: `${post.text} 5536 9138 1234 5670`,
    }));
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput({ thread })));
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    const conversationId = conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));

    await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0001',
        text: 'карта 4276 3800 1234 5679, срок 12/28, CVV 123',
      }),
    );
    await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0002',
        text: 'IBAN nl91 abna 0417 1643 00',
      }),
    );
    // A number split over two messages: the first is amended everywhere once the second arrives.
    const first = await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0003',
        text: 'мой счёт 40817810',
      }),
    );
    const amendedForOlga = nextEvent<MessageAmended>(olga, 'message:amended');
    const amendedForAnna = nextEvent<MessageAmended>(anna, 'message:amended');
    const second = await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0004',
        text: '0990 1234 5678',
      }),
    );
    const [forOlga, forAnna] = await Promise.all([amendedForOlga, amendedForAnna]);
    expect(forOlga.seq).toBe(first.seq);
    expect(forAnna.text).toBe(forOlga.text);
    assertNoLeak('the amended message', `${forOlga.text} ${second.text}`);
    await ok(
      olga.emitWithAck('note:add', {
        conversationId,
        clientMsgId: 'note-0001',
        text: 'customer card 4276380012345679',
      }),
    );
    await ok(
      anna.emitWithAck('callback:request', {
        conversationId,
        phone: '+79161234567',
        window: {
          from: '2026-12-01T10:00:00Z',
          to: '2026-12-01T12:00:00Z',
          timeZone: 'Europe/Moscow',
        },
        note: 'карта 4276 3800 1234 5679',
      }),
    );
    await ok(olga.emitWithAck('conversation:close', { conversationId }));
    await ok(
      anna.emitWithAck('survey:submit', {
        conversationId,
        score: 10,
        comment: 'my IBAN is NL91ABNA0417164300',
      }),
    );

    const ewa = t.mint.agentToken('ewa', { roles: ['compliance'], teams: [] }).token;
    const transcript = await (
      await fetch(`${t.url}/v1/conversations/${conversationId}/transcript?format=txt`, {
        headers: { authorization: `Bearer ${ewa}` },
      })
    ).text();
    assertNoLeak('the transcript', transcript);
    expect(transcript).toContain('chain verified');
    const metrics = await (
      await fetch(`${t.url}/metrics`, {
        headers: { authorization: 'Bearer metrics-token-for-tests-0123456789abcdef' },
      })
    ).text();
    expect(metrics).toContain('parley_redactions_total{kind="card"}');
    assertNoLeak('/metrics', metrics);

    const dataDir = t.dataDir;
    await t.server.close();
    for (const file of ['parley.sqlite', 'parley.sqlite-wal', 'parley.sqlite-journal']) {
      const path = join(dataDir, file);
      if (existsSync(path))
        assertNoLeak(
          file,
          readFileSync(path).toString('latin1') + readFileSync(path).toString('utf8'),
        );
    }
    expect(t.logs.length).toBeGreaterThan(0);
    assertNoLeak('the logs', t.logs.join('\n'));
    await t.stop();
  });
});
