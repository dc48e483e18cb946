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
import { customerConversation, customerConversationHead } from '../conversations/access.js';
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
import { eventRouter } from './eventRouter.js';
import { handshakeToken } from './handshake.js';
import { refuse } from './refuse.js';
import type { SocketDeps } from './SocketDeps.js';
import { admitEvent, type SocketSession, startSession } from './socketSession.js';

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

type CustomerSession = SocketSession<CustomerSocket>;

const me = (session: CustomerSession) => session.socket.data.actor;

/** The customer event table's handlers, shared by every socket of the namespace. */
function customerRouter(deps: SocketDeps) {
  const { ctx } = deps;
  const open = async (
    { socket }: CustomerSession,
    snapshot: Awaited<ReturnType<typeof customerSnapshot>>,
  ) => {
    await socket.join(conversationRoom(snapshot.conversation.id));
    return snapshot;
  };
  return eventRouter<typeof customerRequests, CustomerSession>(
    customerRequests,
    {
      'handoff:preview': async (s, { code }) => {
        await limitClaims(deps, s.socket);
        return previewHandoff(ctx, code);
      },
      'handoff:claim': async (s, { code }) => {
        await limitClaims(deps, s.socket);
        return open(s, await claimHandoff(ctx, me(s), code));
      },
      'conversation:start': async (s, input) => open(s, await startConversation(ctx, me(s), input)),
      'conversation:resume': async (s, { conversationId, afterSeq }) =>
        open(
          s,
          await customerSnapshot(
            ctx,
            await customerConversation(ctx, me(s), conversationId),
            afterSeq,
          ),
        ),
      'conversation:end': async (s, { conversationId }) => {
        const conversation = await customerConversation(ctx, me(s), conversationId);
        return customerView(
          ctx,
          await closeConversation(ctx, conversation, 'customer', archiveActor(me(s))),
        );
      },
      'message:send': async (s, input) => {
        const started = performance.now();
        const conversation = await customerConversationHead(ctx, me(s), input.conversationId);
        const message = await sendMessage(ctx, me(s), conversation, input, 'text', s.socket.id);
        ctx.metrics.relayLatency.observe((performance.now() - started) / 1000);
        const visible = forCustomer(message);
        // sendMessage stores a customer's text as `text`; a note here would be a bug, not input.
        if (visible === null) throw new ParleyError('INTERNAL');
        return visible;
      },
      'callback:request': async (s, input) => requestCallback(ctx, me(s), input),
      'callback:cancel': async (s, { callbackId }) => cancelCallback(ctx, me(s), callbackId),
      'callback:list': async (s, { state }) =>
        ctx.store.listCallbacks({
          customerId: me(s).id,
          ...(state === undefined ? {} : { states: [state] }),
          limit: 100,
        }),
      'survey:submit': async (s, input) => submitSurvey(ctx, me(s), input),
      'session:refresh': async (s, { token }) => {
        const session = await deps.auth.customer(token);
        if (session.actor.id !== me(s).id)
          throw new ParleyError('FORBIDDEN', 'The new token is for another customer.');
        // Issued first: past the sign-in's limit this throws, and the socket keeps its old state.
        const issued = deps.auth.issueSession(session.actor, session.signedInAt);
        const { data } = s.socket;
        data.actor = session.actor;
        data.expiresAt = session.expiresAt;
        data.signedInAt = session.signedInAt;
        s.clock.set(session.expiresAt);
        return { expiresAt: session.expiresAt.toISOString(), sessionToken: issued.token };
      },
    },
    {
      typing: async (s, { conversationId, typing }) => {
        const conversation = await customerConversationHead(ctx, me(s), conversationId);
        ctx.fanout.toAgents(agentRoomsOf(conversation), 'typing', {
          conversationId,
          role: 'customer',
          name: me(s).name,
          typing,
        });
      },
      'message:read': async (s, { conversationId, seq }) => {
        const conversation = await customerConversationHead(ctx, me(s), conversationId);
        await ctx.store.markRead(conversationId, 'customer', Math.min(seq, conversation.lastSeq));
        ctx.fanout.toAgents(agentRoomsOf(conversation), 'message:read', {
          conversationId,
          role: 'customer',
          seq,
        });
      },
    },
    {
      before: admitEvent,
      report: {
        unexpected: (event, error) => ctx.log.error({ event, err: error }, 'customer event failed'),
      },
    },
  );
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
  const bind = customerRouter(deps);
  namespace.on('connection', (socket) => {
    deps.ctx.metrics.sockets.inc({ namespace: 'customer' });
    deps.ctx.log.debug(
      { namespace: 'customer', socketId: socket.id, principal: socket.data.actor.id },
      'socket connected',
    );
    void socket.join(customerRoom(socket.data.actor.id));
    const session = startSession(socket, deps, socket.data.expiresAt);
    bind(socket, session);
    socket.on('disconnect', () => {
      session.clock.clear();
      deps.ctx.metrics.sockets.dec({ namespace: 'customer' });
    });
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
