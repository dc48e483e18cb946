import type { Server, Socket as ServerSocket } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { describe, expectTypeOf, it } from 'vitest';
import type { CustomerConversation } from '../schemas/conversation.js';
import type { HandoffCreated } from '../schemas/handoff.js';
import type { CustomerMessage, Message } from '../schemas/message.js';
import type {
  Ack,
  AgentClientEvents,
  AgentServerEvents,
  CustomerClientEvents,
  CustomerServerEvents,
} from './index.js';

// The maps are used verbatim: the server as `Server<ClientEvents, ServerEvents>`, each client as
// the flipped `Socket<ServerEvents, ClientEvents>`. These tests only compile or fail to compile.

declare const customerServer: Server<CustomerClientEvents, CustomerServerEvents>;
declare const customerSocket: ServerSocket<CustomerClientEvents, CustomerServerEvents>;
declare const customerClient: Socket<CustomerServerEvents, CustomerClientEvents>;
declare const agentClient: Socket<AgentServerEvents, AgentClientEvents>;
declare const agentSocket: ServerSocket<AgentClientEvents, AgentServerEvents>;
declare const message: Message;
declare const customerMessage: CustomerMessage;

describe('the customer namespace', () => {
  it('types a request and its ack on the client', () => {
    customerClient.emit(
      'message:send',
      { conversationId: 'cv_x', clientMsgId: 'abcdefgh', text: 'hi' },
      (ack) => {
        expectTypeOf(ack).toEqualTypeOf<Ack<CustomerMessage>>();
      },
    );
    // @ts-expect-error a payload missing `clientMsgId` does not compile
    customerClient.emit('message:send', { conversationId: 'cv_x', text: 'hi' }, () => {});
    // @ts-expect-error a payload of the wrong type does not compile
    customerClient.emit('handoff:claim', { code: 42 }, () => {});
    // @ts-expect-error an event the protocol does not declare does not compile
    customerClient.emit('handoff:steal', { code: 'x' });
  });

  it('types emitWithAck', async () => {
    // socket.io-client types `timeout(ms).emitWithAck` as `any` (its FirstArg helper expects a
    // one-argument callback), so clients wrap it; the un-timed form keeps the ack type.
    const ack = await customerClient.emitWithAck('conversation:end', { conversationId: 'cv_x' });
    expectTypeOf(ack).toEqualTypeOf<Ack<CustomerConversation>>();
  });

  it('types the server side: handlers, acks and pushes', () => {
    customerSocket.on('message:send', (payload, ack) => {
      expectTypeOf(payload.text).toEqualTypeOf<string>();
      ack({ ok: true, data: customerMessage });
      ack({ ok: false, error: { code: 'CONVERSATION_CLOSED', message: 'Closed.' } });
      // @ts-expect-error an ack with the wrong data shape does not compile
      ack({ ok: true, data: { id: 'm_x' } });
      // @ts-expect-error an ack with an unknown error code does not compile
      ack({ ok: false, error: { code: 'OOPS', message: 'x' } });
    });
    customerServer.of('/customer').to('cv_x').emit('message:new', customerMessage);
    // @ts-expect-error an internal note cannot be pushed to a customer
    customerServer.of('/customer').to('cv_x').emit('message:new', message);
    // @ts-expect-error a push with the wrong payload does not compile
    customerSocket.emit('survey:request', { conversationId: 'cv_x', kind: 'csat' });
  });

  it('types signals without an ack', () => {
    customerClient.emit('typing', { conversationId: 'cv_x', typing: true });
    // @ts-expect-error `typing` must be a boolean
    customerClient.emit('typing', { conversationId: 'cv_x', typing: 'yes' });
  });

  it('types what the client receives', () => {
    customerClient.on('message:new', (received) => {
      expectTypeOf(received).toEqualTypeOf<CustomerMessage>();
      expectTypeOf(received.kind).toEqualTypeOf<'text' | 'system'>();
    });
  });
});

describe('the agent namespace', () => {
  it('types a handoff request on both sides', () => {
    agentClient.emit(
      'handoff:create',
      {
        channel: 'x',
        customerHandle: '@anna',
        thread: [
          { author: 'Anna', handle: '@anna', text: 'help', postedAt: '2026-11-22T20:10:00Z' },
        ],
      },
      (ack) => {
        if (ack.ok) expectTypeOf(ack.data).toEqualTypeOf<HandoffCreated>();
      },
    );
    const telegram = { channel: 'telegram', customerHandle: '@a', thread: [] } as const;
    // @ts-expect-error `telegram` is not a channel
    agentClient.emit('handoff:create', telegram, () => {});
    agentSocket.on('note:add', (payload, ack) => {
      expectTypeOf(payload.conversationId).toEqualTypeOf<string>();
      ack({ ok: true, data: message });
      // @ts-expect-error a customer-shaped ack is not a list of conversations
      agentSocket.listeners('conversation:list')[0]?.({ scope: 'mine' }, (a: Ack<string>) => a);
    });
  });
});
