import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMER_NAMESPACE } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashHandoffCode } from '../../packages/server/src/handoffs/handoffCode.js';
import { handoffInput } from '../../packages/server/test/fixtures.js';
import { ok, startTestServer, type TestServer } from '../../packages/server/test/harness.js';
import { stopAndCheckSinks } from './support/leaks.js';
import { auth, handshake } from './support/tokens.js';

const randomCode = () => randomBytes(16).toString('base64url');

/** Link-preview fetchers that open every link posted on X, Facebook and in messengers. */
const PREVIEW_BOTS = [
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'WhatsApp/2.23.20.0',
  'TelegramBot (like TwitterBot)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Twitter for iPhone',
];

describe('handoff links', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
      PARLEY_ANONYMOUS_CHAT: 'true',
    });
  });
  afterAll(() => stopAndCheckSinks(t));

  it('are claimed once: a second claim, by anyone, is refused', async () => {
    const olga = await t.agent('olga');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const anna = await t.customer('cust-anna');
    const first = await ok(anna.emitWithAck('handoff:claim', { code }));
    for (const who of [anna, await t.customer('cust-boris', 'Boris')]) {
      expect(await who.emitWithAck('handoff:claim', { code })).toMatchObject({
        ok: false,
        error: { code: 'HANDOFF_ALREADY_CLAIMED' },
      });
    }
    const conversations = await t.server.store.listConversations({ limit: 100 });
    expect(conversations.filter((c) => c.handoffId === first.conversation.handoffId)).toHaveLength(
      1,
    );
  });

  it('cannot be claimed without signing in with the bank', async () => {
    const olga = await t.agent('olga');
    const { code, handoffId } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    // No token: no socket at all.
    expect(await handshake(t.url, CUSTOMER_NAMESPACE, { auth: { v: 1 } })).toEqual({
      connected: false,
      code: 'UNAUTHENTICATED',
    });
    // A guest of anonymous chat has a socket, but no verified identity to attach the thread to.
    const guest = await fetch(`${t.url}/v1/customer/sessions/anonymous`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(guest.status).toBe(201);
    const { token } = (await guest.json()) as { token: string };
    const { io } = await import('socket.io-client');
    const socket = io(`${t.url}${CUSTOMER_NAMESPACE}`, {
      auth: auth(token),
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(await socket.emitWithAck('handoff:claim', { code })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    socket.close();
    // There is no REST claim: the only way in is a signed-in customer's socket.
    const rest = await fetch(`${t.url}/v1/handoffs/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(rest.status).toBe(404);
    expect((await t.server.store.getHandoff(handoffId))?.state).toBe('pending');
  });

  it('survives every link-preview bot: GET and HEAD of /h/<code> leave it claimable', async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const { code, handoffId } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    for (const agent of PREVIEW_BOTS) {
      for (const method of ['GET', 'HEAD']) {
        const page = await fetch(`${t.url}/h/${code}`, {
          method,
          headers: { 'user-agent': agent },
        });
        expect(page.status, `${method} by ${agent}`).toBe(200);
        expect(page.headers.get('referrer-policy')).toBe('no-referrer');
        expect(page.headers.get('cache-control')).toBe('no-store');
        if (method === 'GET') expect(await page.text()).not.toMatch(/anna_k|4276|списали/);
      }
      const preview = await fetch(`${t.url}/v1/handoffs/preview`, {
        method: 'POST',
        headers: { 'user-agent': agent, 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(preview.status).toBe(200);
    }
    expect((await t.server.store.getHandoff(handoffId))?.state).toBe('pending');
    const anna = await t.customer('cust-after-bots');
    expect((await anna.emitWithAck('handoff:claim', { code })).ok).toBe(true);
  });

  it('cannot be claimed once revoked, even after a preview', async () => {
    const olga = await t.agent('olga');
    const { code, handoffId } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const anna = await t.customer('cust-revoked');
    await ok(anna.emitWithAck('handoff:preview', { code }));
    await ok(olga.emitWithAck('handoff:revoke', { handoffId }));
    expect(await anna.emitWithAck('handoff:claim', { code })).toMatchObject({
      ok: false,
      error: { code: 'HANDOFF_REVOKED' },
    });
    expect((await fetch(`${t.url}/h/${code}`)).status).toBe(410);
    expect((await t.server.store.getHandoff(handoffId))?.claimedBy).toBeNull();
  });

  it('stores codes only as SHA-256 hashes: no code in the SQLite file or the logs', async () => {
    const olga = await t.agent('olga');
    const codes: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await ok(olga.emitWithAck('handoff:create', handoffInput()));
      codes.push(created.code);
      const record = await t.server.store.getHandoff(created.handoffId);
      expect(record?.codeHash).toBe(hashHandoffCode(created.code));
      expect(JSON.stringify(record)).not.toContain(created.code);
    }
    // Claims and previews go through the hash too; none of them may write the code anywhere.
    await fetch(`${t.url}/h/${codes[0]}`);
    await ok(
      (await t.customer('cust-hash')).emitWithAck('handoff:claim', { code: codes[1] ?? '' }),
    );
    const files = ['parley.sqlite', 'parley.sqlite-wal'].map((f) => join(t.dataDir, f));
    const raw = files
      .map((file) => {
        try {
          const bytes = readFileSync(file);
          return `${bytes.toString('latin1')}${bytes.toString('utf8')}${bytes.toString('hex')}`;
        } catch {
          return '';
        }
      })
      .join('\n');
    expect(raw.length).toBeGreaterThan(0);
    const logs = t.logs.join('\n');
    for (const code of codes) {
      const hex = Buffer.from(code, 'base64url').toString('hex');
      expect(raw.includes(code), code).toBe(false);
      expect(raw.includes(hex), hex).toBe(false);
      expect(logs.includes(code), code).toBe(false);
    }
    // Control: the hashes are there, so the file was read and the search would have found codes.
    expect(raw).toContain(hashHandoffCode(codes[2] ?? ''));
  });

  it('cannot be claimed after expiry, even before the sweep has marked it', async () => {
    let offsetMs = -2 * 3_600_000;
    const past = await startTestServer(
      { PARLEY_HANDOFF_TTL_HOURS: '1' },
      { now: () => new Date(Date.now() + offsetMs), sweepIntervalMs: 3_600_000 },
    );
    try {
      const olga = await past.agent('olga');
      const { code, handoffId } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
      offsetMs = 0;
      expect((await past.server.store.getHandoff(handoffId))?.state).toBe('pending');
      const late = await past.customer('cust-late');
      expect(await late.emitWithAck('handoff:claim', { code })).toMatchObject({
        ok: false,
        error: { code: 'HANDOFF_EXPIRED' },
      });
      expect((await fetch(`${past.url}/h/${code}`)).status).toBe(410);
      const preview = await fetch(`${past.url}/v1/handoffs/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(preview.status).toBe(410);
      expect((await past.server.store.getHandoff(handoffId))?.claimedBy).toBeNull();
    } finally {
      await stopAndCheckSinks(past);
    }
  });
});

describe('guessing handoff codes', () => {
  it('1,000 random codes from fresh identities and over REST: never a success, and the per-address limit engages', async () => {
    // Ten claims per minute per customer, thirty per address: an attacker who rotates accounts
    // still meets the address limit. Socket events are not the limit under test here.
    const t = await startTestServer({
      PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '10',
      PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '1000',
    });
    try {
      const olga = await t.agent('olga');
      const real = await ok(olga.emitWithAck('handoff:create', handoffInput()));
      const answers: string[] = [];
      for (let identity = 0; identity < 50; identity += 1) {
        const guesser = await t.customer(`cust-guesser-${identity}`, `Guesser ${identity}`);
        for (let i = 0; i < 10; i += 1) {
          const event = i % 2 === 0 ? 'handoff:claim' : 'handoff:preview';
          const answer = await guesser.emitWithAck(event, { code: randomCode() });
          answers.push(answer.ok ? 'SUCCESS' : answer.error.code);
        }
        guesser.close();
      }
      for (let i = 0; i < 500; i += 1) {
        const response = await fetch(`${t.url}/v1/handoffs/preview`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: randomCode() }),
        });
        const body = (await response.json()) as { error?: { code: string } };
        answers.push(body.error?.code ?? 'SUCCESS');
      }
      expect(answers).toHaveLength(1_000);
      expect(answers).not.toContain('SUCCESS');
      expect(new Set(answers)).toEqual(new Set(['HANDOFF_NOT_FOUND', 'RATE_LIMITED']));
      // 30 attempts per address per minute, whatever the identity or the transport.
      expect(answers.filter((a) => a === 'HANDOFF_NOT_FOUND').length).toBeLessThanOrEqual(30);
      expect(answers.filter((a) => a === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(970);
      // The real link is untouched by the storm.
      expect((await t.server.store.getHandoff(real.handoffId))?.state).toBe('pending');
    } finally {
      await stopAndCheckSinks(t);
    }
  });
});
