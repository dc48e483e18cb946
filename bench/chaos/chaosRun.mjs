// The chaos run shared by `bench/chaos` and the cluster suite (`test/cluster/chaos.test.ts`):
// conversations between customers and agents on a cluster of Parley nodes (one PostgreSQL
// database, one private Redis), while clients drop and reconnect at random, one node is SIGKILLed
// and started again and Redis is killed and started again (empty). Afterwards every customer's and
// agent's view is compared with the archive, read back from the server with `afterSeq: 0`.
import { io } from 'socket.io-client';
import { chatTexts } from '../relay/chatText.mjs';
import { createBalancer, createParty } from './chatParty.mjs';

const OPEN_BATCH = 10;
const SETTLE_LIMIT_MS = 60_000;
const QUIET_MS = 1_500;
const REDIS_DOWN_MS = 1_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator (mulberry32): the same faults hit the same clients in every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function must(ack, what) {
  const answer = await ack;
  if (!answer.ok) throw new Error(`${what}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** Polls `done` every 50 ms (calling `nudge` each second) until true or `limitMs` passes. */
async function waitFor(done, limitMs, nudge = () => {}) {
  const until = Date.now() + limitMs;
  let nudged = Date.now();
  while (!done()) {
    if (Date.now() > until) return false;
    if (Date.now() - nudged >= 1_000) {
      nudge();
      nudged = Date.now();
    }
    await sleep(50);
  }
  return true;
}

/** One request on a fresh socket of its own, closed afterwards: how the archive is read back. */
async function readBack(url, namespace, token, protocol, event, payload) {
  const socket = io(`${url}${namespace}`, {
    auth: { token, v: protocol.PROTOCOL_MAJOR },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  try {
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return await must(socket.timeout(15_000).emitWithAck(event, payload), event);
  } finally {
    socket.close();
  }
}

const shape = (m) => `${m.seq}|${m.id}|${m.clientMsgId}|${m.kind}|${m.text}`;

/**
 * Compares every view with the archive and counts what the issue asks for. `archive` maps a
 * conversation to the messages an agent reads with `conversation:join` afterSeq 0; `customerArchive`
 * to what the customer reads with `conversation:resume` afterSeq 0.
 */
function audit(pairs, archive, customerArchive, outboxLeft) {
  const counts = {
    sent: 0,
    stored: 0,
    delivered: 0,
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    viewsDiffering: 0,
    notStored: 0,
    missingFromViews: 0,
    outboxLeft,
  };
  const problems = [];
  for (const { conversationId, customer, agent } of pairs) {
    const stored = archive.get(conversationId);
    const bySeq = stored.map((m) => m.seq);
    if (bySeq.some((seq, i) => seq !== i + 1)) {
      counts.outOfOrder += 1;
      problems.push(`${conversationId}: archive seqs are not 1..n: ${bySeq.join(',')}`);
    }
    const seqOf = new Map();
    for (const m of stored) {
      if (m.clientMsgId === null) continue;
      if (seqOf.has(m.clientMsgId)) {
        counts.duplicated += 1;
        problems.push(`${conversationId}: clientMsgId ${m.clientMsgId} stored twice`);
      }
      seqOf.set(m.clientMsgId, m.seq);
    }
    for (const [sender, reader] of [
      [customer, agent],
      [agent, customer],
    ]) {
      const ids = sender.written(conversationId);
      counts.sent += ids.length;
      let previous = 0;
      for (const id of ids) {
        const seq = seqOf.get(id);
        if (seq === undefined) {
          counts.notStored += 1;
          continue;
        }
        counts.stored += 1;
        // Each sender's messages must be stored in the order they were written.
        if (seq < previous) counts.outOfOrder += 1;
        previous = Math.max(previous, seq);
        if (reader.view(conversationId).some((m) => m.clientMsgId === id)) counts.delivered += 1;
      }
    }
    const expected = [
      [agent, stored],
      [customer, customerArchive.get(conversationId)],
    ];
    for (const [party, truth] of expected) {
      const view = party.view(conversationId);
      const held = new Set(view.map(shape));
      const missing = truth.filter((m) => !held.has(shape(m)));
      counts.missingFromViews += missing.length;
      const seen = new Set();
      for (const m of view) {
        if (m.clientMsgId === null) continue;
        if (seen.has(m.clientMsgId)) counts.duplicated += 1;
        seen.add(m.clientMsgId);
      }
      for (let i = 1; i < view.length; i++)
        if (view[i].seq <= view[i - 1].seq) counts.outOfOrder += 1;
      const same =
        view.length === truth.length && view.every((m, i) => shape(m) === shape(truth[i]));
      if (!same) {
        counts.viewsDiffering += 1;
        if (problems.length < 20) {
          const extra = view.filter((m) => !truth.some((t) => shape(t) === shape(m)));
          problems.push(
            `${conversationId}: the ${party.role}'s view (${view.length}) differs from the archive (${truth.length}); missing seqs [${missing.map((m) => m.seq).join(',')}], not in the archive [${extra.map((m) => m.seq).join(',')}]`,
          );
        }
      }
    }
  }
  counts.lost = counts.notStored + counts.missingFromViews + outboxLeft;
  return { counts, problems };
}

/**
 * Runs the scenario and returns the counts (and the problems found, for the report).
 *
 * `startNode(env)` starts a node of the built server and resolves with `{ url, kill(), stop() }`;
 * `env` must hold `DATABASE_URL`, `REDIS_URL`, `PARLEY_REDIS_PREFIX` and the secrets `mint` signs
 * with. `write(line)` prints progress.
 *
 * @example
 * const { counts } = await runChaos({ startNode, env, redis, mint, protocol, conversations: 40, seconds: 20 });
 */
export async function runChaos({
  startNode,
  env,
  redis,
  mint,
  protocol,
  nodeCount = 3,
  conversations = 40,
  conversationsPerAgent = 5,
  seconds = 20,
  meanGapMs = 2_000,
  dropEveryMs = 250,
  seed = 20_261_122,
  write = () => {},
}) {
  const random = seeded(seed);
  const texts = chatTexts(499);
  let textIndex = 0;
  const nextText = () => texts[textIndex++ % texts.length];
  const balancer = createBalancer(random);
  const nodes = [];
  const parties = [];
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const events = [];
  const note = (text) => {
    events.push(`${elapsed()} ${text}`);
    write(`[chaos] ${elapsed()} ${text}`);
  };

  try {
    // One node first, so the schema is migrated once; then the others.
    nodes.push(await startNode(env));
    nodes.push(...(await Promise.all(Array.from({ length: nodeCount - 1 }, () => startNode(env)))));
    for (const node of nodes) balancer.add(node.url);
    note(`${nodeCount} nodes up: ${nodes.map((n) => n.url).join(' ')}`);

    const agentCount = Math.ceil(conversations / conversationsPerAgent);
    const agents = Array.from({ length: agentCount }, (_, a) => {
      const id = `chaos-agent-${String(a + 1).padStart(3, '0')}`;
      const { token } = mint.agentToken(id, {
        name: `Agent ${a + 1}`,
        roles: ['agent'],
        teams: ['social-care'],
      });
      return createParty({ role: 'agent', token, balancer, protocol, random });
    });
    parties.push(...agents);
    for (const agent of agents) agent.open();
    await Promise.all(agents.map((agent) => agent.connected()));

    const pairs = [];
    for (let first = 0; first < conversations; first += OPEN_BATCH) {
      const batch = [];
      for (let n = first; n < Math.min(conversations, first + OPEN_BATCH); n++) {
        batch.push(
          (async () => {
            const agent = agents[n % agentCount];
            const handle = `@chaos_${n + 1}`;
            const handoff = await must(
              agent.request('handoff:create', {
                channel: 'x',
                customerHandle: handle,
                locale: 'en',
                thread: [
                  {
                    author: `Customer ${n + 1}`,
                    handle,
                    text: 'Charged twice for one purchase and nobody answers the phone.',
                    postedAt: new Date().toISOString(),
                  },
                ],
              }),
              'handoff:create',
            );
            const { token } = mint.customerIdentityToken({
              sub: `chaos-customer-${n + 1}`,
              name: `Customer ${n + 1}`,
            });
            const customer = createParty({ role: 'customer', token, balancer, protocol, random });
            parties.push(customer);
            customer.open();
            await customer.connected();
            const claimed = await must(
              customer.request('handoff:claim', { code: handoff.code }),
              'handoff:claim',
            );
            const conversationId = claimed.conversation.id;
            customer.follow(conversationId, claimed.messages);
            const joined = await must(
              agent.request('conversation:join', { conversationId, afterSeq: 0 }),
              'conversation:join',
            );
            agent.follow(conversationId, joined.messages);
            return { conversationId, customer, agent };
          })(),
        );
      }
      pairs.push(...(await Promise.all(batch)));
    }
    note(`${pairs.length} conversations open (${parties.length} sockets)`);

    // Traffic, random drops and the scripted faults, all at once.
    const trafficStarted = Date.now();
    for (const party of parties) party.talk(meanGapMs, nextText);
    let drops = 0;
    const dropper = setInterval(() => {
      const party = parties[Math.floor(random() * parties.length)];
      party.drop({ afterSend: random() < 0.5 });
      drops += 1;
    }, dropEveryMs);
    const runMs = seconds * 1000;
    const victimIndex = 1 % nodeCount;
    const at = async (fraction, action) => {
      await sleep(Math.max(0, trafficStarted + fraction * runMs - Date.now()));
      await action();
    };
    await at(0.2, async () => {
      const victim = nodes[victimIndex];
      balancer.remove(victim.url);
      await victim.kill();
      note(`node ${victimIndex + 1} SIGKILLed (${victim.url})`);
    });
    await at(0.4, async () => {
      const port = new URL(nodes[victimIndex].url).port;
      nodes[victimIndex] = await startNode({ ...env, PARLEY_PORT: port });
      balancer.add(nodes[victimIndex].url);
      note(`node ${victimIndex + 1} restarted on the same port`);
    });
    await at(0.6, async () => {
      await redis.kill();
      note('redis-server SIGKILLed (no persistence: every stream and key is gone)');
      await sleep(REDIS_DOWN_MS);
      await redis.start();
      note(`redis-server started again after ${REDIS_DOWN_MS / 1000} s, empty`);
    });
    await at(1, async () => {});
    clearInterval(dropper);
    for (const party of parties) party.quiet();
    note(`traffic stopped; ${drops} random drops`);

    const settle = async (label) => {
      const settled = await waitFor(
        () => parties.every((party) => party.settled()),
        SETTLE_LIMIT_MS,
        () => {
          // A console or widget retries what a throttled or unanswered send left queued.
          for (const party of parties) if (party.isConnected()) void party.outbox.flush();
        },
      );
      await sleep(QUIET_MS);
      note(
        settled
          ? `${label}: every client connected, outboxes empty`
          : `${label}: NOT settled after ${SETTLE_LIMIT_MS / 1000} s`,
      );
    };
    const readArchive = async () => {
      const archive = new Map();
      const customerArchive = new Map();
      for (let first = 0; first < pairs.length; first += OPEN_BATCH) {
        await Promise.all(
          pairs
            .slice(first, first + OPEN_BATCH)
            .map(async ({ conversationId, customer, agent }) => {
              const joined = await readBack(
                balancer.pick(),
                protocol.AGENT_NAMESPACE,
                agent.token(),
                protocol,
                'conversation:join',
                { conversationId, afterSeq: 0 },
              );
              archive.set(conversationId, joined.messages);
              const resumed = await readBack(
                balancer.pick(),
                protocol.CUSTOMER_NAMESPACE,
                customer.token(),
                protocol,
                'conversation:resume',
                { conversationId, afterSeq: 0 },
              );
              customerArchive.set(conversationId, resumed.messages);
            }),
        );
      }
      return { archive, customerArchive };
    };
    const outboxLeft = () => parties.reduce((sum, party) => sum + party.outbox.items().length, 0);

    // What the clients show once everything is quiet, before anyone writes again: a message whose
    // live push was lost and that no later message followed is not shown yet (the protocol heals
    // it with the next message's gap, or the next reconnect).
    await settle('settled');
    const before = await readArchive();
    const stale = audit(pairs, before.archive, before.customerArchive, outboxLeft()).counts;

    // The conversations go on: one more line from each side heals what the gap check can.
    for (const { conversationId, customer, agent } of pairs) {
      customer.say(conversationId, 'Thanks, that is everything for now.');
      agent.say(conversationId, 'You are welcome. Have a good evening.');
    }
    await settle('closing lines sent');
    const after = await readArchive();
    const { counts, problems } = audit(pairs, after.archive, after.customerArchive, outboxLeft());
    const totals = {};
    for (const party of parties)
      for (const [key, value] of Object.entries(party.stats))
        totals[key] = (totals[key] ?? 0) + value;
    return {
      counts,
      problems,
      staleBeforeClosingLines: stale.missingFromViews,
      clients: totals,
      drops,
      events,
      sockets: parties.length,
      conversations: pairs.length,
    };
  } finally {
    for (const party of parties) party.stop();
    await Promise.all(nodes.map((node) => node.stop().catch(() => {})));
  }
}

/** The counts as printed lines. */
export function chaosReport(result) {
  const c = result.counts;
  return [
    `conversations ${result.conversations}, sockets ${result.sockets}, random drops ${result.drops}`,
    `messages sent ${c.sent}, stored ${c.stored}, delivered ${c.delivered}`,
    `lost ${c.lost} (not stored ${c.notStored}, missing from a view ${c.missingFromViews}, left in an outbox ${c.outboxLeft})`,
    `duplicated ${c.duplicated}`,
    `out of order ${c.outOfOrder}`,
    `views differing from the archive ${c.viewsDiffering}`,
    `live pushes missed before the closing lines (healed by them): ${result.staleBeforeClosingLines}`,
    `client reconnects ${result.clients.connects - result.sockets}, refused connects ${result.clients.connectErrors}, resumes ${result.clients.resumes} (${result.clients.resumeFailures} failed), messages received live ${result.clients.live}, via resume ${result.clients.resumed}, send attempts ${result.clients.sendAttempts}`,
    ...result.problems.map((p) => `problem: ${p}`),
  ].join('\n');
}
