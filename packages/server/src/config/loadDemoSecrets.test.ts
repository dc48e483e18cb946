import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './ConfigError.js';
import { loadDemoSecrets } from './loadDemoSecrets.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadDemoSecrets', () => {
  it('creates the data dir and a 0600 file, then returns the same secrets', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = loadDemoSecrets(dataDir);
    expect(loadDemoSecrets(dataDir)).toEqual(first);
    expect(statSync(join(dataDir, 'demo-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('tightens a file that others can read', () => {
    const dataDir = tempDir();
    loadDemoSecrets(dataDir);
    const file = join(dataDir, 'demo-secrets.json');
    chmodSync(file, 0o644);
    loadDemoSecrets(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt file with a fix, naming PARLEY_DATA_DIR', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'demo-secrets.json'), '{"agentSecret":"short"}');
    const attempt = () => loadDemoSecrets(dataDir);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/Delete it to generate new demo secrets/);
  });
});
