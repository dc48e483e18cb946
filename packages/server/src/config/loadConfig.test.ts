import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';
import { loadConfig } from './loadConfig.js';

/** A complete production environment; tests change one thing at a time. */
const PRODUCTION = {
  PARLEY_PUBLIC_URL: 'https://chat.bank.example',
  PARLEY_AGENT_JWT_ISSUER: 'https://idp.bank.example',
  PARLEY_AGENT_JWT_AUDIENCE: 'parley-agent',
  PARLEY_AGENT_JWT_SECRET: 'agent-secret-agent-secret-agent-secret',
  PARLEY_CUSTOMER_JWT_ISSUER: 'https://idp.bank.example',
  PARLEY_CUSTOMER_JWT_AUDIENCE: 'parley-customer',
  PARLEY_CUSTOMER_JWT_SECRET: 'customer-secret-customer-secret-customer',
  PARLEY_SESSION_SECRET: 'session-secret-session-secret-session-secret',
  PARLEY_ARCHIVE_KEY: 'archive-key-archive-key-archive-key-archive',
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, { cwd: tempDir() });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('applies the documented defaults to a production environment', () => {
    const cwd = tempDir();
    const config = loadConfig(PRODUCTION, { cwd });
    expect(config).toMatchObject({
      demo: false,
      port: 8080,
      host: '0.0.0.0',
      dataDir: join(cwd, 'data'),
      publicUrl: 'https://chat.bank.example',
      chatUrl: 'https://chat.bank.example/chat',
      allowedOrigins: ['https://chat.bank.example'],
      frameAncestors: ["'self'"],
      trustProxy: false,
      databaseUrl: null,
      redisUrl: null,
      retentionDays: null,
      handoffTtlHours: 24,
      fallbackSeconds: 120,
      idleCloseMinutes: 60,
      slaMinutes: { x: 15, facebook: 30, web: 5, other: 30 },
      teams: [{ id: 'social-care', name: 'Social care', openingHours: null }],
      anonymousChat: false,
      rateLimits: { claimsPerMinute: 10, socketEventsPerSecond: 20 },
      logLevel: 'info',
      metrics: { enabled: false, token: null, port: null },
      callbackWebhook: null,
      session: {
        issuer: 'parley',
        audience: 'parley-session',
        ttlMinutes: 60,
        graceSeconds: 60,
        maxHours: 12,
      },
      demoAgents: [],
    });
    expect(config.agentTokens.key).toEqual({
      kind: 'secret',
      secret: PRODUCTION.PARLEY_AGENT_JWT_SECRET,
    });
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig(PRODUCTION, { cwd: tempDir() });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.slaMinutes)).toBe(true);
    expect(Object.isFrozen(config.teams[0])).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('names the variable and the fix for a bad port', () => {
    const error = problemOf({ ...PRODUCTION, PARLEY_PORT: 'abc' });
    expect(error.variable).toBe('PARLEY_PORT');
    expect(error.message).toBe(
      'PARLEY_PORT must be a port number 0–65535, got "abc". Set PARLEY_PORT=8080 or leave it unset for the default.',
    );
  });

  it('reports every problem at once', () => {
    const error = problemOf({ ...PRODUCTION, PARLEY_PORT: '70000', PARLEY_FALLBACK_SECONDS: '1' });
    expect(error.problems.map((p) => p.variable)).toEqual([
      'PARLEY_PORT',
      'PARLEY_FALLBACK_SECONDS',
    ]);
    expect(error.message).toContain('2 configuration problems');
  });

  it('allows port 0 for tests and treats empty values as unset', () => {
    const config = loadConfig(
      { ...PRODUCTION, PARLEY_PORT: '0', PARLEY_HOST: '' },
      { cwd: tempDir() },
    );
    expect(config.port).toBe(0);
    expect(config.host).toBe('0.0.0.0');
  });

  it('requires every key outside demo mode, naming the variables', () => {
    const error = problemOf({ PARLEY_PUBLIC_URL: 'https://chat.bank.example' });
    const variables = error.problems.map((p) => p.variable);
    expect(variables).toEqual(
      expect.arrayContaining([
        'PARLEY_AGENT_JWT_ISSUER',
        'PARLEY_AGENT_JWT_AUDIENCE',
        'PARLEY_AGENT_JWT_SECRET',
        'PARLEY_CUSTOMER_JWT_SECRET',
        'PARLEY_SESSION_SECRET',
        'PARLEY_ARCHIVE_KEY',
      ]),
    );
    expect(error.message).toContain(
      'Set exactly one of PARLEY_AGENT_JWT_SECRET, PARLEY_AGENT_JWT_PUBLIC_KEY or PARLEY_AGENT_JWKS_URL',
    );
  });

  it('refuses short secrets without quoting them', () => {
    const error = problemOf({ ...PRODUCTION, PARLEY_SESSION_SECRET: 'hunter2' });
    expect(error.variable).toBe('PARLEY_SESSION_SECRET');
    expect(error.message).toContain('at least 32 bytes, got a value of 7 bytes');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses two key sources for one kind of token', () => {
    const error = problemOf({
      ...PRODUCTION,
      PARLEY_AGENT_JWKS_URL: 'https://idp.bank.example/jwks',
    });
    expect(error.message).toContain(
      'PARLEY_AGENT_JWT_SECRET and PARLEY_AGENT_JWKS_URL are all set',
    );
  });

  it('refuses equal agent and customer audiences (RFC 8725 §3.12)', () => {
    const error = problemOf({ ...PRODUCTION, PARLEY_CUSTOMER_JWT_AUDIENCE: 'parley-agent' });
    expect(error.variable).toBe('PARLEY_CUSTOMER_JWT_AUDIENCE');
    expect(error.message).toContain('RFC 8725 §3.12');
  });

  it("refuses an identity provider audience equal to Parley's session audience", () => {
    const error = problemOf({ ...PRODUCTION, PARLEY_CUSTOMER_JWT_AUDIENCE: 'parley-session' });
    expect(error.variable).toBe('PARLEY_CUSTOMER_JWT_AUDIENCE');
  });

  it('refuses a session secret reused as an identity provider secret', () => {
    const error = problemOf({
      ...PRODUCTION,
      PARLEY_SESSION_SECRET: PRODUCTION.PARLEY_CUSTOMER_JWT_SECRET,
    });
    expect(error.variable).toBe('PARLEY_SESSION_SECRET');
    expect(error.message).not.toContain(PRODUCTION.PARLEY_CUSTOMER_JWT_SECRET);
  });

  it('accepts JWKS over https and refuses it over plain http to another host', () => {
    const { PARLEY_AGENT_JWT_SECRET: _, ...rest } = PRODUCTION;
    const ok = loadConfig(
      { ...rest, PARLEY_AGENT_JWKS_URL: 'https://idp.bank.example/.well-known/jwks.json' },
      { cwd: tempDir() },
    );
    expect(ok.agentTokens.key).toEqual({
      kind: 'jwks',
      url: 'https://idp.bank.example/.well-known/jwks.json',
    });
    const error = problemOf({ ...rest, PARLEY_AGENT_JWKS_URL: 'http://idp.bank.example/jwks' });
    expect(error.variable).toBe('PARLEY_AGENT_JWKS_URL');
    expect(error.message).toContain('must use https');
  });

  it('validates allowed origins one by one and refuses *', () => {
    const config = loadConfig(
      {
        ...PRODUCTION,
        PARLEY_ALLOWED_ORIGINS: 'https://bank.example, https://WWW.bank.example:443',
      },
      { cwd: tempDir() },
    );
    expect(config.allowedOrigins).toEqual(['https://bank.example', 'https://www.bank.example']);
    for (const bad of ['*', 'https://bank.example/app', 'bank.example']) {
      expect(problemOf({ ...PRODUCTION, PARLEY_ALLOWED_ORIGINS: bad }).variable).toBe(
        'PARLEY_ALLOWED_ORIGINS',
      );
    }
  });

  it('strips a trailing slash from the public URL and derives the chat URL', () => {
    const config = loadConfig(
      { ...PRODUCTION, PARLEY_PUBLIC_URL: 'https://bank.example/parley/' },
      { cwd: tempDir() },
    );
    expect(config.publicUrl).toBe('https://bank.example/parley');
    expect(config.chatUrl).toBe('https://bank.example/parley/chat');
    expect(config.allowedOrigins).toEqual(['https://bank.example']);
    expect(problemOf({ ...PRODUCTION, PARLEY_PUBLIC_URL: 'ftp://bank.example' }).variable).toBe(
      'PARLEY_PUBLIC_URL',
    );
  });

  it('reads the customer sign-in page of the hosted chat, and refuses what is not http(s)', () => {
    const signIn = 'https://login.bank.example/parley';
    expect(loadConfig(PRODUCTION, { cwd: tempDir() }).customerSignInUrl).toBeNull();
    expect(
      loadConfig({ ...PRODUCTION, PARLEY_CUSTOMER_SIGN_IN_URL: signIn }, { cwd: tempDir() })
        .customerSignInUrl,
    ).toBe(signIn);
    for (const bad of ['javascript:alert(1)', 'login.bank.example', 'https://bank.example/a?b']) {
      const error = problemOf({ ...PRODUCTION, PARLEY_CUSTOMER_SIGN_IN_URL: bad });
      expect(error.variable).toBe('PARLEY_CUSTOMER_SIGN_IN_URL');
      expect(error.message).toContain('PARLEY_CUSTOMER_SIGN_IN_URL=https://');
    }
  });

  it('requires the webhook URL and secret together', () => {
    expect(
      problemOf({ ...PRODUCTION, PARLEY_CALLBACK_WEBHOOK_URL: 'https://crm.bank.example/cb' })
        .variable,
    ).toBe('PARLEY_CALLBACK_WEBHOOK_SECRET');
    const config = loadConfig(
      {
        ...PRODUCTION,
        PARLEY_CALLBACK_WEBHOOK_URL: 'https://crm.bank.example/cb',
        PARLEY_CALLBACK_WEBHOOK_SECRET: 'webhook-secret-webhook-secret-webhook',
      },
      { cwd: tempDir() },
    );
    expect(config.callbackWebhook?.url).toBe('https://crm.bank.example/cb');
  });

  it('reads metrics, retention, trust proxy, storage URLs and the log level', () => {
    const config = loadConfig(
      {
        ...PRODUCTION,
        PARLEY_METRICS_PORT: '9464',
        PARLEY_RETENTION_DAYS: '365',
        PARLEY_TRUST_PROXY: '1',
        DATABASE_URL: 'postgres://parley@db/parley',
        REDIS_URL: 'rediss://cache:6380',
        PARLEY_LOG_LEVEL: 'DEBUG',
        PARLEY_ANONYMOUS_CHAT: 'true',
      },
      { cwd: tempDir() },
    );
    expect(config).toMatchObject({
      metrics: { enabled: true, token: null, port: 9464 },
      retentionDays: 365,
      trustProxy: 1,
      databaseUrl: 'postgres://parley@db/parley',
      redisUrl: 'rediss://cache:6380',
      logLevel: 'debug',
      anonymousChat: true,
    });
    expect(problemOf({ ...PRODUCTION, PARLEY_RETENTION_DAYS: '0' }).variable).toBe(
      'PARLEY_RETENTION_DAYS',
    );
    expect(problemOf({ ...PRODUCTION, DATABASE_URL: 'mysql://db' }).variable).toBe('DATABASE_URL');
    expect(problemOf({ ...PRODUCTION, PARLEY_METRICS_PORT: '8080' }).variable).toBe(
      'PARLEY_METRICS_PORT',
    );
  });
});
