// The cluster bench's clients: conversations opened as in production (handoff, claim, join, a
// first reply), each side on a node picked at random as a load balancer would, and an open-loop
// chat load in both directions — every socket writes once per period, on a fixed schedule
// whatever the answers, and each latency runs from the message's intended send time to the
// counterpart's `message:new` (no coordinated omission, as bench/relay/openLoad.mjs).
import { performance } from 'node:perf_hooks';
import { BENCH_ENV } from '../relay/benchEnv.mjs';
import { connect, request } from '../relay/conversations.mjs';
import { DRAIN_MS, percentile } from '../relay/openLoad.mjs';
import { importParley } from '../relay/parleyBuild.mjs';

/** Opened at once; more would overflow the nodes' accept backlog into SYN retries. */
const OPEN_BATCH = 50;
/** How long a step then waits for the nodes to work through their backlog. */
const RECOVER_MS = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `count` conversations, the customer's and the agent's sockets each on a node picked at random
 * from `urls` (so with two nodes about half the conversations span both). Returns
 * `{ customer, agent, conversationId, customerNode, agentNode }` each.
 *
 * @example
 * const conversations = await openConversations([node1.url, node2.url], 2000, env);
 */
export async function openConversations(urls, count, env) {
  const parley = await importParley();
  const mint = parley.mintDemoTokens(
    parley.loadConfig({ ...BENCH_ENV, ...env, PARLEY_DATA_DIR: 'unused-by-the-minter' }),
  );
  const auth = (token) => ({ token, v: parley.PROTOCOL_MAJOR });
  const open = async (n) => {
    const id = String(n + 1).padStart(4, '0');
    const agentNode = Math.floor(Math.random() * urls.length);
    const customerNode = Math.floor(Math.random() * urls.length);
    const agent = await connect(
      urls[agentNode],
      parley.AGENT_NAMESPACE,
      auth(
        mint.agentToken(`agent-${id}`, {
          name: `Agent ${id}`,
          roles: ['agent'],
          teams: ['social-care'],
        }).token,
      ),
    );
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
    const customer = await connect(
      urls[customerNode],
      parley.CUSTOMER_NAMESPACE,
      auth(mint.customerIdentityToken({ sub: `customer-${id}`, name: `Customer ${id}` }).token),
    );
    const { conversation } = await request(customer, 'handoff:claim', { code: handoff.code });
    await request(agent, 'conversation:join', { conversationId: conversation.id, afterSeq: 0 });
    // The first reply makes the conversation active, so it never falls back to the team queue.
    await request(agent, 'message:send', {
      conversationId: conversation.id,
      clientMsgId: `greeting-${id}`,
      text: `Hello, this is Agent ${id} from the bank. How can I help?`,
    });
    return { customer, agent, conversationId: conversation.id, customerNode, agentNode };
  };
  const conversations = [];
  for (let first = 0; first < count; first += OPEN_BATCH) {
    const batch = [];
    for (let n = first; n < Math.min(count, first + OPEN_BATCH); n++) batch.push(open(n));
    conversations.push(...(await Promise.all(batch)));
  }
  return conversations;
}

/** Closes every socket. */
export function closeConversations(conversations) {
  for (const { customer, agent } of conversations) {
    customer.close();
    agent.close();
  }
}

let stepCounter = 0;

/**
 * Every socket (customers and agents alike) writes one message per `periodSeconds`, spread evenly,
 * for `seconds`; returns the latency percentiles and how many messages the counterpart never
 * received within {@link DRAIN_MS} after the last send. It returns once everything sent has
 * arrived (or was refused), or with `recovered: false` after a further minute.
 *
 * @example
 * const step = await chatLoad(conversations, texts, { periodSeconds: 10, seconds: 60 });
 */
export async function chatLoad(conversations, texts, { periodSeconds, seconds }) {
  const senders = [];
  for (const { customer, agent, conversationId } of conversations) {
    senders.push({ socket: customer, conversationId });
    senders.push({ socket: agent, conversationId });
  }
  const rate = senders.length / periodSeconds;
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  // clientMsgId: 8–64 characters of [A-Za-z0-9_-].
  const prefix = `cluster-${++stepCounter}-`;
  const latency = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  const sendLag = new Float64Array(total);
  const arrivedFlag = new Uint8Array(total);
  let arrived = 0;
  let failed = 0;
  let firstRefusal = null;
  let sent = 0;
  let start = 0;

  // The counterpart's copy counts; the sender's own echo (its other tabs' copy) does not.
  const listeners = [];
  for (const { customer, agent } of conversations) {
    for (const [socket, role] of [
      [customer, 'customer'],
      [agent, 'agent'],
    ]) {
      const onMessage = (message) => {
        const id = message.clientMsgId;
        if (message.sender.role === role || typeof id !== 'string' || !id.startsWith(prefix))
          return;
        const k = Number(id.slice(prefix.length));
        if (arrivedFlag[k] === 1) return;
        arrivedFlag[k] = 1;
        latency[k] = performance.now() - (start + k * interval);
        arrived++;
      };
      socket.on('message:new', onMessage);
      listeners.push([socket, onMessage]);
    }
  }
  const onAck = (ack) => {
    if (ack.ok) return;
    failed++;
    firstRefusal ??= `${ack.error.code}: ${ack.error.message}`;
  };

  start = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      for (; sent < due; sent++) {
        const { socket, conversationId } = senders[sent % senders.length];
        sendLag[sent] = performance.now() - (start + sent * interval);
        socket.emit(
          'message:send',
          {
            conversationId,
            clientMsgId: `${prefix}${sent}`,
            text: texts[sent % texts.length],
          },
          onAck,
        );
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  const drainUntil = performance.now() + DRAIN_MS;
  while (arrived < sent && performance.now() < drainUntil) await sleep(10);
  // A copy: what arrives while the nodes work off their backlog must not change the figures.
  const measured = latency.slice(0, sent).sort();
  const undelivered = sent - arrived;
  // The next step must not start on top of this one's backlog.
  const recoverUntil = performance.now() + RECOVER_MS;
  while (arrived + failed < sent && performance.now() < recoverUntil) await sleep(50);
  for (const [socket, onMessage] of listeners) socket.off('message:new', onMessage);

  const lags = sendLag.subarray(0, sent).sort();
  return {
    rate,
    seconds,
    sent,
    failed,
    firstRefusal,
    undelivered,
    recovered: arrived + failed >= sent,
    p50: percentile(measured, 0.5),
    p99: percentile(measured, 0.99),
    max: measured[sent - 1],
    sendLagP99: percentile(lags, 0.99),
  };
}
