import { connect } from 'node:net';
import { restRoutes } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from '../../packages/server/test/fixtures.js';
import { ok, startTestServer, type TestServer } from '../../packages/server/test/harness.js';
import { stopAndCheckSinks } from './support/leaks.js';

interface Probe {
  name: string;
  path: string;
  init?: RequestInit;
}

/**
 * One request for every kind of answer the server gives: each REST route (as its caller, and
 * refused), health, metrics, the OpenAPI document, the handoff page (live and dead), the chat page,
 * the widget and console files, a 404, malformed and oversized bodies, a CORS preflight, and
 * Engine.IO's own polling transport.
 */
function probes(t: TestServer, code: string): Probe[] {
  const staff = t.mint.agentToken('ewa', {
    roles: ['agent', 'supervisor', 'compliance'],
    teams: ['social-care'],
  }).token;
  const json = { 'content-type': 'application/json' };
  const routes = Object.entries(restRoutes).flatMap(([name, spec]) => {
    const path = spec.path.replace(/:\w+/g, (p) =>
      p === ':customerId' || p === ':agentId' ? 'nobody' : 'cv_AAAAAAAAAAAAAAAAAAAAAA',
    );
    const body = spec.method === 'GET' ? {} : { body: '{}' };
    return [
      {
        name: `${name} as staff`,
        path,
        init: {
          method: spec.method,
          headers: { ...json, authorization: `Bearer ${staff}` },
          ...body,
        },
      },
      {
        name: `${name} without a token`,
        path,
        init: { method: spec.method, headers: json, ...body },
      },
    ];
  });
  return [
    ...routes,
    { name: 'health', path: '/healthz' },
    { name: 'readiness', path: '/readyz' },
    {
      name: 'metrics',
      path: '/metrics',
      init: { headers: { authorization: 'Bearer metrics-token-for-tests-0123456789abcdef' } },
    },
    { name: 'metrics refused', path: '/metrics' },
    { name: 'OpenAPI', path: '/v1/openapi.json' },
    { name: 'handoff page', path: `/h/${code}` },
    { name: 'dead handoff page', path: '/h/AAAAAAAAAAAAAAAAAAAAAA' },
    { name: 'malformed handoff page', path: '/h/%3Cscript%3E' },
    { name: 'chat page', path: '/chat' },
    { name: 'widget loader', path: '/widget.js' },
    { name: 'console', path: '/console/' },
    { name: 'unknown path', path: '/nothing/here' },
    {
      name: 'malformed JSON',
      path: '/v1/handoffs/preview',
      init: { method: 'POST', headers: json, body: '{"code":' },
    },
    {
      name: 'oversized body',
      path: '/v1/handoffs/preview',
      init: { method: 'POST', headers: json, body: JSON.stringify({ code: 'x'.repeat(70_000) }) },
    },
    {
      name: 'CORS preflight',
      path: '/v1/customer/sessions',
      init: { method: 'OPTIONS', headers: { origin: 'https://evil.example' } },
    },
    { name: 'Engine.IO polling handshake', path: '/socket.io/?EIO=4&transport=polling' },
  ];
}

/**
 * Writes `request` as raw bytes to the server and returns the status line and headers of what
 * comes back before the server closes: for answers no HTTP client library would show (a refused
 * WebSocket upgrade, a request Node cannot parse).
 */
function rawAnswer(t: TestServer, request: string): Promise<{ status: string; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const socket = connect(t.server.port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [status = '', ...lines] = text.split('\r\n\r\n')[0]?.split('\r\n') ?? [];
      const headers = new Headers();
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      resolve({ status, headers });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${request}`)));
  });
}

/** The headers every answer carries, whoever wrote it. */
function expectSecurityHeaders(headers: Headers, label: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, label).toContain("default-src 'none'");
  expect(csp, label).toContain('frame-ancestors');
  expect(csp, label).not.toContain("'unsafe-inline'");
  expect(csp, label).not.toContain("'unsafe-eval'");
  expect(headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(headers.get('referrer-policy'), label).toBe('no-referrer');
  expect(headers.get('x-powered-by'), label).toBeNull();
}

async function headersOf(t: TestServer, probe: Probe) {
  const response = await fetch(`${t.url}${probe.path}`, probe.init);
  await response.arrayBuffer();
  return { status: response.status, headers: response.headers };
}

describe('HTTP hardening', () => {
  let t: TestServer;
  let code: string;
  beforeAll(async () => {
    t = await startTestServer();
    const olga = await t.agent('olga');
    code = (await ok(olga.emitWithAck('handoff:create', handoffInput()))).code;
  });
  afterAll(() => stopAndCheckSinks(t));

  it('sends the security headers on every HTTP response', async () => {
    for (const probe of probes(t, code)) {
      const { status, headers } = await headersOf(t, probe);
      const label = `${probe.name} (${status})`;
      expectSecurityHeaders(headers, label);
      expect(headers.get('strict-transport-security'), label).toBeNull();
    }
  });

  it('sends them on Engine.IO’s later polling responses too, which carry relayed text', async () => {
    const open = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`);
    const { sid } = JSON.parse((await open.text()).slice(1)) as { sid: string };
    const url = `${t.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    const posted = await fetch(url, { method: 'POST', body: '40/customer,{}' });
    expect(await posted.text()).toBe('ok');
    const polled = await fetch(url);
    expect(await polled.text()).toContain('44/customer');
    for (const response of [posted, polled]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('sends them on Engine.IO’s own refusals and on Node’s answer to a request it cannot parse', async () => {
    const refusals: Probe[] = [
      { name: 'unknown sid', path: '/socket.io/?EIO=4&transport=polling&sid=nobody' },
      { name: 'unknown transport', path: '/socket.io/?EIO=4&transport=carrier-pigeon' },
      { name: 'unsupported protocol', path: '/socket.io/?EIO=1&transport=polling' },
      {
        name: 'origin outside the allowlist',
        path: '/socket.io/?EIO=4&transport=polling',
        init: { headers: { origin: 'https://evil.example' } },
      },
    ];
    for (const probe of refusals) {
      const { status, headers } = await headersOf(t, probe);
      expect(status, probe.name).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders(headers, `${probe.name} (${status})`);
    }
    const upgrade = (origin: string) =>
      [
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
        `Host: 127.0.0.1:${t.server.port}`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        `Origin: ${origin}`,
        '',
        '',
      ].join('\r\n');
    const raw = [
      {
        name: 'WebSocket upgrade from an origin outside the allowlist',
        request: upgrade('https://evil.example'),
      },
      {
        name: 'request Node cannot parse',
        request: 'GET / HTTP/1.1\r\nHost: \u0001\r\n bad\r\n\r\n',
      },
    ];
    for (const { name, request } of raw) {
      const { status, headers } = await rawAnswer(t, request);
      expect(status, name).toMatch(/^HTTP\/1\.1 4\d\d /);
      expectSecurityHeaders(headers, `${name} (${status})`);
    }
  });

  it('keeps the handoff page out of referrers, caches and search engines', async () => {
    for (const path of [`/h/${code}`, '/h/AAAAAAAAAAAAAAAAAAAAAA']) {
      const { headers } = await headersOf(t, { name: path, path });
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('x-robots-tag')).toBe('noindex');
    }
  });
});

describe('HSTS', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_PUBLIC_URL: 'https://chat.bank.example' });
  });
  afterAll(() => stopAndCheckSinks(t));

  it('is sent on every response when the public URL is https, and on none when it is http', async () => {
    for (const probe of probes(t, 'AAAAAAAAAAAAAAAAAAAAAA')) {
      const { status, headers } = await headersOf(t, probe);
      const hsts = headers.get('strict-transport-security') ?? '';
      expect(hsts, `${probe.name} (${status})`).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    }
  });
});

describe('frame-ancestors', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_FRAME_ANCESTORS: "'self' https://partner.example" });
  });
  afterAll(() => stopAndCheckSinks(t));

  /** The `frame-ancestors` directive of a path's CSP. */
  async function frameAncestors(path: string): Promise<string | undefined> {
    const { headers } = await headersOf(t, { name: path, path });
    return (headers.get('content-security-policy') ?? '')
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('frame-ancestors'));
  }

  it('lets only the hosted chat page be framed, by the configured origins; nothing else at all', async () => {
    expect(await frameAncestors('/chat')).toBe("frame-ancestors 'self' https://partner.example");
    expect(await frameAncestors('/chat?locale=pl')).toBe(
      "frame-ancestors 'self' https://partner.example",
    );
    for (const path of [
      '/console/',
      '/h/AAAAAAAAAAAAAAAAAAAAAA',
      '/widget.js',
      '/v1/openapi.json',
      '/healthz',
      '/nothing/here',
      '/socket.io/?EIO=4&transport=polling',
    ]) {
      expect(await frameAncestors(path), path).toBe("frame-ancestors 'none'");
    }
  });
});
