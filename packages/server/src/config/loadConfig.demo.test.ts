import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-demo-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig in demo mode', () => {
  it('generates secrets once and reuses them on the next start', () => {
    const dataDir = tempDir();
    const env = { PARLEY_DEMO: 'true', PARLEY_DATA_DIR: dataDir };
    const first = loadConfig(env);
    const second = loadConfig({ ...env, PARLEY_DEMO: '1' });
    expect(second.session.secret).toBe(first.session.secret);
    expect(second.archiveKey).toBe(first.archiveKey);
    expect(second.agentTokens).toEqual(first.agentTokens);
    expect(second.customerTokens).toEqual(first.customerTokens);
    const file = join(dataDir, 'demo-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(first.session.secret);
    // Four distinct 32-byte keys.
    const keys = [
      first.session.secret,
      first.archiveKey,
      first.agentTokens.key.kind === 'secret' ? first.agentTokens.key.secret : '',
      first.customerTokens.key.kind === 'secret' ? first.customerTokens.key.secret : '',
    ];
    expect(new Set(keys).size).toBe(4);
    for (const key of keys) expect(Buffer.from(key, 'base64url')).toHaveLength(32);
  });

  it('uses demo issuers, audiences, loopback host and origins, and the demo staff', () => {
    const config = loadConfig({
      PARLEY_DEMO: 'yes',
      PARLEY_PORT: '9000',
      PARLEY_DATA_DIR: tempDir(),
    });
    expect(config.demo).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('http://localhost:9000');
    expect(config.allowedOrigins).toEqual(['http://localhost:9000', 'http://127.0.0.1:9000']);
    expect(config.agentTokens).toMatchObject({
      issuer: 'parley-demo-idp',
      audience: 'parley-agent',
    });
    expect(config.customerTokens).toMatchObject({
      issuer: 'parley-demo-idp',
      audience: 'parley-customer',
    });
    expect(config.demoAgents.map((a) => [a.id, a.roles])).toEqual([
      ['alice', ['agent']],
      ['bob', ['agent']],
      ['sam', ['agent', 'supervisor']],
      ['ewa', ['compliance']],
    ]);
    expect(config.demoAgents.every((a) => a.teams.includes('social-care'))).toBe(true);
  });

  it('keeps operator-set keys and the public URL origin among demo origins', () => {
    const dataDir = tempDir();
    const config = loadConfig({
      PARLEY_DEMO: 'on',
      PARLEY_DATA_DIR: dataDir,
      PARLEY_PUBLIC_URL: 'https://demo.bank.example',
      PARLEY_SESSION_SECRET: 'operator-session-secret-operator-session',
    });
    expect(config.session.secret).toBe('operator-session-secret-operator-session');
    expect(config.allowedOrigins).toEqual([
      'https://demo.bank.example',
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ]);
  });

  it('reports a data dir it cannot use against PARLEY_DATA_DIR', () => {
    const file = join(tempDir(), 'not-a-directory');
    writeFileSync(file, '');
    expect(() => loadConfig({ PARLEY_DEMO: '1', PARLEY_DATA_DIR: file })).toThrow(
      /Set PARLEY_DATA_DIR to a writable directory/,
    );
  });
});
