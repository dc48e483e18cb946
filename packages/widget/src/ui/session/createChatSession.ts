import {
  createMessageLog,
  createOutbox,
  createRequester,
  type RequestSocket,
  TRANSPORTS,
} from '@parley/client';
import {
  type Ack,
  type Callback,
  type CustomerClientEvents,
  type CustomerMessage,
  type CustomerServerEvents,
  type CustomerSnapshot,
  type customerRequests,
  type ErrorCode,
  type HandoffPreview,
  type Locale,
  PROTOCOL_MAJOR,
  type RequestCallback,
  type SessionIssued,
} from '@parley/protocol';
import { redact } from '@parley/protocol/redact';
import { io, type Socket } from 'socket.io-client';
import { CODE_KEY, LOGIN_KEY, OUTBOX_KEY, readKey, writeKey } from '../../core/storage.js';
import type { Emit, ParleyOptions } from '../../types.js';
import { type ChatState, INITIAL_STATE } from './ChatState.js';
import { postJson } from './postJson.js';
import { loadSession, readClaims, type StoredSession, saveSession } from './storedSession.js';

type CustomerSocket = Socket<CustomerServerEvents, CustomerClientEvents>;

/** The agent's typing indicator goes away on its own if the "stopped" signal is lost. */
const TYPING_TIMEOUT_MS = 8_000;
/** The customer's "typing" signal is repeated at most this often while they type. */
const TYPING_REPEAT_MS = 3_000;
/** Handshake errors after which the stored session is worthless. */
const AUTH_ERRORS = new Set<string>(['UNAUTHENTICATED', 'TOKEN_EXPIRED']);

/** Options the session needs besides the widget's. */
export interface ChatSessionDeps {
  options: ParleyOptions & { server: string };
  locale: Locale;
  returnedToken: string | null;
  emit: Emit;
  setUnread(count: number): void;
  /** For tests: the socket factory. */
  connect?: (url: string, options: Parameters<typeof io>[1]) => CustomerSocket;
  /** For tests and the login redirect. */
  navigate?: (url: string) => void;
}

/**
 * Everything the chat does, apart from drawing it: signing in, the handoff claim, the socket
 * and its reconnects, the seq-ordered log, the exactly-once outbox, typing, read receipts,
 * call-backs and the survey. The UI subscribes to its state and calls its actions.
 *
 * @example
 * const chat = createChatSession({ options, locale: 'ru', returnedToken: null, emit, setUnread });
 * chat.subscribe((state) => render(state));
 * await chat.send('Hello');
 */
export function createChatSession(deps: ChatSessionDeps) {
  const { options, emit } = deps;
  const server = options.server;
  let state: ChatState = { ...INITIAL_STATE, code: readKey(CODE_KEY) };
  const listeners = new Set<(state: ChatState) => void>();
  let session: StoredSession | null = loadSession(Date.now());
  let socket: CustomerSocket | null = null;
  let request: ReturnType<typeof createRequester<typeof customerRequests>> | null = null;
  let visible = false;
  let readSent = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let typingSentAt = 0;
  let resuming = false;
  /** The conversation of a session that ran out, to resume after signing in again. */
  let endedConversationId: string | null = null;
  const log = createMessageLog<CustomerMessage>();

  const set = (patch: Partial<ChatState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  const fail = (code: ErrorCode, message: string) => emit('error', { code, message });

  const outbox = createOutbox({
    send: (item) =>
      request === null
        ? Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } })
        : request('message:send', item),
    onChange: (items) => set({ outbox: items }),
    onSent: (_item, data) => addMessages([data as CustomerMessage], false),
    storage: {
      load: () => {
        try {
          return JSON.parse(readKey(OUTBOX_KEY) ?? '[]');
        } catch {
          return [];
        }
      },
      save: (items) => writeKey(OUTBOX_KEY, items.length === 0 ? null : JSON.stringify(items)),
    },
  });

  const storeSession = (next: StoredSession | null) => {
    session = next;
    saveSession(next);
  };

  /**
   * Adds messages to the log. `live`: they arrived as they were sent (or while reconnecting),
   * so the bank's count as unread while the panel is closed; the history a first load brings
   * does not.
   */
  function addMessages(messages: readonly CustomerMessage[], live: boolean): void {
    const held = new Set(log.messages().map((m) => m.seq));
    const { gap } = log.merge(messages);
    let unread = state.unread;
    for (const message of messages) {
      if (held.has(message.seq)) continue;
      held.add(message.seq);
      emit('message', message);
      if (live && !visible && message.sender.role === 'agent') unread += 1;
    }
    const changed = unread !== state.unread;
    set({ messages: log.messages(), unread });
    if (changed) {
      deps.setUnread(unread);
      emit('unread', unread);
    }
    // One resume at a time: a gap the server cannot fill must not start an endless loop.
    if (gap && !resuming) void resume();
    markRead();
  }

  function applySnapshot(snapshot: CustomerSnapshot, live = false): void {
    if (session !== null) storeSession({ ...session, conversationId: snapshot.conversation.id });
    set({ conversation: snapshot.conversation });
    addMessages(snapshot.messages, live);
  }

  async function resume(): Promise<void> {
    const id = session?.conversationId;
    if (request === null || id == null || resuming) return;
    resuming = true;
    const afterSeq = log.contiguousSeq();
    const ack = await request('conversation:resume', { conversationId: id, afterSeq });
    resuming = false;
    // Catching up after the first load: what arrived meanwhile counts as unread.
    if (ack.ok) applySnapshot(ack.data, afterSeq > 0);
    else if (ack.error.code === 'CONVERSATION_NOT_FOUND' && session !== null)
      storeSession({ ...session, conversationId: null });
  }

  function connect(): void {
    if (session === null || socket !== null) return;
    const make = deps.connect ?? io;
    const s = make(`${server}/customer`, {
      // A function, so every reconnect presents the newest session token.
      auth: (cb) => cb({ token: session?.token ?? '', v: PROTOCOL_MAJOR }),
      ...TRANSPORTS,
      forceNew: true,
      withCredentials: false,
    }) as CustomerSocket;
    socket = s;
    request = createRequester<typeof customerRequests>(s as unknown as RequestSocket);
    set({ connection: navigator.onLine === false ? 'offline' : 'connecting' });
    s.on('connect', () => {
      set({ connection: 'online' });
      // Resume first, so the outbox's messages land after what the customer already saw.
      void resume()
        .then(() => outbox.flush())
        .then(loadCallbacks);
    });
    s.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      if (reason === 'io server disconnect') {
        // The server closed the socket: the session ran out without a refresh.
        void reauthenticate();
        return;
      }
      set({ connection: 'reconnecting', agentTyping: false });
    });
    s.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      const code = error.data?.code;
      if (code !== undefined && AUTH_ERRORS.has(code)) void reauthenticate();
      else {
        if (code !== undefined) fail(code as ErrorCode, error.data?.message ?? '');
        set({ connection: navigator.onLine === false ? 'offline' : 'reconnecting' });
        // Middleware refusals are not retried by socket.io itself.
        if (code !== undefined) s.disconnect();
      }
    });
    s.on('message:new', (message) => addMessages([message], true));
    s.on('message:amended', ({ seq, text, redactions }) => {
      if (log.amend(seq, text, redactions)) set({ messages: log.messages() });
    });
    s.on('typing', ({ role, name, typing }) => {
      if (role !== 'agent') return;
      clearTimeout(typingTimer);
      set({ agentTyping: typing ? (name ?? '') : false });
      if (typing) typingTimer = setTimeout(() => set({ agentTyping: false }), TYPING_TIMEOUT_MS);
    });
    s.on('message:read', ({ role, seq }) => {
      if (role === 'agent' && seq > state.agentReadSeq) set({ agentReadSeq: seq });
    });
    s.on('conversation:updated', ({ conversation }) => {
      if (conversation.id !== session?.conversationId) return;
      set({
        conversation,
        ...(conversation.status.state === 'closed' ? { agentTyping: false } : {}),
      });
    });
    s.on('callback:updated', (callback) => {
      if (state.callback === null || state.callback.id === callback.id) set({ callback });
    });
    s.on('survey:request', ({ conversationId }) => {
      if (conversationId === session?.conversationId) set({ survey: 'asked' });
    });
    s.on('session:expiring', () => void refresh());
    s.on('session:issued', (issued) => adopt(issued));
    s.connect();
  }

  function disconnect(): void {
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
    request = null;
  }

  /** Keeps a fresh session token; without `getIdentityToken` the chat runs until it expires. */
  async function refresh(): Promise<void> {
    if (options.getIdentityToken === undefined || request === null) return;
    const token = await options.getIdentityToken().catch(() => null);
    if (token === null) return;
    const ack = await request('session:refresh', { token });
    if (!ack.ok) return;
    if (ack.data.sessionToken !== null && session !== null)
      storeSession({ ...session, token: ack.data.sessionToken, expiresAt: ack.data.expiresAt });
    // Past expiry the server refuses everything but the refresh (TOKEN_EXPIRED keeps a message
    // queued); what waited goes out now rather than with the next message or reconnect.
    void outbox.flush();
  }

  /** The session is no longer accepted: get a new one silently if the bank lets us, else ask. */
  async function reauthenticate(): Promise<void> {
    const conversationId = session?.conversationId ?? null;
    endedConversationId = conversationId;
    disconnect();
    storeSession(null);
    const token = await silentIdentity();
    if (token !== null && (await trade(token, conversationId))) return;
    set({ auth: 'ended', connection: 'idle' });
  }

  function adopt(issued: SessionIssued, conversationId = session?.conversationId ?? null): void {
    storeSession({
      token: issued.token,
      expiresAt: issued.expiresAt,
      name: issued.customer.name,
      conversationId,
    });
    set({ auth: 'signedIn', customerName: issued.customer.name, phone: phoneOf(issued.token) });
  }

  /** Trades the bank's identity token for a Parley session and connects. */
  async function trade(identityToken: string, conversationId: string | null = null) {
    set({ auth: 'signingIn', authError: null });
    const ack = await postJson<SessionIssued>(server, '/v1/customer/sessions', {}, identityToken);
    if (!ack.ok) {
      set({ auth: 'none', authError: errorKey(ack.error.code) });
      fail(ack.error.code, ack.error.message);
      return false;
    }
    adopt(ack.data, conversationId);
    connect();
    return true;
  }

  async function silentIdentity(): Promise<string | null> {
    if (options.getIdentityToken !== undefined) return options.getIdentityToken().catch(() => null);
    return options.identityToken ?? null;
  }

  async function preview(code: string): Promise<void> {
    const ack = await postJson<HandoffPreview>(server, '/v1/handoffs/preview', { code });
    if (ack.ok) set({ preview: ack.data });
    else if (ack.error.code.startsWith('HANDOFF_')) linkGone(ack.error.code);
    else set({ authError: errorKey(ack.error.code) });
  }

  function linkGone(code: ErrorCode): void {
    writeKey(CODE_KEY, null);
    set({ code: null, linkError: code, claiming: false });
    emit('handoff', { code });
  }

  function markRead(): void {
    const id = session?.conversationId;
    const last = [...log.messages()].reverse().find((m) => m.sender.role !== 'customer');
    if (!visible || socket === null || id == null || last === undefined || last.seq <= readSent)
      return;
    readSent = last.seq;
    socket.emit('message:read', { conversationId: id, seq: last.seq });
  }

  async function loadCallbacks(): Promise<void> {
    if (request === null) return;
    const ack = await request('callback:list', {});
    const open = ack.ok
      ? ack.data.filter((c) => c.state === 'requested' || c.state === 'scheduled')
      : [];
    const latest = open[open.length - 1];
    if (latest !== undefined && state.callback === null) set({ callback: latest });
  }

  const goOffline = () => {
    set({ connection: 'offline', agentTyping: false });
    // A tunnel leaves the socket half-open until a ping times out; the browser knows sooner.
    socket?.disconnect();
  };
  const goOnline = () => {
    if (socket === null) return;
    set({ connection: 'connecting' });
    socket.connect();
  };

  return {
    getState: (): ChatState => state,
    subscribe(listener: (state: ChatState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Starts the session: a returned token, the stored session, or the bank's token. */
    async start(): Promise<void> {
      addEventListener('offline', goOffline);
      addEventListener('online', goOnline);
      const loginAttempted = readKey(LOGIN_KEY) === '1';
      writeKey(LOGIN_KEY, null);
      set({ outbox: outbox.items() });
      if (state.code !== null) void preview(state.code);
      if (deps.returnedToken !== null) {
        await trade(deps.returnedToken, session?.conversationId ?? null);
        return;
      }
      if (loginAttempted) set({ loginFailed: true });
      if (session !== null) {
        set({ auth: 'signedIn', customerName: session.name, phone: phoneOf(session.token) });
        connect();
        return;
      }
      const token = await silentIdentity();
      if (token !== null) await trade(token);
    },

    /** Sign-in the customer asked for: the bank's token, or its login page. */
    async signIn(): Promise<void> {
      const token = await silentIdentity();
      if (token !== null) {
        await trade(token, session?.conversationId ?? endedConversationId);
        return;
      }
      if (options.loginUrl !== undefined) {
        writeKey(LOGIN_KEY, '1');
        const target = new URL(options.loginUrl, location.href);
        target.searchParams.set('parley_return', location.href.split('#')[0] ?? '');
        (deps.navigate ?? ((url) => location.assign(url)))(target.href);
        return;
      }
      set({ authError: 'signInUnavailable' });
    },

    /** Demo servers only: a demo identity for the given name. */
    async demoSignIn(name: string): Promise<void> {
      set({ auth: 'signingIn', authError: null });
      const ack = await postJson<{ identityToken: string }>(server, '/v1/demo/sign-in', {
        name: name.trim() || undefined,
      });
      if (ack.ok) await trade(ack.data.identityToken);
      else set({ auth: 'none', authError: errorKey(ack.error.code) });
    },

    /** "Continue privately": claims the handoff, once. */
    async claim(): Promise<void> {
      const code = state.code;
      if (code === null || request === null) return;
      set({ claiming: true });
      const ack = await request('handoff:claim', { code });
      if (ack.ok) {
        writeKey(CODE_KEY, null);
        log.clear();
        set({ code: null, claiming: false, preview: null, survey: 'none' });
        applySnapshot(ack.data);
        emit('handoff', { conversationId: ack.data.conversation.id });
      } else if (ack.error.code.startsWith('HANDOFF_')) linkGone(ack.error.code);
      else {
        set({ claiming: false, authError: errorKey(ack.error.code) });
        fail(ack.error.code, ack.error.message);
      }
    },

    /** A new chat with the team's queue. */
    async startChat(): Promise<void> {
      if (request === null) return;
      const ack = await request('conversation:start', { locale: deps.locale });
      if (!ack.ok) {
        set({ authError: errorKey(ack.error.code) });
        return;
      }
      log.clear();
      readSent = 0;
      set({ linkError: null, survey: 'none', agentReadSeq: 0 });
      applySnapshot(ack.data);
    },

    /**
     * Queues a message: masked by the redaction engine first, so the raw number never leaves
     * the device. Returns whether something was masked, for the inline explanation.
     */
    send(text: string): boolean {
      const id = session?.conversationId;
      if (id == null) return false;
      const masked = redact(text.trim());
      outbox.add(id, masked.text);
      typingSentAt = 0;
      socket?.emit('typing', { conversationId: id, typing: false });
      return masked.findings.length > 0;
    },
    retry: (clientMsgId: string) => void outbox.retry(clientMsgId),
    discard: (clientMsgId: string) => outbox.discard(clientMsgId),

    /** The customer typed (true) or cleared the box (false); throttled. */
    typing(typing: boolean): void {
      const id = session?.conversationId;
      if (socket === null || !socket.connected || id == null) return;
      const now = Date.now();
      if (typing && now - typingSentAt < TYPING_REPEAT_MS) return;
      typingSentAt = typing ? now : 0;
      socket.emit('typing', { conversationId: id, typing });
    },

    async endChat(): Promise<void> {
      const id = session?.conversationId;
      if (request === null || id == null) return;
      const ack = await request('conversation:end', { conversationId: id });
      if (ack.ok) set({ conversation: ack.data });
      else set({ authError: errorKey(ack.error.code) });
    },

    async requestCallback(input: RequestCallback): Promise<Ack<Callback>> {
      if (request === null)
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected.' } };
      const ack = await request('callback:request', input);
      if (ack.ok) set({ callback: ack.data });
      return ack;
    },

    async cancelCallback(): Promise<void> {
      const callback = state.callback;
      if (request === null || callback === null) return;
      const ack = await request('callback:cancel', { callbackId: callback.id });
      if (ack.ok) set({ callback: ack.data });
      else set({ authError: errorKey(ack.error.code) });
    },

    /** Forgets a finished call-back, so a new one can be requested. */
    clearCallback: () => set({ callback: null }),

    async submitSurvey(score: number, comment: string): Promise<boolean> {
      const id = session?.conversationId;
      if (request === null || id == null) return false;
      const trimmed = comment.trim();
      const ack = await request('survey:submit', {
        conversationId: id,
        score,
        ...(trimmed === '' ? {} : { comment: redact(trimmed).text }),
      });
      if (ack.ok) set({ survey: 'done' });
      else set({ authError: errorKey(ack.error.code) });
      return ack.ok;
    },
    skipSurvey: () => set({ survey: 'skipped' }),

    /** Whether the customer can see the chat: unread counts and read receipts follow it. */
    setVisible(open: boolean): void {
      visible = open;
      if (open && state.unread > 0) {
        set({ unread: 0 });
        deps.setUnread(0);
        emit('unread', 0);
      }
      markRead();
    },
    dismissError: () => set({ authError: null }),

    destroy(): void {
      removeEventListener('offline', goOffline);
      removeEventListener('online', goOnline);
      clearTimeout(typingTimer);
      disconnect();
      listeners.clear();
    },
  };
}

/** A chat session. */
export type ChatSession = ReturnType<typeof createChatSession>;

/** The customer's phone from a token, to prefill the call-back form. */
function phoneOf(token: string): string | null {
  const claims = readClaims(token);
  const phone = claims.phone ?? claims.phone_number;
  return typeof phone === 'string' ? phone : null;
}

/** The catalog text that tells the customer what to do about an error. */
function errorKey(code: ErrorCode): ChatState['authError'] {
  if (code === 'UNAVAILABLE') return 'errorNetwork';
  if (code === 'RATE_LIMITED') return 'errorRateLimited';
  if (code === 'UNAUTHENTICATED' || code === 'TOKEN_EXPIRED') return 'signInFailed';
  return 'errorGeneric';
}
