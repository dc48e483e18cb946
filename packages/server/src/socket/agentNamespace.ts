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
import { agentConversation, assertOpen } from '../conversations/access.js';
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
import { bindEvents } from './bindEvents.js';
import { guardSocket } from './guardSocket.js';
import { handshakeToken } from './handshake.js';
import { refuse } from './refuse.js';
import type { SocketDeps } from './SocketDeps.js';
import { watchSession } from './sessionClock.js';

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

function bindAgent(deps: SocketDeps, socket: AgentSocket): void {
  const { ctx } = deps;
  const me = () => socket.data.actor;
  const conversationFor = async (conversationId: string) => {
    assertAgent(me());
    return (await agentConversation(ctx, me(), conversationId)).conversation;
  };
  const guard = guardSocket(deps.limits, () => socket.disconnect(true));
  bindEvents(
    socket,
    agentRequests,
    {
      'handoff:create': async (input) => {
        assertAgent(me());
        return createHandoff(ctx, me(), input);
      },
      'handoff:list': async ({ state }) =>
        listHandoffs(ctx, me(), state === undefined ? {} : { state }),
      'handoff:get': async ({ handoffId }) => {
        assertAgent(me());
        return getHandoff(ctx, me(), handoffId);
      },
      'handoff:pick': async ({ handoffId }) => {
        assertAgent(me());
        return pickHandoff(ctx, me(), handoffId);
      },
      'handoff:revoke': async ({ handoffId }) => revokeHandoff(ctx, me(), handoffId),
      'conversation:list': async ({ scope }) => listConversations(ctx, me(), scope),
      'conversation:join': async (input) => {
        assertAgent(me());
        return joinConversation(ctx, me(), input);
      },
      'message:send': async (input) => {
        const started = performance.now();
        let conversation = await conversationFor(input.conversationId);
        if (conversation.agentId !== me().id) {
          throw new ParleyError('FORBIDDEN', 'Join the conversation before writing in it.');
        }
        conversation = await acceptIfWaiting(ctx, me(), conversation);
        const message = await sendMessage(ctx, me(), conversation, input, 'text', socket.id);
        ctx.metrics.relayLatency.observe((performance.now() - started) / 1000);
        return message;
      },
      'conversation:transfer': async (input) => {
        assertAgent(me());
        return transferConversation(ctx, me(), input);
      },
      'conversation:close': async ({ conversationId }) => {
        const conversation = await conversationFor(conversationId);
        assertOpen(conversation);
        return agentView(
          ctx,
          await closeConversation(ctx, conversation, 'agent', archiveActor(me())),
        );
      },
      'note:add': async (input) =>
        sendMessage(
          ctx,
          me(),
          await conversationFor(input.conversationId),
          input,
          'note',
          socket.id,
        ),
      'customer:history': async ({ customerId }) =>
        customerHistory(ctx, me(), customerId, socket.id),
      'callback:list': async ({ state }) =>
        listCallbacks(ctx, me(), state === undefined ? {} : { state }),
      'callback:request': async (input) => requestCallback(ctx, me(), input),
      'callback:update': async (input) => updateCallback(ctx, me(), input),
      'agent:list': async () => ctx.presence.list(me().teams),
      'presence:set': async ({ status }) => {
        const presence = await ctx.presence.set(me().id, status);
        if (presence === null) throw new ParleyError('INTERNAL');
        return presence;
      },
      'session:refresh': async ({ token }) => {
        const session = await deps.auth.agent(token);
        if (session.actor.id !== me().id)
          throw new ParleyError('FORBIDDEN', 'The new token is for another agent.');
        // The new token's teams and roles replace the old ones at once: an agent moved to another
        // team, or no longer a supervisor, must stop hearing the old team's messages now, not at
        // the next reconnect.
        const entitled = roomsOf(session.actor);
        for (const room of roomsOf(me())) if (!entitled.includes(room)) await socket.leave(room);
        await socket.join(entitled);
        socket.data.actor = session.actor;
        socket.data.expiresAt = session.expiresAt;
        clock.set(session.expiresAt);
        await ctx.presence.connected(session.actor, socket.id);
        return { expiresAt: session.expiresAt.toISOString(), sessionToken: null };
      },
    },
    {
      typing: async ({ conversationId, typing }) => {
        const conversation = await conversationFor(conversationId);
        if (conversation.agentId !== me().id) return;
        ctx.fanout.toConversation(conversationId, 'typing', {
          conversationId,
          role: 'agent',
          name: me().name,
          typing,
        });
      },
      'message:read': async ({ conversationId, seq }) => {
        const conversation = await conversationFor(conversationId);
        if (conversation.agentId !== me().id) return;
        await ctx.store.markRead(conversationId, 'agent', Math.min(seq, conversation.lastSeq));
        ctx.fanout.toConversation(conversationId, 'message:read', {
          conversationId,
          role: 'agent',
          seq,
        });
      },
    },
    {
      before: (event) => {
        guard();
        clock.refuseIfExpired(event);
      },
      report: {
        unexpected: (event, error) => ctx.log.error({ event, err: error }, 'agent event failed'),
      },
    },
  );
  const clock = watchSession(socket, deps.sessionGraceMs, socket.data.expiresAt);
  socket.on('disconnect', () => {
    ctx.metrics.sockets.dec({ namespace: 'agent' });
    // With Redis down this fails; the entry expires by itself (see createRedisPresence), and a
    // rejection left unhandled would stop the process.
    ctx.presence.disconnected(me().id, socket.id).catch((error: unknown) => {
      ctx.log.warn({ err: error, agentId: me().id }, 'agent presence not cleared');
    });
  });
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
    bindAgent(deps, socket);
  });
  return namespace as unknown as Namespace;
}
