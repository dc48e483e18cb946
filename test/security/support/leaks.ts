import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TestServer } from '../../../packages/server/test/harness.js';

/**
 * The secrets the security suite sends, spread over every field a person types into (messages,
 * notes, survey comments, call-back notes, public posts), so each file can prove afterwards that
 * none of them reached a sink. Valid numbers, so the redaction engine recognises them.
 */
export const SECRETS = {
  card: '4276380012345679',
  cardSpaced: '5536 9138 1234 5670',
  iban: 'NL91ABNA0417164300',
  account: '40817810099012345678',
} as const;

/**
 * How many consecutive digits of a secret count as a leak. Six (a card's BIN) would be the
 * tightest, but the SQLite file also holds hex hashes (handoff codes, the archive chain) and
 * base64url ids, where a given six-digit run turns up by chance once the suite has written a few
 * thousand rows; eight keeps that chance below one in a million while still catching any copy of
 * the account part of a number.
 */
const LEAK_RUN = 8;

/** Every run of `LEAK_RUN` digits of a secret, except those within its last four (masks keep them). */
export function leakRuns(secret: string): string[] {
  const digits = secret.replace(/\D/g, '').slice(0, -4);
  return Array.from({ length: Math.max(0, digits.length - LEAK_RUN + 1) }, (_, i) =>
    digits.slice(i, i + LEAK_RUN),
  );
}

/** Fails with the sink, the secret and the text around the leak when `haystack` holds one. */
export function assertNoSecretDigits(where: string, haystack: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (const run of leakRuns(secret)) {
      const at = haystack.indexOf(run);
      const context =
        at < 0
          ? ''
          : JSON.stringify(
              haystack.slice(Math.max(0, at - 80), at + 40).replace(/[^\x20-\x7e]/g, '.'),
            );
      expect(at, `${where} holds ${run} of the ${name}: ${context}`).toBe(-1);
    }
  }
}

/** The server's own SQLite files, read raw: every page, every WAL frame. */
function databaseText(dataDir: string): string {
  let text = '';
  for (const file of ['parley.sqlite', 'parley.sqlite-wal', 'parley.sqlite-journal']) {
    const path = join(dataDir, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    text += `${bytes.toString('latin1')}\n${bytes.toString('utf8')}\n`;
  }
  return text;
}

/**
 * The data check each file runs in `afterAll`: reads `/metrics` and every conversation's
 * transcript (as compliance), stops the server, then reads the SQLite file and every captured log
 * line, and fails if any of them holds a digit run of a secret the suite sent. Stops the server.
 * A server that cannot mint its own staff tokens (public keys) is given a compliance token.
 *
 * @example
 * afterAll(() => stopAndCheckSinks(t));
 */
export async function stopAndCheckSinks(
  t: TestServer,
  complianceToken = t.mint.agentToken('sink-auditor', { roles: ['compliance'], teams: [] }).token,
): Promise<void> {
  const metrics = await fetch(`${t.url}/metrics`, {
    headers: { authorization: 'Bearer metrics-token-for-tests-0123456789abcdef' },
  });
  expect(metrics.status).toBe(200);
  assertNoSecretDigits('/metrics', await metrics.text());
  const conversations = await t.server.store.listConversations({ limit: 10_000 });
  for (const conversation of conversations) {
    const transcript = await fetch(
      `${t.url}/v1/conversations/${conversation.id}/transcript?format=txt`,
      { headers: { authorization: `Bearer ${complianceToken}` } },
    );
    expect(transcript.status).toBe(200);
    assertNoSecretDigits(`the transcript of ${conversation.id}`, await transcript.text());
  }
  await t.server.close();
  assertNoSecretDigits('the SQLite file', databaseText(t.dataDir));
  assertNoSecretDigits('the logs', t.logs.join('\n'));
  await t.stop();
}
