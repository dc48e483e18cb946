import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomerSnapshot, HandoffSummary } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ok,
  startTestServer,
  TEST_ENV,
  type TestServer,
} from '../../../packages/server/test/harness.js';
import { runCli } from '../../../packages/server/src/runCli.js';
import { freePort } from '../console/consoleServer.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `node examples/social-tool/run.mjs <args>` and returns its exit code and output. */
function runTool(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['examples/social-tool/run.mjs', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 45_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr }),
    );
  });
}

/** The handoff links a run printed, in order. */
function linksIn(output: string, server: string): string[] {
  const escaped = server.replaceAll('.', '\\.');
  return [...output.matchAll(new RegExp(`link {5}(${escaped}/h/[\\w-]{22}) `, 'g'))].map(
    (m) => m[1] ?? '',
  );
}

/**
 * `examples/social-tool`: the bank's social-care tool turns an X mention event and a Facebook
 * Page comment event into handoffs with a service key, against the real server.
 */
describe('examples/social-tool', () => {
  let t: TestServer;
  let key: string;
  beforeAll(async () => {
    const port = await freePort();
    const env = {
      PARLEY_PORT: String(port),
      PARLEY_PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    t = await startTestServer(env);
    // As an operator creates it: `parley-server service-key create`, on the server's store.
    let printed = '';
    const code = await runCli(['service-key', 'create', 'social-care tool'], {
      env: { ...TEST_ENV, ...env, PARLEY_DATA_DIR: t.dataDir },
      stdout: (text) => {
        printed += text;
      },
      stderr: () => {},
    });
    expect(code).toBe(0);
    key = printed.trim();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates a handoff per event and prints the reply to post, in the customer’s language', async () => {
    const run = await runTool(['--server', t.url], { SOCIAL_TOOL_KEY: key });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [xLink, facebookLink] = linksIn(run.stdout, t.url);
    expect(run.stdout).toContain('X mention from @anna_k');
    expect(run.stdout).toContain('Facebook comment from Piotr Nowak');
    // The replies carry the links, in Russian (the post's `lang`) and Polish (the Page's market).
    expect(run.stdout).toMatch(new RegExp(`reply {4}Anna K, [^\\n]*${xLink}[^\\n]*карт`));
    expect(run.stdout).toMatch(
      new RegExp(`reply {4}Piotr Nowak, [^\\n]*${facebookLink}[^\\n]*kont`),
    );

    // The social-care team's supervisor sees both handoffs, waiting for their customers.
    const sam = await t.agent('sam', { roles: ['agent', 'supervisor'], teams: ['social-care'] });
    const pending: HandoffSummary[] = await ok(
      sam.emitWithAck('handoff:list', { state: 'pending' }),
    );
    expect(pending.map((h) => [h.channel, h.customerHandle, h.team]).sort()).toEqual([
      ['facebook', 'Piotr Nowak', 'social-care'],
      ['x', '@anna_k', 'social-care'],
    ]);

    // Claimed, each brings its public post along, with the numbers already masked.
    for (const [link, customer, digits] of [
      [xLink, 'cust-anna', '4276 3800 1234'],
      [facebookLink, 'cust-piotr', '1090 1014 0000'],
    ] as const) {
      const socket = await t.customer(customer);
      const code = link?.split('/h/')[1] ?? '';
      const snapshot: CustomerSnapshot = await ok(socket.emitWithAck('handoff:claim', { code }));
      const text = JSON.stringify(snapshot);
      expect(text).toContain('••••');
      expect(text).not.toContain(digits);
    }
  });

  it('says what is wrong when the key is not accepted', async () => {
    const run = await runTool(['--server', t.url], { SOCIAL_TOOL_KEY: `psk_${'x'.repeat(43)}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^social-tool: UNAUTHENTICATED: /);
  });

  it('hands off customers only: not the bank’s own posts, not likes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-tool-'));
    try {
      const ownPost = join(dir, 'own-post.json');
      writeFileSync(
        ownPost,
        JSON.stringify({
          for_user_id: '1511130000000000001',
          tweet_create_events: [
            {
              id_str: '1',
              text: 'Anna, let us talk privately',
              timestamp_ms: '1795389004000',
              user: { id_str: '1511130000000000001', name: 'Bank', screen_name: 'BankOfExample' },
            },
          ],
        }),
      );
      const like = join(dir, 'like.json');
      writeFileSync(
        like,
        JSON.stringify({
          object: 'page',
          entry: [
            {
              id: '104857600000001',
              time: 1795389300,
              changes: [
                {
                  field: 'feed',
                  value: { item: 'reaction', verb: 'add', from: { id: '7', name: 'P' } },
                },
              ],
            },
          ],
        }),
      );
      const run = await runTool(['--server', t.url, ownPost, like], { SOCIAL_TOOL_KEY: key });
      expect(run.code).toBe(0);
      expect(run.stdout.match(/nothing to hand off/g)).toHaveLength(2);
      expect(run.stdout).not.toContain('/h/');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs with one command against a demo server of its own', async () => {
    const port = await freePort();
    const run = await runTool([], { PARLEY_PORT: String(port) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(linksIn(run.stdout, `http://127.0.0.1:${port}`)).toHaveLength(2);
  });
});
