// Opens the conversations the load runs over: one customer socket and one agent socket each, as
// real clients connect (websocket transport, one engine connection per socket).
import { io } from 'socket.io-client';
import { BENCH_ENV } from './benchEnv.mjs';
import { importParley } from './parleyBuild.mjs';

/** Connects in batches so the server's accept backlog never overflows into SYN retries. */
const CONNECT_BATCH = 50;
const REQUEST_TIMEOUT_MS = 30_000;

/** One client socket as the benches open them: websocket, its own connection, no retries. */
export function connect(url, namespace, auth) {
  const socket = io(`${url}${namespace}`, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`${namespace}: ${error.message}`));
    });
  });
}

/** A request's data, or an Error naming the event and the refusal. */
export async function request(socket, event, payload) {
  const ack = await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** Each conversation as it starts in Parley: a public post, a handoff, a claim, a first reply. */
async function parleyConversation(parley, mint, url, n) {
  const id = String(n + 1).padStart(4, '0');
  const agent = await connect(url, parley.AGENT_NAMESPACE, {
    token: mint.agentToken(`agent-${id}`, {
      name: `Agent ${id}`,
      roles: ['agent'],
      teams: ['social-care'],
    }).token,
    v: parley.PROTOCOL_MAJOR,
  });
  const handoff = await request(agent, 'handoff:create', {
    channel: 'x',
    customerHandle: `@customer_${id}`,
    locale: 'en',
    thread: [
      {
        author: `Customer ${id}`,
        handle: `@customer_${id}`,
        text: 'Charged twice for one purchase and nobody answers the phone. What is going on?',
        postedAt: new Date().toISOString(),
      },
    ],
  });
  const customer = await connect(url, parley.CUSTOMER_NAMESPACE, {
    token: mint.customerIdentityToken({ sub: `customer-${id}`, name: `Customer ${id}` }).token,
    v: parley.PROTOCOL_MAJOR,
  });
  const { conversation } = await request(customer, 'handoff:claim', { code: handoff.code });
  await request(agent, 'conversation:join', { conversationId: conversation.id, afterSeq: 0 });
  // The first reply makes the conversation active. Unanswered, it would fall back to the team
  // queue, where every agent of the team receives every message: not the load being measured.
  await request(agent, 'message:send', {
    conversationId: conversation.id,
    clientMsgId: `greeting-${id}`,
    text: `Hello, this is Agent ${id} from the bank. How can I help?`,
  });
  return { customer, agent, conversationId: conversation.id };
}

async function bareConversation(url, n) {
  const [customer, agent] = await Promise.all([
    connect(url, '/customer', { pair: n }),
    connect(url, '/agent', { pair: n }),
  ]);
  return { customer, agent, conversationId: `bare_${n}` };
}

/**
 * `count` conversations on the server at `url`, each `{ customer, agent, conversationId }`.
 *
 * @example
 * const pairs = await openConversations('parley', server.url, 1000);
 */
export async function openConversations(kind, url, count) {
  let open;
  if (kind === 'parley') {
    const parley = await importParley();
    // The same environment as the server, so these tokens verify there.
    const mint = parley.mintDemoTokens(
      parley.loadConfig({ ...BENCH_ENV, PARLEY_DATA_DIR: 'unused-by-the-minter' }),
    );
    open = (n) => parleyConversation(parley, mint, url, n);
  } else {
    open = (n) => bareConversation(url, n);
  }
  const pairs = [];
  for (let first = 0; first < count; first += CONNECT_BATCH) {
    const batch = [];
    for (let n = first; n < Math.min(count, first + CONNECT_BATCH); n++) batch.push(open(n));
    pairs.push(...(await Promise.all(batch)));
  }
  return pairs;
}

/** Closes every socket of the conversations. */
export function closeConversations(pairs) {
  for (const { customer, agent } of pairs) {
    customer.close();
    agent.close();
  }
}
