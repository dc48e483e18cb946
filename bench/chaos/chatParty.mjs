// One chat client as the real widget or console behaves, for the chaos run: an outbox that resends
// unacknowledged messages with the same clientMsgId after every reconnect, one seq-ordered log per
// conversation, and a resume (`conversation:resume` for customers, `conversation:join` for
// agents) from the highest contiguous seq held after every (re)connect and whenever a gap shows.
// Unlike the widget, it reconnects through a "load balancer" that may send it to another node.
import { createMessageLog, createOutbox, createRequester } from '@parley/client';
import { io } from 'socket.io-client';

const REQUEST_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The nodes a client may be sent to, as a load balancer's pool: a node leaves it when it dies and
 * comes back when it is up again. Clients already on their way to a dead node get a refused
 * connection and retry, as they would behind a balancer whose health check has not fired yet.
 */
export function createBalancer(random) {
  const urls = [];
  return {
    add: (url) => urls.push(url),
    remove: (url) => urls.splice(urls.indexOf(url), 1),
    urls: () => [...urls],
    pick: () => urls[Math.floor(random() * urls.length)],
  };
}

/**
 * A customer (`role: 'customer'`, one conversation, its identity token traded for a session token
 * on the first connect) or an agent (`role: 'agent'`, several conversations, one console socket).
 *
 * @example
 * const anna = createParty({ role: 'customer', token, balancer, protocol, random });
 * await anna.connected();
 */
export function createParty({ role, token, balancer, protocol, random, reconnectMs = [100, 800] }) {
  const namespace = role === 'customer' ? protocol.CUSTOMER_NAMESPACE : protocol.AGENT_NAMESPACE;
  const resumeEvent = role === 'customer' ? 'conversation:resume' : 'conversation:join';
  const logs = new Map();
  /** clientMsgIds this party wrote, per conversation, in the order they were written. */
  const written = new Map();
  const stats = {
    connects: 0,
    drops: 0,
    connectErrors: 0,
    live: 0,
    resumed: 0,
    resumes: 0,
    resumeFailures: 0,
    sendAttempts: 0,
  };
  let authToken = token;
  let socket = null;
  let request = null;
  let stopped = false;
  let reconnectTimer;
  let dropAfterNextSend = false;
  const talkTimers = new Set();
  const resuming = new Map();
  const waiters = new Set();

  const log = (conversationId) => {
    let found = logs.get(conversationId);
    if (found === undefined) {
      found = createMessageLog();
      logs.set(conversationId, found);
      written.set(conversationId, []);
    }
    return found;
  };

  const outbox = createOutbox({
    send: (item) => {
      stats.sendAttempts += 1;
      if (request === null)
        return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } });
      const answer = request('message:send', item);
      if (dropAfterNextSend) {
        // The connection dies with the message on the wire: its ack is lost, the outbox keeps it.
        dropAfterNextSend = false;
        cut();
      }
      return answer;
    },
    onSent: (item, data) => merge(item.conversationId, [data], 'own'),
  });

  function merge(conversationId, messages, how) {
    const { added, gap } = log(conversationId).merge(messages);
    if (how === 'live') stats.live += added;
    else if (how === 'resume') stats.resumed += added;
    if (gap) void resume(conversationId);
  }

  /** Fetches what was missed; one request per conversation at a time, repeated if asked again. */
  function resume(conversationId) {
    const running = resuming.get(conversationId);
    if (running !== undefined) {
      running.again = true;
      return running.done;
    }
    const state = { again: false, done: null };
    state.done = (async () => {
      do {
        state.again = false;
        if (request === null) break;
        stats.resumes += 1;
        const ack = await request(resumeEvent, {
          conversationId,
          afterSeq: log(conversationId).contiguousSeq(),
        });
        if (ack.ok) merge(conversationId, ack.data.messages, 'resume');
        else stats.resumeFailures += 1;
      } while (state.again);
      resuming.delete(conversationId);
    })();
    resuming.set(conversationId, state);
    return state.done;
  }

  function cut() {
    stats.drops += 1;
    socket?.io.engine?.close();
  }

  function scheduleReconnect() {
    if (stopped || reconnectTimer !== undefined) return;
    const [min, max] = reconnectMs;
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = undefined;
        open();
      },
      min + random() * (max - min),
    );
  }

  function open() {
    if (stopped) return;
    const url = balancer.pick();
    if (url === undefined) {
      scheduleReconnect();
      return;
    }
    const s = io(`${url}${namespace}`, {
      auth: { token: authToken, v: protocol.PROTOCOL_MAJOR },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    socket = s;
    request = createRequester(s, REQUEST_TIMEOUT_MS);
    s.on('connect', () => {
      if (s !== socket) return;
      stats.connects += 1;
      for (const resolve of waiters) resolve();
      waiters.clear();
      // As the widget: resume first, so the outbox's messages land after what was already seen.
      void Promise.all([...logs.keys()].map((id) => resume(id))).then(() => outbox.flush());
    });
    s.on('disconnect', () => {
      if (s !== socket) return;
      request = null;
      scheduleReconnect();
    });
    s.on('connect_error', () => {
      if (s !== socket) return;
      stats.connectErrors += 1;
      s.close();
      request = null;
      scheduleReconnect();
    });
    s.on('session:issued', ({ token: sessionToken }) => {
      authToken = sessionToken;
    });
    s.on('message:new', (message) => {
      if (logs.has(message.conversationId)) merge(message.conversationId, [message], 'live');
    });
    s.on('message:amended', ({ conversationId, seq, text, redactions }) => {
      logs.get(conversationId)?.amend(seq, text, redactions);
    });
  }

  return {
    role,
    stats,
    outbox,
    open,
    /** Resolves once connected (now or at the next connect). */
    connected: () =>
      socket?.connected ? Promise.resolve() : new Promise((resolve) => waiters.add(resolve)),
    isConnected: () => socket?.connected === true,
    /** A request on the current socket; an `UNAVAILABLE` ack while disconnected. */
    request: (event, payload) =>
      request === null
        ? Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } })
        : request(event, payload),
    /** Starts following a conversation with what its claim or first join returned. */
    follow(conversationId, messages) {
      merge(conversationId, messages, 'resume');
    },
    /** Writes a message: into the outbox, sent at once when connected. */
    say(conversationId, text) {
      log(conversationId);
      const item = outbox.add(conversationId, text);
      written.get(conversationId).push(item.clientMsgId);
      return item;
    },
    /** Writes to each conversation at random intervals (mean `meanGapMs`) until `quiet()`. */
    talk(meanGapMs, nextText) {
      for (const conversationId of logs.keys()) {
        const next = () => {
          const timer = setTimeout(
            () => {
              talkTimers.delete(timer);
              this.say(conversationId, nextText());
              next();
            },
            -Math.log(1 - random()) * meanGapMs,
          );
          talkTimers.add(timer);
        };
        next();
      }
    },
    quiet() {
      for (const timer of talkTimers) clearTimeout(timer);
      talkTimers.clear();
    },
    /** The network drops the connection now, or right after the next message leaves. */
    drop({ afterSend = false } = {}) {
      if (socket?.connected !== true) return;
      if (afterSend && outbox.items().length === 0) dropAfterNextSend = true;
      else cut();
    },
    /** Connected, nothing unconfirmed in the outbox, no resume in flight. */
    settled: () => socket?.connected === true && outbox.items().length === 0 && resuming.size === 0,
    /** The messages this party shows, per conversation, in order. */
    view: (conversationId) => logs.get(conversationId)?.messages() ?? [],
    written: (conversationId) => written.get(conversationId) ?? [],
    conversations: () => [...logs.keys()],
    /** The token it reconnects with (a customer's session token after the first connect). */
    token: () => authToken,
    stop() {
      stopped = true;
      this.quiet();
      clearTimeout(reconnectTimer);
      socket?.close();
    },
  };
}
