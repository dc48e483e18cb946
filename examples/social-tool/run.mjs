#!/usr/bin/env node
// The bank's social-care tool, reduced to its Parley part: for each X mention or Facebook Page
// comment event it creates a handoff (`POST /v1/handoffs` with a service API key) and prints the
// public reply to post, link included.
//
//   node examples/social-tool/run.mjs
//       starts a throw-away demo server, creates a service key and handles events/*.json
//   SOCIAL_TOOL_KEY=psk_… node examples/social-tool/run.mjs --server https://chat.bank.example \
//       [--team social-care | --agent alice] [event.json …]
//       the same against a running server (the key stays out of the command line and `ps`)
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startDemoServer } from '../shared/demoServer.mjs';
import { handoffsFromEvent } from './mapEvents.mjs';

const EVENTS = ['x-mention.json', 'facebook-comment.json'].map(
  (name) => new URL(`events/${name}`, import.meta.url),
);

/** Creates one handoff; throws the server's `{ code, message }` as a readable error. */
async function createHandoff(server, key, body) {
  const response = await fetch(`${server}/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { code = response.status, message = response.statusText } = answer.error ?? {};
    throw new Error(`${code}: ${message}`);
  }
  return answer;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { server: { type: 'string' }, team: { type: 'string' }, agent: { type: 'string' } },
  });
  const owner = values.agent ? { agentId: values.agent } : { team: values.team ?? 'social-care' };
  const files = positionals.length > 0 ? positionals : EVENTS;
  let server = values.server;
  let key = process.env.SOCIAL_TOOL_KEY;
  let demo = null;
  if (server === undefined) {
    demo = await startDemoServer(Number(process.env.PARLEY_PORT ?? 8080));
    server = demo.url;
    key = await demo.serviceKey('social-care tool (example)');
    console.log(`A demo server is running on ${server} with a new service key for this run.\n`);
  } else if (!key?.startsWith('psk_')) {
    throw new Error(
      'Set SOCIAL_TOOL_KEY to a service API key (psk_…). Create one with: npx parley-server service-key create "social tool"',
    );
  }
  try {
    for (const file of files) {
      const event = JSON.parse(await readFile(file, 'utf8'));
      const requests = handoffsFromEvent(event, owner);
      if (requests.length === 0)
        console.log(`No customer mention or comment in ${file}: nothing to hand off.\n`);
      for (const request of requests) {
        const created = await createHandoff(server.replace(/\/$/, ''), key, request);
        console.log(
          `${request.channel === 'x' ? 'X mention' : 'Facebook comment'} from ${request.customerHandle}`,
        );
        console.log(`  link     ${created.url}  (single use, until ${created.expiresAt})`);
        console.log(`  reply    ${created.suggestedReply.replaceAll('\n', '\n           ')}\n`);
      }
    }
  } finally {
    await demo?.stop();
  }
}

main().catch((error) => {
  console.error(`social-tool: ${error.message}`);
  process.exit(1);
});
