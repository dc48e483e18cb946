import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE } from '@parley/protocol';
import { Server } from 'socket.io';
import { describe, expect, it, vi } from 'vitest';
import { createSocketFanout } from './createSocketFanout.js';
import { agentRoom, conversationRoom } from './Fanout.js';

/** A server never attached to HTTP (nothing to close), its namespaces' broadcasts counted. */
function server() {
  const io = new Server();
  const customers = io.of(CUSTOMER_NAMESPACE).adapter;
  const agents = io.of(AGENT_NAMESPACE).adapter;
  // Every socket is in the room of its own id, as Socket.IO puts it there.
  const join = (adapter: typeof customers, socketId: string, room: string) =>
    adapter.addAll(socketId, new Set([socketId, room]));
  return {
    io,
    joinCustomer: (socketId: string, room: string) => join(customers, socketId, room),
    joinAgent: (socketId: string, room: string) => join(agents, socketId, room),
    customerBroadcasts: vi.spyOn(customers, 'broadcast'),
    agentBroadcasts: vi.spyOn(agents, 'broadcast'),
  };
}

const MESSAGE = { conversationId: 'cv_1', seq: 1 } as never;

describe('createSocketFanout', () => {
  it('alone on its node, skips an emit whose rooms hold no socket but the one left out', () => {
    const { io, joinCustomer, joinAgent, customerBroadcasts, agentBroadcasts } = server();
    joinCustomer('tab-1', conversationRoom('cv_1'));
    const fanout = createSocketFanout(io, { clustered: false });

    fanout.excluding('tab-1').toConversation('cv_1', 'message:new', MESSAGE);
    fanout.toAgents([agentRoom('olga')], 'message:new', MESSAGE);
    expect(customerBroadcasts).not.toHaveBeenCalled();
    expect(agentBroadcasts).not.toHaveBeenCalled();

    // A second tab of the customer, and the agent's console: now each emit has a recipient.
    joinCustomer('tab-2', conversationRoom('cv_1'));
    joinAgent('console-1', agentRoom('olga'));
    fanout.excluding('tab-1').toConversation('cv_1', 'message:new', MESSAGE);
    fanout.toAgents([agentRoom('bob'), agentRoom('olga')], 'message:new', MESSAGE);
    expect(customerBroadcasts).toHaveBeenCalledTimes(1);
    expect(customerBroadcasts.mock.calls[0]?.[1].except).toEqual(new Set(['tab-1']));
    expect(agentBroadcasts).toHaveBeenCalledTimes(1);
  });

  it('with other nodes sharing the rooms, always emits: their sockets are not known here', () => {
    const { io, customerBroadcasts } = server();
    createSocketFanout(io, { clustered: true }).toConversation('cv_1', 'message:new', MESSAGE);
    expect(customerBroadcasts).toHaveBeenCalledTimes(1);
  });
});
