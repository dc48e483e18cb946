import { join } from 'node:path';
import Database from 'better-sqlite3';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/runCli.js';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, TEST_ENV, type TestServer } from './harness.js';

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('parley-server', () => {
  let t: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    env = { ...TEST_ENV, PARLEY_DATA_DIR: t.dataDir };
  });
  afterAll(async () => {
    await t.stop();
  });

  it('token prints the token alone, and it verifies as that agent’s token', async () => {
    const { code, stdout } = await cli(['token', 'agent', 'alice'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = jwt.verify(stdout.trim(), TEST_ENV.PARLEY_AGENT_JWT_SECRET, {
      audience: TEST_ENV.PARLEY_AGENT_JWT_AUDIENCE,
      algorithms: ['HS256'],
    }) as { sub: string };
    expect(claims.sub).toBe('alice');
  });

  it('token explains why it cannot mint when the server holds only a public key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const { PARLEY_AGENT_JWT_SECRET: _secret, ...rest } = env;
    const result = await cli(['token', 'agent', 'alice'], {
      ...rest,
      PARLEY_AGENT_JWT_PUBLIC_KEY: pem,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/signing key/i);
  });

  it('service-key create prints a key once, which then creates handoffs over REST', async () => {
    const { code, stdout } = await cli(['service-key', 'create', 'social tool'], env);
    expect(code).toBe(0);
    const key = stdout.trim();
    expect(key).toMatch(/^psk_/);
    const response = await fetch(`${t.url}/v1/handoffs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...handoffInput(), team: 'social-care' }),
    });
    expect(response.status).toBe(201);
    const unnamed = await fetch(`${t.url}/v1/handoffs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(handoffInput()),
    });
    expect(
      ((await unnamed.json()) as { error: { code: string; path: string } }).error,
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'agentId',
    });
  });

  it('verify-archive passes, then names the conversation whose archive was edited', async () => {
    const olga = await t.agent('olga');
    const anna = await t.customer('cust-anna');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    await ok(
      anna.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'anna-00001',
        text: 'hello',
      }),
    );
    expect(await cli(['verify-archive'], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('intact'),
    });

    // Someone with database access rewrites a stored message: the chain no longer vouches for it.
    const db = new Database(join(t.dataDir, 'parley.sqlite'));
    db.prepare("UPDATE messages SET text = 'I never said that' WHERE text = 'hello'").run();
    db.close();
    const broken = await cli(['verify-archive'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(conversation.id);
  });

  it('refuses bad configuration naming the variable', async () => {
    const result = await cli(['token', 'agent', 'alice'], { ...env, PARLEY_PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PARLEY_PORT');
  });
});
