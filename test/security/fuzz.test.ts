import {
  AGENT_NAMESPACE,
  agentRequests,
  CUSTOMER_NAMESPACE,
  customerRequests,
  ERROR_CODE_LIST,
  FRAME_MAX_BYTES,
  restRoutes,
} from '@parley/protocol';
import {
  agentSamples,
  customerSamples,
  hostileCases,
  restBodySamples,
  restQuerySamples,
} from '@parley/protocol/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  type CustomerClient,
  ok,
  startTestServer,
  type TestServer,
} from '../../packages/server/test/harness.js';
import { SECRETS, stopAndCheckSinks } from './support/leaks.js';
import { liveHeap, MB, prototypeShape } from './support/memory.js';
import { type RawSocket, rawConnect } from './support/rawSocket.js';
import { stringifyDeep } from './support/stringifyDeep.js';
import { agentToken, auth, identityToken } from './support/tokens.js';

const KNOWN_CODES = new Set<string>(ERROR_CODE_LIST);

/** Characters the protocol refuses in text, each a classic way to break a renderer or a log. */
const NASTY = [
  '\uD800',
  '\uDC00',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u202E',
  '\u2066',
  '\u2069',
];

/** Strings an attacker would type: any Unicode, refused characters, secrets, markup, huge runs. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc
    .tuple(fc.string({ maxLength: 16 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 16 }))
    .map((parts) => parts.join('')),
  fc.constantFrom(...Object.values(SECRETS)).map((secret) => `card ${secret} please`),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '{{7*7}}',
    '$' + '{7*7}',
    "'; DROP TABLE messages;--",
  ),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'a'.repeat(n)),
);

/** Objects whose own keys are the prototype-polluting ones, the way `JSON.parse` builds them. */
const pollutingObject = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => JSON.parse(`{"${key}":{"polluted":true,"x":${JSON.stringify(value)}}}`));

/** A payload for an event: random JSON, or the valid sample with one field made hostile. */
function payloadFor(sample: unknown): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample as object);
  const hostileValue = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 3 }), pollutingObject);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    pollutingObject,
    keys.length === 0
      ? fc.constant(sample)
      : fc
          .tuple(fc.constantFrom(...keys), hostileValue)
          .map(([key, value]) => ({ ...(sample as object), [key]: value })),
    pollutingObject.map((polluting) =>
      Object.assign(JSON.parse(JSON.stringify(sample)), polluting),
    ),
  );
}

type AnyAck = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

/** A well-formed answer: data, or an error of the closed map that is not INTERNAL. */
function assertTyped(answer: unknown, label: string): void {
  const ack = answer as AnyAck;
  expect(typeof ack.ok, label).toBe('boolean');
  if (ack.ok) return;
  expect(KNOWN_CODES.has(ack.error?.code ?? ''), `${label}: ${ack.error?.code}`).toBe(true);
  expect(ack.error?.code, label).not.toBe('INTERNAL');
  expect(typeof ack.error?.message, label).toBe('string');
}

/** `[[{"a":[…]}]]` nested as deep as fits in a frame: JSON, built without recursion. */
function deepJson(bytes: number): string {
  const depth = Math.floor(bytes / 8);
  return `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
}

describe('fuzzing the live server', () => {
  let t: TestServer;
  let anna: CustomerClient;
  let olga: AgentClient;
  let heapBefore: number;
  let shapeBefore: string;
  beforeAll(async () => {
    t = await startTestServer({
      PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '1000',
      PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
    });
    anna = await t.customer('cust-fuzz-anna');
    olga = await t.agent('olga', { roles: ['agent', 'supervisor'] });
    shapeBefore = prototypeShape();
    heapBefore = liveHeap();
  });
  afterAll(async () => {
    // Nothing the fuzzers sent may have reached a prototype, and the heap must be back near
    // where it started once their garbage is collected.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeShape()).toBe(shapeBefore);
    expect(liveHeap() - heapBefore).toBeLessThan(48 * MB);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    await stopAndCheckSinks(t);
  });

  it.each(Object.keys(customerRequests).map((event) => [event] as const))(
    '/customer %s: every random payload gets a typed answer',
    async (event) => {
      const spec = customerRequests[event as keyof typeof customerRequests];
      const sample = customerSamples[event as keyof typeof customerSamples];
      await fc.assert(
        fc.asyncProperty(payloadFor(sample), async (payload) => {
          if (spec.kind === 'signal') {
            anna.emit(event as 'typing', payload as never);
            return;
          }
          const answer = await anna
            .timeout(10_000)
            .emitWithAck(event as 'callback:list', payload as never);
          assertTyped(answer, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`);
        }),
        { numRuns: 60 },
      );
      // Signals have no answer: the socket must still be there and serving afterwards.
      await ok(anna.emitWithAck('callback:list', {}));
    },
  );

  it.each(Object.keys(agentRequests).map((event) => [event] as const))(
    '/agent %s: every random payload gets a typed answer',
    async (event) => {
      const spec = agentRequests[event as keyof typeof agentRequests];
      const sample = agentSamples[event as keyof typeof agentSamples];
      await fc.assert(
        fc.asyncProperty(payloadFor(sample), async (payload) => {
          if (spec.kind === 'signal') {
            olga.emit(event as 'typing', payload as never);
            return;
          }
          const answer = await olga
            .timeout(10_000)
            .emitWithAck(event as 'agent:list', payload as never);
          assertTyped(answer, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`);
        }),
        { numRuns: 60 },
      );
      await ok(olga.emitWithAck('agent:list', {}));
    },
  );

  it('answers payloads nested as deep as a frame allows, sent as raw Socket.IO frames', async () => {
    const sockets: [string, RawSocket, Record<string, unknown>][] = [];
    const customer = await rawConnect(
      t.url,
      CUSTOMER_NAMESPACE,
      auth(identityToken({ sub: 'cust-deep' })),
    );
    const agent = await rawConnect(t.url, AGENT_NAMESPACE, auth(agentToken({ sub: 'olga-deep' })));
    if (!customer.ok || !agent.ok) throw new Error('raw sockets could not connect');
    sockets.push(['customer', customer.socket, customerRequests]);
    sockets.push(['agent', agent.socket, agentRequests]);
    const deep = deepJson(FRAME_MAX_BYTES - 2_000);
    for (const [name, socket, table] of sockets) {
      for (const [event, spec] of Object.entries(table)) {
        const { kind } = spec as { kind: string };
        for (const payload of [deep, `{"conversationId":${deepJson(FRAME_MAX_BYTES - 4_000)}}`]) {
          if (kind === 'signal') {
            socket.signal(event, payload);
            continue;
          }
          const answer = await socket.request(event, payload, 10_000);
          expect(answer, `${name} ${event}`).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION_FAILED' },
          });
        }
      }
      expect(socket.isOpen()).toBe(true);
      socket.close();
    }
  });

  describe('REST', () => {
    const staff = () => ({
      authorization: `Bearer ${t.mint.agentToken('olga', { roles: ['agent', 'supervisor', 'compliance'], teams: ['social-care'] }).token}`,
    });
    const headersFor = (route: keyof typeof restRoutes): Record<string, string> => {
      const needs = restRoutes[route].auth as readonly string[];
      if (needs.includes('public')) return {};
      if (needs.includes('customer-identity'))
        return { authorization: `Bearer ${identityToken({ sub: 'cust-fuzz-rest' })}` };
      return staff();
    };
    // Percent-encodes the UTF-8 bytes, so even a lone surrogate (which `encodeURIComponent`
    // refuses) reaches the server, as U+FFFD, the way a browser would send it.
    const percentEncode = (text: string) =>
      [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    // Node refuses a request line over 16 KB with a bare 431 before Express sees it; the fuzzed
    // path parameter stays under that so the answer tested is the app's own.
    const pathOf = (route: keyof typeof restRoutes, param = 'cv_AAAAAAAAAAAAAAAAAAAAAA') =>
      restRoutes[route].path.replace(/:[A-Za-z]+/g, percentEncode(param.slice(0, 1_000)));

    /** Sends one request and checks the answer is typed: a known code, never a 500. */
    async function typedAnswer(
      route: keyof typeof restRoutes,
      init: { body?: string; query?: string; param?: string },
      label: string,
    ): Promise<number> {
      const spec = restRoutes[route];
      const response = await fetch(`${t.url}${pathOf(route, init.param)}${init.query ?? ''}`, {
        method: spec.method,
        headers: { 'content-type': 'application/json', ...headersFor(route) },
        ...(init.body === undefined || spec.method === 'GET' ? {} : { body: init.body }),
      });
      const text = await response.text();
      expect(response.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
      if (response.status >= 400) {
        const { error } = JSON.parse(text) as { error: { code: string } };
        expect(KNOWN_CODES.has(error.code), `${label}: ${error.code}`).toBe(true);
      }
      return response.status;
    }

    it.each(Object.keys(restRoutes).map((route) => [route] as const))(
      '%s: random bodies, queries and path parameters get typed answers',
      async (route) => {
        const name = route as keyof typeof restRoutes;
        const spec = restRoutes[name];
        const bodySample = (restBodySamples as Record<string, unknown>)[route] ?? {};
        const querySample = (restQuerySamples as Record<string, unknown>)[route] ?? {};
        const queryArb = fc.oneof(
          fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 24 }), { maxKeys: 4 }),
          payloadFor(querySample),
        );
        await fc.assert(
          fc.asyncProperty(
            payloadFor(bodySample),
            queryArb,
            hostileText,
            async (body, query, param) => {
              const params = new URLSearchParams();
              if (query !== null && typeof query === 'object') {
                for (const [k, v] of Object.entries(query)) {
                  for (const value of Array.isArray(v) ? v : [v]) {
                    const text = typeof value === 'string' ? value : JSON.stringify(value);
                    params.append(k.slice(0, 200), text.slice(0, 2_000));
                  }
                }
              }
              await typedAnswer(
                name,
                { body: JSON.stringify(body), query: `?${params}`, param },
                `${spec.method} ${spec.path}`,
              );
            },
          ),
          { numRuns: 40 },
        );
      },
    );

    it.each(Object.keys(restRoutes).map((route) => [route] as const))(
      '%s: the protocol’s hostile cases and deep nesting get typed answers',
      async (route) => {
        const name = route as keyof typeof restRoutes;
        const spec = restRoutes[name];
        const bodies: string[] = [deepJson(FRAME_MAX_BYTES - 2_000), '{"a":', '\u0000', '[]'];
        if ('body' in spec) {
          const sample = (restBodySamples as Record<string, unknown>)[route];
          for (const hostile of hostileCases(spec.body, sample)) {
            bodies.push(stringifyDeep(hostile.input));
          }
        }
        for (const body of bodies) {
          const status = await typedAnswer(name, { body }, `${route} body ${body.slice(0, 60)}`);
          if ('body' in spec && body.length > FRAME_MAX_BYTES) expect(status).toBe(413);
        }
        if ('query' in spec) {
          const sample = (restQuerySamples as Record<string, unknown>)[route];
          for (const hostile of hostileCases(spec.query, sample)) {
            const input = hostile.input;
            if (input === null || typeof input !== 'object' || Array.isArray(input)) continue;
            const params = new URLSearchParams();
            for (const [k, v] of Object.entries(input)) {
              const value = typeof v === 'string' ? v : stringifyDeep(v);
              // A query string longer than Node's header limit is refused before Express sees it.
              if (value.length < 4_000) params.append(k, value);
            }
            await typedAnswer(name, { query: `?${params}` }, `${route} query ${hostile.name}`);
          }
        }
      },
    );
  });
});
