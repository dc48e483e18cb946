import {
  createMessageLog,
  createOutbox,
  createRequester,
  type MessageLog,
  type Outbox,
  TRANSPORTS,
} from '@parley/client';
import {
  type Ack,
  AGENT_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  type agentRequests,
  type Channel,
  type Message,
  PROTOCOL_MAJOR,
} from '@parley/protocol';
import { redact } from '@parley/protocol/redact';
import { io, type Socket } from 'socket.io-client';
import type { Alerts } from '../alerts/createAlerts';
import type { AgentIdentity } from '../session/decodeAgentClaims';
import type { ConsoleState } from '../state/ConsoleState';
import type { Store } from '../state/createStore';
import { inboxSections } from '../state/inboxSections';
import { canWrite, type Viewer } from '../state/visibleTo';
import { bindPushes, placeConversation } from './bindPushes';
import type { ConsoleActions } from './ConsoleActions';
import { sessionOutboxStorage } from './sessionOutboxStorage';

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** Options of {@link createConsoleClient}. */
export interface ConsoleClientOptions {
  token: string;
  me: AgentIdentity;
  store: Store<ConsoleState>;
  alerts: Alerts | null;
  slaMinutes: Readonly<Record<Channel, number>>;
  /** The server's origin; the console's own by default. */
  origin?: string;
}

/** The live console client: actions for the components, and the socket's end. */
export interface ConsoleClient extends ConsoleActions {
  disconnect(): void;
}

const SIGNED_OUT_BY_SERVER =
  'The server ended your session: your sign-in expired or your access was withdrawn. Sign in again; if it happens again, ask your supervisor.';

/**
 * Connects the console to the `/agent` namespace and keeps its state live. On every (re)connect
 * it reloads the lists, resumes the open conversation from the last `seq` it holds, and sends
 * what waits in the outbox — so a network blip never needs a reload and never loses or doubles a
 * message. Messages are redacted before they leave the browser; the server redacts again.
 *
 * @example
 * const client = createConsoleClient({ token, me, store, alerts, slaMinutes: config.slaMinutes });
 * await client.open(conversationId);
 */
export function createConsoleClient(options: ConsoleClientOptions): ConsoleClient {
  const { store, me } = options;
  const viewer: Viewer = {
    id: me.id,
    teams: me.teams,
    supervisor: me.roles.includes('supervisor'),
  };
  const works = me.roles.includes('agent') || viewer.supervisor;
  const socket: AgentSocket = io(`${options.origin ?? ''}${AGENT_NAMESPACE}`, {
    ...TRANSPORTS,
    auth: { token: options.token, v: PROTOCOL_MAJOR },
  });
  const request = createRequester<typeof agentRequests>(socket);
  const logs = new Map<string, MessageLog<Message>>();
  const logOf = (conversationId: string) => {
    let log = logs.get(conversationId);
    if (log === undefined) {
      log = createMessageLog<Message>();
      logs.set(conversationId, log);
    }
    return log;
  };
  const isLooking = () => document.visibilityState === 'visible';

  const merged = (conversationId: string, messages: readonly Message[]) => {
    const log = logOf(conversationId);
    log.merge(messages);
    store.set((s) => ({ messages: { ...s.messages, [conversationId]: log.messages() } }));
  };
  const showOutbox = () =>
    store.set({
      outbox: [
        ...texts.items().map((item) => ({ ...item, kind: 'text' as const })),
        ...notes.items().map((item) => ({ ...item, kind: 'note' as const })),
      ],
    });
  const outbox = (kind: 'text' | 'note'): Outbox =>
    createOutbox({
      send: (item) => request(kind === 'text' ? 'message:send' : 'note:add', item),
      onChange: () => showOutbox(),
      onSent: (item, data) => merged(item.conversationId, [data as Message]),
      storage: sessionOutboxStorage(`parley.console.${kind}s.${me.id}`),
    });
  const texts = outbox('text');
  const notes = outbox('note');
  showOutbox();

  const markRead = (conversationId: string) => {
    const conversation = store.get().conversations[conversationId];
    const last = logs.get(conversationId)?.contiguousSeq() ?? 0;
    if (conversation === undefined || !canWrite(viewer, conversation) || last === 0) return;
    socket.emit('message:read', { conversationId, seq: last });
    store.set((s) => ({ unread: { ...s.unread, [conversationId]: 0 } }));
  };

  const join = async (conversationId: string): Promise<Ack<unknown>> => {
    const afterSeq = logOf(conversationId).contiguousSeq();
    const ack = await request('conversation:join', { conversationId, afterSeq });
    if (ack.ok) {
      merged(conversationId, ack.data.messages);
      store.set((s) => placeConversation(s, viewer, ack.data.conversation));
      if (store.get().selectedId === conversationId && isLooking()) markRead(conversationId);
    }
    return ack;
  };

  /** A gap in `seq`: fetch what was missed, unless that would take a queued conversation. */
  const resume = (conversationId: string) => {
    const conversation = store.get().conversations[conversationId];
    if (conversation === undefined || conversation.status.state === 'queued') return;
    void join(conversationId);
  };

  const loadLists = async () => {
    if (!works) return;
    const scopes = viewer.supervisor
      ? (['mine', 'queue', 'all'] as const)
      : (['mine', 'queue'] as const);
    const [handoffs, callbacks, agents, ...lists] = await Promise.all([
      request('handoff:list', {}),
      request('callback:list', {}),
      request('agent:list', {}),
      ...scopes.map((scope) => request('conversation:list', { scope })),
    ]);
    const patch: Partial<ConsoleState> = {};
    if (handoffs.ok) patch.handoffs = Object.fromEntries(handoffs.data.map((h) => [h.id, h]));
    if (callbacks.ok) patch.callbacks = Object.fromEntries(callbacks.data.map((c) => [c.id, c]));
    if (agents.ok) patch.agents = agents.data;
    if (lists.every((list) => list.ok)) {
      const conversations = lists.flatMap((list) => (list.ok ? list.data : []));
      patch.conversations = Object.fromEntries(conversations.map((c) => [c.id, c]));
    }
    const failed = [handoffs, callbacks, agents, ...lists].find((ack) => !ack.ok);
    if (failed !== undefined && !failed.ok) {
      patch.notice = { tone: 'error', text: `Some lists did not load: ${failed.error.message}` };
    }
    store.set(patch);
  };

  bindPushes({ socket, store, viewer, alerts: options.alerts, logs, resume, markRead, isLooking });

  socket.on('connect', () => {
    store.set({ connection: 'online' });
    void (async () => {
      await loadLists();
      const selected = store.get().selectedId;
      if (selected !== null && store.get().conversations[selected] !== undefined)
        await join(selected);
      await texts.flush();
      await notes.flush();
    })();
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') {
      store.set({ connection: 'signed-out', signedOutReason: SIGNED_OUT_BY_SERVER });
    } else if (reason !== 'io client disconnect') {
      store.set({ connection: 'reconnecting' });
    }
  });
  socket.on('connect_error', (error) => {
    const data = (error as Error & { data?: { code?: string; message?: string } }).data;
    if (!socket.active) {
      store.set({
        connection: 'signed-out',
        signedOutReason: data?.message ?? `${error.message}. Sign in again.`,
      });
    } else {
      store.set({ connection: 'reconnecting' });
    }
  });
  const onVisible = () => {
    const selected = store.get().selectedId;
    if (isLooking() && selected !== null) markRead(selected);
  };
  document.addEventListener('visibilitychange', onVisible);

  const open = async (conversationId: string): Promise<Ack<unknown>> => {
    store.set((s) => ({
      selectedId: conversationId,
      view: 'inbox',
      justClosed: null,
      unread: { ...s.unread, [conversationId]: 0 },
    }));
    const ack = await join(conversationId);
    if (!ack.ok) {
      store.set((s) => {
        const conversations = { ...s.conversations };
        // A colleague was quicker: the row goes, the agent picks the next one.
        if (ack.error.code === 'CONFLICT') delete conversations[conversationId];
        return {
          conversations,
          selectedId: ack.error.code === 'CONFLICT' ? null : s.selectedId,
          notice: { tone: 'error', text: ack.error.message },
        };
      });
    }
    return ack;
  };

  return {
    open,
    setView(view) {
      // The navigation opens the handoff view on its form, not on a handoff opened earlier.
      store.set({ view, openHandoffId: null });
    },
    step(direction) {
      const state = store.get();
      const rows = inboxSections(state, me, options.slaMinutes)
        .filter((section) => section.id === 'mine' || section.id === 'queue')
        .flatMap((section) => section.rows)
        .filter((row) => row.kind === 'conversation');
      if (rows.length === 0) return;
      const at = rows.findIndex((row) => row.key === state.selectedId);
      const next = rows[(at + direction + rows.length) % rows.length] ?? rows[0];
      // Stepping never takes a queued conversation by surprise: only the agent's own rows.
      if (next !== undefined && next.conversation.status.state !== 'queued') void open(next.key);
      else if (next !== undefined)
        store.set({
          selectedId: null,
          notice: {
            tone: 'info',
            text: 'Your conversations are done. Take the next one from the team queue.',
          },
        });
    },
    send(conversationId, text) {
      texts.add(conversationId, redact(text).text);
      socket.emit('typing', { conversationId, typing: false });
    },
    addNote(conversationId, text) {
      notes.add(conversationId, redact(text).text);
    },
    retry(clientMsgId) {
      void texts.retry(clientMsgId);
      void notes.retry(clientMsgId);
    },
    discard(clientMsgId) {
      texts.discard(clientMsgId);
      notes.discard(clientMsgId);
    },
    typing(conversationId, typing) {
      if (socket.connected) socket.emit('typing', { conversationId, typing });
    },
    async createHandoff(input) {
      const ack = await request('handoff:create', input);
      if (ack.ok)
        void request('handoff:list', {}).then((list) => {
          if (list.ok) store.set({ handoffs: Object.fromEntries(list.data.map((h) => [h.id, h])) });
        });
      return ack;
    },
    async revokeHandoff(handoffId) {
      const ack = await request('handoff:revoke', { handoffId });
      if (ack.ok) store.set((s) => ({ handoffs: { ...s.handoffs, [ack.data.id]: ack.data } }));
      return ack;
    },
    openHandoff(handoffId) {
      store.set({ view: 'handoff', openHandoffId: handoffId });
    },
    getHandoff(handoffId) {
      return request('handoff:get', { handoffId });
    },
    async pickHandoff(handoffId) {
      const ack = await request('handoff:pick', { handoffId });
      if (ack.ok) {
        const { handoff } = ack.data;
        store.set((s) => ({ handoffs: { ...s.handoffs, [handoff.id]: handoff } }));
      }
      return ack;
    },
    async transfer(input) {
      const ack = await request('conversation:transfer', input);
      if (ack.ok) {
        store.set((s) => ({
          ...placeConversation(s, viewer, ack.data),
          selectedId: viewer.supervisor ? s.selectedId : null,
          notice: { tone: 'info', text: `Transferred ${ack.data.customer.name}.` },
        }));
      }
      return ack;
    },
    requestCallback: async (input) => {
      const ack = await request('callback:request', input);
      if (ack.ok) store.set((s) => ({ callbacks: { ...s.callbacks, [ack.data.id]: ack.data } }));
      return ack;
    },
    updateCallback: async (input) => {
      const ack = await request('callback:update', input);
      if (ack.ok) store.set((s) => ({ callbacks: { ...s.callbacks, [ack.data.id]: ack.data } }));
      return ack;
    },
    async close(conversationId) {
      const ack = await request('conversation:close', { conversationId });
      if (ack.ok)
        store.set((s) => ({ ...placeConversation(s, viewer, ack.data), justClosed: ack.data }));
      return ack;
    },
    history: (customerId) => request('customer:history', { customerId }),
    async refreshAgents() {
      const ack = await request('agent:list', {});
      if (ack.ok) store.set({ agents: ack.data });
    },
    async refreshSession(token) {
      const ack = await request('session:refresh', { token });
      if (ack.ok) {
        socket.auth = { token, v: PROTOCOL_MAJOR };
        store.set({ sessionExpiring: null });
      }
      return ack;
    },
    dismissNotice() {
      store.set({ notice: null });
    },
    dismissClosed() {
      store.set({ justClosed: null, selectedId: null });
    },
    disconnect() {
      document.removeEventListener('visibilitychange', onVisible);
      socket.disconnect();
    },
  };
}
