import {
  CUSTOMER_NAMESPACE,
  type CustomerClientEvents,
  type CustomerServerEvents,
  customerRequests,
  ParleyError,
} from '@parley/protocol';
import type { Namespace, Server, Socket } from 'socket.io';
import { archiveActor } from '../archive/archiveEntry.js';
import { cancelCallback, requestCallback } from '../callbacks/callbackOps.js';
import { customerConversation } from '../conversations/access.js';
import { closeConversation } from '../conversations/closeConversation.js';
import { sendMessage } from '../conversations/sendMessage.js';
import { customerSnapshot } from '../conversations/snapshots.js';
import { startConversation } from '../conversations/startConversation.js';
import { agentRoomsOf, customerView, forCustomer } from '../conversations/views.js';
import type { CustomerActor } from '../domain/actors.js';
import { conversationRoom, customerRoom } from '../fanout/Fanout.js';
import { claimHandoff } from '../handoffs/claimHandoff.js';
import { previewHandoff } from '../handoffs/previewHandoff.js';
import { clientAddress } from '../http/clientAddress.js';
import { submitSurvey } from '../surveys/submitSurvey.js';
import { bindEvents } from './bindEvents.js';
import { guardSocket } from './guardSocket.js';
import { handshakeToken } from './handshake.js';
import { refuse } from './refuse.js';
import type { SocketDeps } from './SocketDeps.js';
import { watchSession } from './sessionClock.js';

interface CustomerData {
  actor: CustomerActor;
  expiresAt: Date;
  fromIdentity: boolean;
  signedInAt: number;
  address: string;
}

type CustomerSocket = Socket<
  CustomerClientEvents,
  CustomerServerEvents,
  Record<string, never>,
  CustomerData
>;

async function limitClaims(deps: SocketDeps, socket: CustomerSocket): Promise<void> {
  const [byCustomer, byAddress] = await Promise.all([
    deps.claimLimits.perCustomer.hit(socket.data.actor.id),
    deps.claimLimits.perAddress.hit(socket.data.address),
  ]);
  if (!byCustomer || !byAddress) {
    throw new ParleyError(
      'RATE_LIMITED',
      'Too many link attempts. Wait a minute, then open the link from the reply again.',
    );
  }
}

function bindCustomer(deps: SocketDeps, socket: CustomerSocket): void {
  const { ctx } = deps;
  const me = () => socket.data.actor;
  const open = async (snapshot: Awaited<ReturnType<typeof customerSnapshot>>) => {
    await socket.join(conversationRoom(snapshot.conversation.id));
    return snapshot;
  };
  const guard = guardSocket(deps.limits, () => socket.disconnect(true));
  bindEvents(
    socket,
    customerRequests,
    {
      'handoff:preview': async ({ code }) => {
        await limitClaims(deps, socket);
        return previewHandoff(ctx, code);
      },
      'handoff:claim': async ({ code }) => {
        await limitClaims(deps, socket);
        return open(await claimHandoff(ctx, me(), code));
      },
      'conversation:start': async (input) => open(await startConversation(ctx, me(), input)),
      'conversation:resume': async ({ conversationId, afterSeq }) =>
        open(
          await customerSnapshot(
            ctx,
            await customerConversation(ctx, me(), conversationId),
            afterSeq,
          ),
        ),
      'conversation:end': async ({ conversationId }) => {
        const conversation = await customerConversation(ctx, me(), conversationId);
        return customerView(
          ctx,
          await closeConversation(ctx, conversation, 'customer', archiveActor(me())),
        );
      },
      'message:send': async (input) => {
        const started = performance.now();
        const conversation = await customerConversation(ctx, me(), input.conversationId);
        const message = await sendMessage(ctx, me(), conversation, input, 'text', socket.id);
        ctx.metrics.relayLatency.observe((performance.now() - started) / 1000);
        const visible = forCustomer(message);
        // sendMessage stores a customer's text as `text`; a note here would be a bug, not input.
        if (visible === null) throw new ParleyError('INTERNAL');
        return visible;
      },
      'callback:request': async (input) => requestCallback(ctx, me(), input),
      'callback:cancel': async ({ callbackId }) => cancelCallback(ctx, me(), callbackId),
      'callback:list': async ({ state }) =>
        ctx.store.listCallbacks({
          customerId: me().id,
          ...(state === undefined ? {} : { states: [state] }),
          limit: 100,
        }),
      'survey:submit': async (input) => submitSurvey(ctx, me(), input),
      'session:refresh': async ({ token }) => {
        const session = await deps.auth.customer(token);
        if (session.actor.id !== me().id)
          throw new ParleyError('FORBIDDEN', 'The new token is for another customer.');
        // Issued first: past the sign-in's limit this throws, and the socket keeps its old state.
        const issued = deps.auth.issueSession(session.actor, session.signedInAt);
        socket.data.actor = session.actor;
        socket.data.expiresAt = session.expiresAt;
        socket.data.signedInAt = session.signedInAt;
        clock.set(session.expiresAt);
        return { expiresAt: session.expiresAt.toISOString(), sessionToken: issued.token };
      },
    },
    {
      typing: async ({ conversationId, typing }) => {
        const conversation = await customerConversation(ctx, me(), conversationId);
        ctx.fanout.toAgents(agentRoomsOf(conversation), 'typing', {
          conversationId,
          role: 'customer',
          name: me().name,
          typing,
        });
      },
      'message:read': async ({ conversationId, seq }) => {
        const conversation = await customerConversation(ctx, me(), conversationId);
        await ctx.store.markRead(conversationId, 'customer', Math.min(seq, conversation.lastSeq));
        ctx.fanout.toAgents(agentRoomsOf(conversation), 'message:read', {
          conversationId,
          role: 'customer',
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
        unexpected: (event, error) => ctx.log.error({ event, err: error }, 'customer event failed'),
      },
    },
  );
  const clock = watchSession(socket, deps.sessionGraceMs, socket.data.expiresAt);
  socket.on('disconnect', () => {
    ctx.metrics.sockets.dec({ namespace: 'customer' });
  });
}

/**
 * The `/customer` namespace: authenticates the handshake (the bank's identity token or a Parley
 * session token), answers a first connection with an identity token with `session:issued`, and
 * binds every customer event to its service.
 *
 * @example
 * attachCustomerNamespace(io, deps);
 */
export function attachCustomerNamespace(io: Server, deps: SocketDeps): Namespace {
  const namespace = io.of(CUSTOMER_NAMESPACE) as unknown as Namespace<
    CustomerClientEvents,
    CustomerServerEvents,
    Record<string, never>,
    CustomerData
  >;
  namespace.use((socket, next) => {
    void (async () => {
      const session = await deps.auth.customer(handshakeToken(socket.handshake.auth));
      socket.data = {
        actor: session.actor,
        expiresAt: session.expiresAt,
        fromIdentity: session.fromIdentity,
        signedInAt: session.signedInAt,
        address: clientAddress(socket.request, deps.trustProxy),
      };
    })().then(
      () => next(),
      (error: unknown) => next(refuse(error)),
    );
  });
  namespace.on('connection', (socket) => {
    deps.ctx.metrics.sockets.inc({ namespace: 'customer' });
    deps.ctx.log.debug(
      { namespace: 'customer', socketId: socket.id, principal: socket.data.actor.id },
      'socket connected',
    );
    void socket.join(customerRoom(socket.data.actor.id));
    bindCustomer(deps, socket);
    if (socket.data.fromIdentity) {
      const issued = deps.auth.issueSession(socket.data.actor, socket.data.signedInAt);
      socket.emit('session:issued', {
        token: issued.token,
        expiresAt: issued.expiresAt,
        customer: { id: socket.data.actor.id, name: socket.data.actor.name },
      });
    }
  });
  return namespace as unknown as Namespace;
}
