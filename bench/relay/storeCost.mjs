// What Parley's SQLite store alone costs a relayed message: the head read and the append (its
// row, the conversation's next seq, its archive entry), with the group commit and WAL sync as the
// server runs them, on a real file in the system's temporary folder. Each turn of the event loop
// queues `group` messages, so they share one commit, as a burst of sends does in the server.
// Prints CPU time per message (user + system, all threads: the WAL sync and the checkpoint worker
// included) for each group size. No sockets: this is the store's part of bench/relay's figures.
//
//   npm run build && taskset -c 0 node bench/relay/storeCost.mjs           # groups of 1, 4, 16
//   taskset -c 0 node bench/relay/storeCost.mjs 2 8
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBuild, importServerModule } from './parleyBuild.mjs';

const CONVERSATIONS = 1000;
const WARM_MESSAGES = 3000;
const MESSAGES = 20_000;
/** Messages in flight before the loop waits for their acknowledgements, as a client's window. */
const IN_FLIGHT = 2000;
const TEXT = 'Hello, I would like to know why my transfer from Monday has not arrived yet.';

const groups = process.argv.slice(2).map(Number);
if (!groups.every((g) => Number.isInteger(g) && g > 0)) {
  console.error('usage: node bench/relay/storeCost.mjs [<messages per commit> …]');
  process.exit(2);
}
const warning = checkBuild();
if (warning !== null) console.log(warning);
const { createSqliteStore } = await importServerModule('store/createSqliteStore.js');
const { archiveActor, archiveEntry } = await importServerModule('archive/archiveEntry.js');

const id = (prefix) => `${prefix}_${randomBytes(16).toString('base64url')}`;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A store holding `CONVERSATIONS` active conversations, each with a two-post public thread. */
async function openStore(dir) {
  const store = createSqliteStore({ file: join(dir, 'parley.sqlite'), chainKey: randomBytes(32) });
  await store.migrate();
  const conversations = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const now = new Date().toISOString();
    const customer = {
      id: id('cu'),
      name: `Customer ${i}`,
      phone: null,
      locale: 'en',
      socialHandle: `@c${i}`,
    };
    const conversation = {
      id: id('cv'),
      channel: 'x',
      team: 'social-care',
      handoffId: null,
      publicThread: [
        {
          author: customer.name,
          handle: customer.socialHandle,
          text: 'Charged twice, help?',
          postedAt: now,
        },
        {
          author: 'Bank',
          handle: '@bank',
          text: 'Sorry to hear that, let us take this private.',
          postedAt: now,
        },
      ],
      customer,
      createdAt: now,
      state: 'active',
      agentId: 'alice',
      agentName: 'Alice',
      fallbackAt: null,
      queuedAt: null,
      closedAt: null,
      closedBy: null,
      slaStartedAt: now,
      slaDeadline: now,
      firstReplyAt: null,
      lastSeq: 0,
      lastMessageAt: null,
      lastActivityAt: now,
      customerReadSeq: 0,
      agentReadSeq: 0,
    };
    await store.insertConversation(conversation, [
      archiveEntry('assigned', now, { role: 'system', id: null, name: null }),
    ]);
    conversations.push(conversation);
  }
  return { store, conversations };
}

/** One customer message as the server stores it: the head read, then the append. */
async function send(store, conversation) {
  const head = await store.getConversationHead(conversation.id);
  if (head === null) throw new Error('conversation vanished');
  const customer = { kind: 'customer', id: head.customerId, name: conversation.customer.name };
  const at = new Date();
  return store.appendMessage(
    {
      id: id('message'),
      conversationId: head.id,
      clientMsgId: id('c'),
      kind: 'text',
      sender: { role: 'customer', id: customer.id, name: customer.name },
      text: TEXT,
      redactions: [],
      createdAt: at.toISOString(),
    },
    archiveEntry('message', at, archiveActor(customer), { text: TEXT }),
    () => {},
  );
}

async function run(store, conversations, group, count, start) {
  let pending = [];
  for (let i = 0; i < count; i += group) {
    for (let j = 0; j < group; j++) {
      // A stride through the conversations, so consecutive messages touch different pages.
      pending.push(send(store, conversations[((start + i + j) * 7919) % conversations.length]));
    }
    await nextTurn();
    if (pending.length >= IN_FLIGHT) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
}

for (const group of groups.length > 0 ? groups : [1, 4, 16]) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-cost-'));
  const { store, conversations } = await openStore(dir);
  try {
    await run(store, conversations, group, WARM_MESSAGES, 0);
    const before = process.cpuUsage();
    await run(store, conversations, group, MESSAGES, WARM_MESSAGES);
    const used = process.cpuUsage(before);
    const perMessage = (us) => (us / MESSAGES).toFixed(0);
    console.log(
      `${group} a commit: ${perMessage(used.user + used.system)} µs of CPU a message (user ${perMessage(used.user)}, system ${perMessage(used.system)})`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
