import { agentRequests, customerRequests, FRAME_MAX_BYTES } from '@parley/protocol';
import { agentSamples, customerSamples, hostileCases } from '@parley/protocol/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestServer, type TestServer } from './harness.js';

/**
 * The hostile cases a socket can carry: deep nesting is left to the protocol's own tests
 * (socket.io-client itself recurses over payloads), and anything over the frame limit is
 * refused by closing the socket, which the frame test covers.
 */
function socketSized(cases: ReturnType<typeof hostileCases>) {
  return cases.filter(
    (c) =>
      !c.name.includes('nest') && JSON.stringify(c.input ?? null).length < FRAME_MAX_BYTES - 1_000,
  );
}

describe('bad input', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '1000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('gets a typed error on every customer request, and the server keeps serving', async () => {
    const anna = await t.customer('cust-anna');
    for (const [event, spec] of Object.entries(customerRequests)) {
      if (spec.kind !== 'request') continue;
      const sample = customerSamples[event as keyof typeof customerSamples];
      for (const hostile of socketSized(hostileCases(spec.payload, sample))) {
        const answer = (await anna
          .timeout(5_000)
          .emitWithAck(event as 'conversation:end', hostile.input as never)) as {
          ok: boolean;
          error?: { code: string };
        };
        expect(answer, `${event} ${hostile.name}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED' },
        });
      }
    }
    expect((await ok(anna.emitWithAck('conversation:start', {}))).conversation.status.state).toBe(
      'queued',
    );
  });

  it('gets a typed error on every agent request', async () => {
    const olga = await t.agent('olga');
    for (const [event, spec] of Object.entries(agentRequests)) {
      if (spec.kind !== 'request') continue;
      const sample = agentSamples[event as keyof typeof agentSamples];
      for (const hostile of socketSized(hostileCases(spec.payload, sample))) {
        const answer = (await olga
          .timeout(5_000)
          .emitWithAck(event as 'conversation:close', hostile.input as never)) as {
          ok: boolean;
          error?: { code: string };
        };
        expect(answer, `${event} ${hostile.name}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED' },
        });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a frame over 64 KB by closing that socket only', async () => {
    const anna = await t.customer('cust-big');
    const bystander = await t.customer('cust-bystander');
    const closed = new Promise<string>((resolve) => anna.once('disconnect', resolve));
    anna.emit(
      'message:send',
      { conversationId: 'cv_x', clientMsgId: 'big-00001', text: 'x'.repeat(70_000) },
      () => {},
    );
    expect(await closed).toMatch(/transport close|io server disconnect/);
    expect((await ok(bystander.emitWithAck('conversation:start', {}))).conversation.id).toMatch(
      /^cv_/,
    );
  });

  it('answers malformed REST bodies with typed errors', async () => {
    const token = t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const broken = await fetch(`${t.url}/v1/handoffs`, {
      method: 'POST',
      headers,
      body: '{"channel":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_FAILED',
    );
    const huge = await fetch(`${t.url}/v1/handoffs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ note: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    const unknown = await fetch(`${t.url}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(
      ((await unknown.json()) as { error: { code: string; requestId: string } }).error,
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a flood from one socket', () => {
  it('is throttled, then disconnected, while another customer is still served', async () => {
    const t = await startTestServer({ PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '20' });
    try {
      const flooder = await t.customer('cust-flood');
      const calm = await t.customer('cust-calm');
      const gone = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
      const answers: string[] = [];
      for (let i = 0; i < 300 && flooder.connected; i += 1) {
        flooder.emit(
          'conversation:resume',
          { conversationId: 'cv_AAAAAAAAAAAAAAAAAAAAAA', afterSeq: 0 },
          (a: { ok: boolean; error?: { code: string } }) => {
            answers.push(a.ok ? 'ok' : (a.error?.code ?? '?'));
          },
        );
      }
      expect(await gone).toBe('io server disconnect');
      expect(answers).toContain('RATE_LIMITED');
      expect((await ok(calm.emitWithAck('conversation:start', {}))).conversation.id).toMatch(
        /^cv_/,
      );
    } finally {
      await t.stop();
    }
  });
});
