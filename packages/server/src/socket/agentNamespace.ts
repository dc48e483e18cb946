import {
  AGENT_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  agentRequests,
  ParleyError,
} from '@parley/protocol';
import type { Namespace, Server, Socket } from 'socket.io';
import { archiveActor } from '../archive/archiveEntry.js';
import { listCallbacks, requestCallback, updateCallback } from '../callbacks/callbackOps.js';
import { agentConversation, agentConversationHead, assertOpen } from '../conversations/access.js';
import { customerHistory, listConversations } from '../conversations/agentLists.js';
import { closeConversation } from '../conversations/closeConversation.js';
import { acceptIfWaiting, joinConversation } from '../conversations/joinConversation.js';
import { sendMessage } from '../conversations/sendMessage.js';
import { transferConversation } from '../conversations/transferConversation.js';
import { agentView } from '../conversations/views.js';
import { type AgentActor, hasRole } from '../domain/actors.js';
import { agentRoom, supervisorRoom, teamRoom } from '../fanout/Fanout.js';
import { listHandoffs, revokeHandoff } from '../handoffs/agentHandoffs.js';
import { createHandoff } from '../handoffs/createHandoff.js';
import { getHandoff } from '../handoffs/getHandoff.js';
import { pickHandoff } from '../handoffs/pickHandoff.js';
import { eventRouter } from './eventRouter.js';
import { handshakeToken } from './handshake.js';
import { refuse } from './refuse.js';
import type { SocketDeps } from './SocketDeps.js';
import { admitEvent, type SocketSession, startSession } from './socketSession.js';

interface AgentData {
  actor: AgentActor;
  expiresAt: Date;
}

type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentData>;

/** Refuses agent work to a compliance-only account: compliance reads transcripts over REST. */
function assertAgent(actor: AgentActor): void {
  if (!hasRole(actor, 'agent') && !hasRole(actor, 'supervisor')) {
    throw new ParleyError(
      'FORBIDDEN',
      'This account may read transcripts, not take part in conversations.',
    );
  }
}

/**
 * The rooms an agent's socket belongs in, by what their token says: their own, their teams' (queue
 * events), and as a supervisor their teams' supervision rooms (every message of the team).
 */
function roomsOf(actor: AgentActor): string[] {
  const rooms = [agentRoom(actor.id), ...actor.teams.map(teamRoom)];
  if (hasRole(actor, 'supervisor')) rooms.push(...actor.teams.map(supervisorRoom));
  return rooms;
}

type AgentSession = SocketSession<AgentSocket>;

const me = (session: AgentSession) => session.socket.data.actor;

/** The agent event table's handlers, shared by every socket of the namespace. */
function agentRouter(deps: SocketDeps) {
  const { ctx } = deps;
  const conversationFor = async (s: AgentSession, conversationId: string) => {
    assertAgent(me(s));
    return (await agentConversation(ctx, me(s), conversationId)).conversation;
  };
  // For the frequent events (a message, a note, typing, a read receipt): the head is enough.
  const headFor = async (s: AgentSession, conversationId: string) => {
    assertAgent(me(s));
    return (await agentConversationHead(ctx, me(s), conversationId)).conversation;
  };
  return eventRouter<typeof agentRequests, AgentSession>(
    agentRequests,
    {
      'handoff:create': async (s, input) => {
        assertAgent(me(s));
        return createHandoff(ctx, me(s), input);
      },
      'handoff:list': async (s, { state }) =>
        listHandoffs(ctx, me(s), state === undefined ? {} : { state }),
      'handoff:get': async (s, { handoffId }) => {
        assertAgent(me(s));
        return getHandoff(ctx, me(s), handoffId);
      },
      'handoff:pick': async (s, { handoffId }) => {
        assertAgent(me(s));
        return pickHandoff(ctx, me(s), handoffId);
      },
      'handoff:revoke': async (s, { handoffId }) => revokeHandoff(ctx, me(s), handoffId),
      'conversation:list': async (s, { scope }) => listConversations(ctx, me(s), scope),
      'conversation:join': async (s, input) => {
        assertAgent(me(s));
        return joinConversation(ctx, me(s), input);
      },
      'message:send': async (s, input) => {
        const started = performance.now();
        const head = await headFor(s, input.conversationId);
        if (head.agentId !== me(s).id) {
          throw new ParleyError('FORBIDDEN', 'Join the conversation before writing in it.');
        }
        const conversation = await acceptIfWaiting(ctx, me(s), head);
        const message = await sendMessage(ctx, me(s), conversation, input, 'text', s.socket.id);
        ctx.metrics.relayLatency.observe((performance.now() - started) / 1000);
        return message;
      },
      'conversation:transfer': async (s, input) => {
        assertAgent(me(s));
        return transferConversation(ctx, me(s), input);
      },
      'conversation:close': async (s, { conversationId }) => {
        const conversation = await conversationFor(s, conversationId);
        assertOpen(conversation);
        return agentView(
          ctx,
          await closeConversation(ctx, conversation, 'agent', archiveActor(me(s))),
        );
      },
      'note:add': async (s, input) =>
        sendMessage(ctx, me(s), await headFor(s, input.conversationId), input, 'note', s.socket.id),
      'customer:history': async (s, { customerId }) =>
        customerHistory(ctx, me(s), customerId, s.socket.id),
      'callback:list': async (s, { state }) =>
        listCallbacks(ctx, me(s), state === undefined ? {} : { state }),
      'callback:request': async (s, input) => requestCallback(ctx, me(s), input),
      'callback:update': async (s, input) => updateCallback(ctx, me(s), input),
      'agent:list': async (s) => ctx.presence.list(me(s).teams),
      'presence:set': async (s, { status }) => {
        const presence = await ctx.presence.set(me(s).id, status);
        if (presence === null) throw new ParleyError('INTERNAL');
        return presence;
      },
      'session:refresh': async (s, { token }) => {
        const session = await deps.auth.agent(token);
        if (session.actor.id !== me(s).id)
          throw new ParleyError('FORBIDDEN', 'The new token is for another agent.');
        // The new token's teams and roles replace the old ones at once: an agent moved to another
        // team, or no longer a supervisor, must stop hearing the old team's messages now, not at
        // the next reconnect.
        const entitled = roomsOf(session.actor);
        for (const room of roomsOf(me(s))) if (!entitled.includes(room)) await s.socket.leave(room);
        await s.socket.join(entitled);
        s.socket.data.actor = session.actor;
        s.socket.data.expiresAt = session.expiresAt;
        s.clock.set(session.expiresAt);
        await ctx.presence.connected(session.actor, s.socket.id);
        return { expiresAt: session.expiresAt.toISOString(), sessionToken: null };
      },
    },
    {
      typing: async (s, { conversationId, typing }) => {
        const conversation = await headFor(s, conversationId);
        if (conversation.agentId !== me(s).id) return;
        ctx.fanout.toConversation(conversationId, 'typing', {
          conversationId,
          role: 'agent',
          name: me(s).name,
          typing,
        });
      },
      'message:read': async (s, { conversationId, seq }) => {
        const conversation = await headFor(s, conversationId);
        if (conversation.agentId !== me(s).id) return;
        await ctx.store.markRead(conversationId, 'agent', Math.min(seq, conversation.lastSeq));
        ctx.fanout.toConversation(conversationId, 'message:read', {
          conversationId,
          role: 'agent',
          seq,
        });
      },
    },
    {
      before: admitEvent,
      report: {
        unexpected: (event, error) => ctx.log.error({ event, err: error }, 'agent event failed'),
      },
    },
  );
}

/**
 * The `/agent` namespace: authenticates the agent's token, refuses a withdrawn agent, joins the
 * agent's rooms (their own, their teams', and as a supervisor their teams' supervision rooms), and
 * binds every agent event to its service.
 *
 * @example
 * attachAgentNamespace(io, deps);
 */
export function attachAgentNamespace(io: Server, deps: SocketDeps): Namespace {
  const namespace = io.of(AGENT_NAMESPACE) as unknown as Namespace<
    AgentClientEvents,
    AgentServerEvents,
    Record<string, never>,
    AgentData
  >;
  namespace.use((socket, next) => {
    void (async () => {
      const session = await deps.auth.agent(handshakeToken(socket.handshake.auth));
      if (await deps.ctx.store.isDenied(session.actor.id)) {
        throw new ParleyError(
          'UNAUTHENTICATED',
          'Your access to Parley was withdrawn. Ask your supervisor.',
        );
      }
      socket.data = { actor: session.actor, expiresAt: session.expiresAt };
    })().then(
      () => next(),
      (error: unknown) => next(refuse(error)),
    );
  });
  const bind = agentRouter(deps);
  namespace.on('connection', (socket) => {
    const actor = socket.data.actor;
    deps.ctx.metrics.sockets.inc({ namespace: 'agent' });
    deps.ctx.log.debug(
      { namespace: 'agent', socketId: socket.id, principal: socket.data.actor.id },
      'socket connected',
    );
    void socket.join(roomsOf(actor));
    if (hasRole(actor, 'agent') || hasRole(actor, 'supervisor'))
      void deps.ctx.presence.connected(actor, socket.id);
    const session = startSession(socket, deps, socket.data.expiresAt);
    bind(socket, session);
    socket.on('disconnect', () => {
      session.clock.clear();
      deps.ctx.metrics.sockets.dec({ namespace: 'agent' });
      // With Redis down this fails; the entry expires by itself (see createRedisPresence), and a
      // rejection left unhandled would stop the process.
      deps.ctx.presence.disconnected(socket.data.actor.id, socket.id).catch((error: unknown) => {
        deps.ctx.log.warn(
          { err: error, agentId: socket.data.actor.id },
          'agent presence not cleared',
        );
      });
    });
  });
  return namespace as unknown as Namespace;
}
