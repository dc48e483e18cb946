import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { createRequestId, withRequestId } from './withRequestId.js';

const CARD = '4111 1111 1111 1111';
const CARD_DIGITS = '4111111111111111';
const PHONE = '+48 601 234 567';
const PHONE_DIGITS = '601234567';
const TOKEN = jwt.sign({ sub: 'c-42', name: 'Olga' }, 'x'.repeat(40), { algorithm: 'HS256' });
const SERVICE_KEY = 'psk_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA';
const CODE = 'AbCdEfGhIjKlMnOpQrStUv';

/** A logger writing into memory, and the parsed lines. */
function capture(level: 'info' | 'debug' | 'warn' = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ logLevel: level }, { write: (line: string) => lines.push(line) });
  return {
    logger,
    lines,
    parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

function expectClean(lines: string[]) {
  const all = lines.join('\n').replace(/\s/g, '');
  for (const secret of [CARD_DIGITS, PHONE_DIGITS, TOKEN, SERVICE_KEY, CODE, 'Olga says']) {
    expect(all).not.toContain(secret.replace(/\s/g, ''));
  }
}

describe('createLogger', () => {
  it('censors sensitive keys at the top level and one level down (pino redact)', () => {
    const { logger, lines, parsed } = capture();
    logger.info(
      {
        token: TOKEN,
        text: 'Olga says her card is 4111 1111 1111 1111',
        phone: PHONE,
        auth: { token: TOKEN, v: 1 },
        message: { text: 'Olga says hi', seq: 3 },
        customer: { phone: PHONE, phone_number: PHONE, id: 'c-42' },
        req: { headers: { authorization: `Bearer ${TOKEN}`, cookie: 'sid=1' } },
      },
      'message relayed',
    );
    expectClean(lines);
    const [line] = parsed();
    expect(line).toMatchObject({
      msg: 'message relayed',
      token: '[redacted]',
      text: '[redacted]',
      phone: '[redacted]',
      auth: '[redacted]',
      message: { text: '[redacted]', seq: 3 },
      customer: { phone: '[redacted]', id: 'c-42' },
      level: 30,
      name: 'parley',
    });
  });

  it('censors sensitive keys at any depth and scrubs other strings', () => {
    const { logger, lines, parsed } = capture();
    logger.warn(
      {
        event: { payload: { conversation: { customer: { phone: PHONE, sessionToken: TOKEN } } } },
        detail: `customer wrote ${CARD} from ${PHONE} with ${SERVICE_KEY}`,
        list: [{ identityToken: TOKEN }, `Bearer ${TOKEN}`],
      },
      'odd event',
    );
    expectClean(lines);
    const [line] = parsed();
    expect(line?.detail).toBe('customer wrote [card ••••1111] from [phone] with [service key]');
    expect(line?.list).toEqual([{ identityToken: '[redacted]' }, 'Bearer [token]']);
  });

  it('runs the redaction engine over the message, including interpolated values', () => {
    const { logger, lines, parsed } = capture();
    logger.info(`refund to card ${CARD}, call ${PHONE}`);
    logger.info('token %s for %s at /h/%s', TOKEN, PHONE, CODE);
    logger.info({ conversationId: 'cv_1' }, `IBAN NL91ABNA0417164300 token ${TOKEN}`);
    expectClean(lines);
    const [first, second, third] = parsed();
    expect(first?.msg).toBe('refund to card [card ••••1111], call [phone]');
    expect(second?.msg).toBe('token [token] for [phone] at /h/[code]');
    expect(third?.msg).not.toContain('0417164300');
  });

  it('scrubs errors, their messages and stacks', () => {
    const { logger, lines, parsed } = capture();
    const error = new Error(`declined card ${CARD} for ${PHONE}`);
    logger.error(error);
    logger.error({ err: error });
    logger.error({ err: error, conversationId: 'cv_1' }, 'send failed');
    expectClean(lines);
    const [first, second, third] = parsed();
    expect(first?.msg).toBe('declined card [card ••••1111] for [phone]');
    expect(second?.msg).toBe('declined card [card ••••1111] for [phone]');
    expect(third?.msg).toBe('send failed');
    expect(third?.err).toMatchObject({
      type: 'Error',
      message: 'declined card [card ••••1111] for [phone]',
    });
  });

  it('logs requests without credentials and without the handoff code', () => {
    const { logger, lines, parsed } = capture();
    const req = {
      method: 'GET',
      url: `/h/${CODE}?token=${TOKEN}`,
      headers: { authorization: `Bearer ${TOKEN}`, cookie: 'sid=1', 'user-agent': 'Firefox' },
      socket: { remoteAddress: '203.0.113.9' },
    };
    logger.info({ req }, 'interstitial');
    expectClean(lines);
    expect(parsed()[0]?.req).toEqual({
      method: 'GET',
      url: '/h/[code]?token=[token]',
      userAgent: 'Firefox',
      remoteAddress: '203.0.113.9',
    });
  });

  it('survives cycles, deep objects and keys that hold public keys', () => {
    const { logger, parsed } = capture();
    const cyclic: Record<string, unknown> = { id: 1 };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { phone: PHONE };
    for (let i = 0; i < 20; i += 1) deep = { deep };
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    logger.info({ cyclic, deep, pem: publicKey.export({ type: 'spki', format: 'pem' }) }, 'shapes');
    const [line] = parsed();
    expect(line?.cyclic).toEqual({ id: 1, self: '[circular]' });
    expect(JSON.stringify(line)).not.toContain(PHONE_DIGITS);
  });

  it('respects the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});

describe('withRequestId', () => {
  it('adds the request id to every line of the child', () => {
    const { logger, parsed } = capture();
    const child = withRequestId(logger, 'req-12345678');
    child.info('one');
    child.info({ conversationId: 'cv_1' }, 'two');
    expect(parsed().map((l) => l.requestId)).toEqual(['req-12345678', 'req-12345678']);
  });

  it('keeps a well-formed incoming id and replaces anything else', () => {
    expect(createRequestId('lb-abcdef12')).toBe('lb-abcdef12');
    expect(createRequestId(['lb-abcdef12', 'x'])).toBe('lb-abcdef12');
    for (const bad of [undefined, '', 'short', 'has space in it', `a${'b'.repeat(64)}`, TOKEN]) {
      expect(createRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
