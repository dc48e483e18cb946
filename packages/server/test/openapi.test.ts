import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content: { 'application/json': { schema: object } } }> }
    >
  >;
  components: { schemas: Record<string, object> };
}

describe('/v1/openapi.json', () => {
  let t: TestServer;
  let doc: OpenApi;
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  /** Checks a real response against the document's schema for that path, method and status. */
  async function conforms(response: Response, path: string, method: string) {
    const body: unknown = await response.json();
    const operation = doc.paths[path]?.[method];
    expect(operation, `${method} ${path} is documented`).toBeDefined();
    const described = operation?.responses[String(response.status)] ?? operation?.responses.default;
    const schema = described?.content['application/json'].schema as { $ref?: string };
    const resolved =
      schema.$ref === undefined
        ? schema
        : doc.components.schemas[schema.$ref.split('/').pop() ?? ''];
    const validateBody = ajv.compile(resolved as object);
    expect(validateBody(body), JSON.stringify(validateBody.errors)).toBe(true);
    return body;
  }

  beforeAll(async () => {
    t = await startTestServer();
    doc = (await (await fetch(`${t.url}/v1/openapi.json`)).json()) as OpenApi;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('is OpenAPI 3.1 and documents every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/handoffs',
        '/v1/handoffs/preview',
        '/v1/customer/sessions',
        '/v1/conversations/{conversationId}/transcript',
      ]),
    );
  });

  it('describes the real responses, successes and errors alike', async () => {
    const agent = t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token;
    const headers = { authorization: `Bearer ${agent}`, 'content-type': 'application/json' };
    const created = (await conforms(
      await fetch(`${t.url}/v1/handoffs`, {
        method: 'POST',
        headers,
        body: JSON.stringify(handoffInput()),
      }),
      '/v1/handoffs',
      'post',
    )) as { code: string };
    await conforms(
      await fetch(`${t.url}/v1/handoffs/preview`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: created.code }),
      }),
      '/v1/handoffs/preview',
      'post',
    );
    await conforms(
      await fetch(`${t.url}/v1/handoffs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel: 'telegram' }),
      }),
      '/v1/handoffs',
      'post',
    );
    const identity = t.mint.customerIdentityToken({ sub: 'cust-anna', name: 'Anna' }).token;
    await conforms(
      await fetch(`${t.url}/v1/customer/sessions`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${identity}` },
        body: '{}',
      }),
      '/v1/customer/sessions',
      'post',
    );
    await conforms(await fetch(`${t.url}/v1/callbacks`, { headers }), '/v1/callbacks', 'get');

    const anna = await t.customer('cust-anna');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code: created.code }));
    const ewa = t.mint.agentToken('ewa', { roles: ['compliance'], teams: [] }).token;
    const compliance = { authorization: `Bearer ${ewa}`, 'content-type': 'application/json' };
    await conforms(
      await fetch(`${t.url}/v1/conversations/${conversation.id}/transcript`, {
        headers: compliance,
      }),
      '/v1/conversations/{conversationId}/transcript',
      'get',
    );
    const hold = (await conforms(
      await fetch(`${t.url}/v1/legal-holds`, {
        method: 'POST',
        headers: compliance,
        body: JSON.stringify({ customerId: 'cust-anna', reason: 'Complaint 118' }),
      }),
      '/v1/legal-holds',
      'post',
    )) as { id: string };
    await conforms(
      await fetch(`${t.url}/v1/legal-holds`, { headers: compliance }),
      '/v1/legal-holds',
      'get',
    );
    await conforms(
      await fetch(`${t.url}/v1/customers/cust-anna`, { method: 'DELETE', headers: compliance }),
      '/v1/customers/{customerId}',
      'delete',
    );
    await conforms(
      await fetch(`${t.url}/v1/legal-holds/${hold.id}`, { method: 'DELETE', headers: compliance }),
      '/v1/legal-holds/{holdId}',
      'delete',
    );
    await conforms(
      await fetch(`${t.url}/v1/customers/cust-anna/export`, { headers: compliance }),
      '/v1/customers/{customerId}/export',
      'get',
    );
    await conforms(
      await fetch(`${t.url}/v1/audit?limit=10`, { headers: compliance }),
      '/v1/audit',
      'get',
    );
    const sam = t.mint.agentToken('sam', { roles: ['supervisor'], teams: ['social-care'] }).token;
    await conforms(
      await fetch(`${t.url}/v1/reports/nps`, { headers: { authorization: `Bearer ${sam}` } }),
      '/v1/reports/nps',
      'get',
    );
  });
});
