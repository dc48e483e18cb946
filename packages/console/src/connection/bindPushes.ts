import type { MessageLog } from '@parley/client';
import type { AgentConversation, AgentServerEvents, Message } from '@parley/protocol';
import type { Socket } from 'socket.io-client';
import type { Alerts } from '../alerts/createAlerts';
import type { ConsoleState } from '../state/ConsoleState';
import type { Store } from '../state/createStore';
import { canWrite, type Viewer, visibleTo } from '../state/visibleTo';
import { channelLabel } from '../text/channelLabel';

/** What the pushes need from the client around them. */
export interface PushContext {
  socket: Socket<AgentServerEvents, object>;
  store: Store<ConsoleState>;
  viewer: Viewer;
  alerts: Alerts | null;
  logs: Map<string, MessageLog<Message>>;
  /** Fetches what was missed after a gap in `seq`. */
  resume(conversationId: string): void;
  /** Tells the customer the open conversation has been read. */
  markRead(conversationId: string): void;
  /** Whether the agent is looking at the console now (for read receipts). */
  isLooking(): boolean;
}

/**
 * Writes a conversation into the lists, or takes it out when it is no longer the agent's (closed,
 * transferred to a colleague, taken from the queue by someone else).
 *
 * @example
 * store.set((s) => placeConversation(s, viewer, conversation));
 */
export function placeConversation(
  state: ConsoleState,
  viewer: Viewer,
  conversation: AgentConversation,
): Partial<ConsoleState> {
  const conversations = { ...state.conversations };
  if (visibleTo(viewer, conversation)) conversations[conversation.id] = conversation;
  else delete conversations[conversation.id];
  return { conversations };
}

/**
 * Binds every server push of the `/agent` namespace to the console's state: live lists, messages
 * (each once, in `seq` order, resuming after a gap), typing, read receipts, and the alerts for a
 * claimed handoff or a customer writing.
 *
 * @example
 * bindPushes({ socket, store, viewer, alerts, logs, resume, markRead, isLooking });
 */
export function bindPushes(ctx: PushContext): void {
  const { socket, store, viewer } = ctx;

  socket.on('handoff:claimed', ({ handoff, conversation }) => {
    store.set((s) => ({
      handoffs: { ...s.handoffs, [handoff.id]: handoff },
      ...placeConversation(s, viewer, conversation),
    }));
    const forMe = canWrite(viewer, conversation);
    if (forMe || conversation.status.state === 'queued') {
      ctx.alerts?.alert(
        forMe
          ? `${conversation.customer.name} claimed your handoff`
          : `${conversation.customer.name} is waiting in the queue`,
        `${channelLabel(conversation.channel)} · ${handoff.customerHandle}`,
        `claim-${handoff.id}`,
      );
    }
  });

  socket.on('handoff:updated', (handoff) => {
    store.set((s) => ({ handoffs: { ...s.handoffs, [handoff.id]: handoff } }));
  });

  socket.on('message:new', (message) => {
    const id = message.conversationId;
    const log = ctx.logs.get(id);
    if (log !== undefined) {
      const { gap } = log.merge([message]);
      store.set((s) => ({ messages: { ...s.messages, [id]: log.messages() } }));
      if (gap) ctx.resume(id);
    }
    const state = store.get();
    const conversation = state.conversations[id];
    if (conversation !== undefined) {
      store.set((s) => ({
        conversations: {
          ...s.conversations,
          [id]: {
            ...conversation,
            lastSeq: Math.max(conversation.lastSeq, message.seq),
            lastMessageAt: message.createdAt,
            // The server stops the SLA clock at an agent's first text message and pushes no
            // update for it; stop it here the same way so the row turns green at once.
            sla:
              message.sender.role === 'agent' &&
              message.kind === 'text' &&
              conversation.sla.firstReplyAt === null
                ? { ...conversation.sla, firstReplyAt: message.createdAt }
                : conversation.sla,
          },
        },
      }));
    }
    if (message.sender.role !== 'customer') return;
    store.set((s) => {
      const typing = { ...s.typing };
      delete typing[id];
      return { typing };
    });
    if (conversation === undefined || !canWrite(viewer, conversation)) return;
    if (state.selectedId === id && ctx.isLooking()) {
      ctx.markRead(id);
      return;
    }
    store.set((s) => ({ unread: { ...s.unread, [id]: (s.unread[id] ?? 0) + 1 } }));
    ctx.alerts?.alert(
      `${message.sender.name ?? 'The customer'} wrote`,
      message.text.slice(0, 120),
      `msg-${id}`,
    );
  });

  socket.on('message:amended', ({ conversationId, seq, text, redactions }) => {
    const log = ctx.logs.get(conversationId);
    if (log?.amend(seq, text, redactions)) {
      store.set((s) => ({ messages: { ...s.messages, [conversationId]: log.messages() } }));
    }
  });

  socket.on('typing', ({ conversationId, role, typing }) => {
    if (role !== 'customer') return;
    store.set((s) => {
      const next = { ...s.typing };
      if (typing) next[conversationId] = Date.now();
      else delete next[conversationId];
      return { typing: next };
    });
  });

  socket.on('message:read', ({ conversationId, role, seq }) => {
    if (role !== 'customer') return;
    store.set((s) => ({
      customerRead: {
        ...s.customerRead,
        [conversationId]: Math.max(s.customerRead[conversationId] ?? 0, seq),
      },
    }));
  });

  socket.on('conversation:updated', ({ reason, conversation }) => {
    const before = store.get();
    const wasMine = before.conversations[conversation.id];
    store.set((s) => placeConversation(s, viewer, conversation));
    const stillVisible = visibleTo(viewer, conversation);
    const status = conversation.status;
    if (before.selectedId === conversation.id && status.state === 'closed') {
      // Stay on the conversation: the agent still copies the closing public reply from here.
      store.set({
        justClosed: conversation,
        notice:
          status.by === 'agent'
            ? before.notice
            : { tone: 'info', text: `${conversation.customer.name} ended the conversation.` },
      });
    } else if (before.selectedId === conversation.id && !stillVisible) {
      store.set({
        selectedId: null,
        notice: {
          tone: 'info',
          text:
            status.state === 'queued'
              ? `${conversation.customer.name}’s conversation went to the team queue.`
              : `${conversation.customer.name} is now with ${status.state === 'closed' ? 'nobody' : status.agent.name}.`,
        },
      });
    }
    if (reason === 'transferred' && canWrite(viewer, conversation) && wasMine === undefined) {
      ctx.alerts?.alert(
        `${conversation.customer.name} was transferred to you`,
        channelLabel(conversation.channel),
        `transfer-${conversation.id}`,
      );
    }
    if (reason === 'fallback' && wasMine !== undefined && !stillVisible) {
      store.set({
        notice: {
          tone: 'info',
          text: `${conversation.customer.name} waited too long for a first reply and went to the team queue.`,
        },
      });
    }
  });

  socket.on('callback:new', (callback) => {
    store.set((s) => ({ callbacks: { ...s.callbacks, [callback.id]: callback } }));
  });
  socket.on('callback:updated', (callback) => {
    store.set((s) => ({ callbacks: { ...s.callbacks, [callback.id]: callback } }));
  });
  socket.on('queue:updated', (update) => {
    store.set((s) => ({ queues: { ...s.queues, [update.team]: update } }));
  });
  // `sla:warning` needs no handling: every row runs its own clock from the conversation's
  // deadline on the shared ticker and turns amber and red by itself, even while offline.
  socket.on('session:expiring', (expiring) => {
    store.set({ sessionExpiring: expiring });
  });
}
