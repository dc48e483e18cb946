import type { HandoffSummary } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { nextEvent, ok, startTestServer, type TestServer } from './harness.js';

describe('claiming a handoff', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('lets exactly one of ten parallel claims win', async () => {
    const olga = await t.agent('olga');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const customers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.customer(`cust-${i}`, `Customer ${i}`)),
    );
    const results = await Promise.all(
      customers.map((c) => c.emitWithAck('handoff:claim', { code })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers).toHaveLength(9);
    for (const loser of losers)
      expect(loser).toMatchObject({ ok: false, error: { code: 'HANDOFF_ALREADY_CLAIMED' } });
    for (const c of customers) c.close();
  });

  it('refuses an unknown, a revoked and an expired code with their own errors', async () => {
    const olga = await t.agent('olga');
    const anna = await t.customer('cust-anna');
    expect(
      await anna.emitWithAck('handoff:claim', { code: 'AAAAAAAAAAAAAAAAAAAAAA' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'HANDOFF_NOT_FOUND' },
    });

    const revoked = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const summary = await ok(olga.emitWithAck('handoff:revoke', { handoffId: revoked.handoffId }));
    expect(summary.state).toBe('revoked');
    expect(await anna.emitWithAck('handoff:claim', { code: revoked.code })).toMatchObject({
      ok: false,
      error: { code: 'HANDOFF_REVOKED' },
    });

    // Create the handoff two hours ago (a one-hour link), then claim it now.
    let offsetMs = -2 * 3_600_000;
    const later = await startTestServer(
      { PARLEY_HANDOFF_TTL_HOURS: '1' },
      { now: () => new Date(Date.now() + offsetMs) },
    );
    try {
      const oldAgent = await later.agent('olga');
      const expired = await ok(oldAgent.emitWithAck('handoff:create', handoffInput()));
      offsetMs = 0;
      const customer = await later.customer('cust-late');
      expect(await customer.emitWithAck('handoff:claim', { code: expired.code })).toMatchObject({
        ok: false,
        error: { code: 'HANDOFF_EXPIRED' },
      });
    } finally {
      await later.stop();
    }
  });

  it('previews over REST without sign-in, revealing nothing private', async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const response = await fetch(`${t.url}/v1/handoffs/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(preview).sort()).toEqual(['agentName', 'channel', 'expiresAt', 'teamName']);
    expect(JSON.stringify(preview)).not.toMatch(/anna|4276|списали/i);
  });

  it('serves the link page without side effects, even to link-preview bots', async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const { code, handoffId } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    for (const agent of [
      'Twitterbot/1.0',
      'facebookexternalhit/1.1',
      'Mozilla/5.0 (iPhone) Twitter for iPhone',
    ]) {
      const page = await fetch(`${t.url}/h/${code}`, {
        headers: { 'user-agent': agent, 'accept-language': 'ru' },
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain(`#parley=${code}`);
      expect(html).toContain('Olga');
      expect(html).not.toMatch(/anna_k|4276|списали/);
    }
    const [pending] = (await ok(olga.emitWithAck('handoff:list', { state: 'pending' }))).filter(
      (h: HandoffSummary) => h.id === handoffId,
    );
    expect(pending?.state).toBe('pending');
    const anna = await t.customer('cust-after-bots');
    expect((await anna.emitWithAck('handoff:claim', { code })).ok).toBe(true);
  });

  it('rate-limits guessing: 1,000 random codes never succeed and the limit engages', async () => {
    const strict = await startTestServer({ PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '20' });
    try {
      const guesser = await strict.customer('cust-guesser');
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
      const answers: string[] = [];
      for (let i = 0; i < 1_000; i += 1) {
        let code = '';
        for (let j = 0; j < 22; j += 1)
          code += alphabet[Math.floor(Math.random() * alphabet.length)];
        // A socket that keeps hammering after being refused is disconnected: that ends the run.
        const answer = await guesser.emitWithAck('handoff:claim', { code }).catch(() => null);
        if (answer === null) break;
        answers.push(answer.ok ? 'OK' : answer.error.code);
      }
      expect(answers).not.toContain('OK');
      expect(new Set(answers)).toEqual(new Set(['HANDOFF_NOT_FOUND', 'RATE_LIMITED']));
      expect(answers.indexOf('RATE_LIMITED')).toBeLessThanOrEqual(20);
    } finally {
      await strict.stop();
    }
  });

  it('tells the agent who claimed, so a mismatch with the handle is visible', async () => {
    const olga = await t.agent('olga');
    const { code } = await ok(
      olga.emitWithAck('handoff:create', handoffInput({ customerHandle: '@anna_k' })),
    );
    const claimed = nextEvent<{
      conversation: { customer: { name: string; socialHandle: string } };
    }>(olga, 'handoff:claimed');
    const stranger = await t.customer('cust-stranger', 'Ivan Petrov');
    await ok(stranger.emitWithAck('handoff:claim', { code }));
    expect((await claimed).conversation.customer).toMatchObject({
      name: 'Ivan Petrov',
      socialHandle: '@anna_k',
    });
  });
});
