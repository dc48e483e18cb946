import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE } from '@parley/protocol';
import type { Server } from 'socket.io';
import { agentRoom, conversationRoom, customerRoom, type Fanout } from './Fanout.js';

/**
 * The fan-out over Socket.IO rooms. With the Redis adapter installed on `io`, every emit reaches
 * the room's sockets on every node.
 *
 * @example
 * const fanout = createSocketFanout(io);
 * fanout.toConversation(id, 'message:new', message);
 */
export function createSocketFanout(io: Server): Fanout {
  const customers = io.of(CUSTOMER_NAMESPACE);
  const agents = io.of(AGENT_NAMESPACE);
  return {
    toConversation(conversationId, event, ...args) {
      customers.to(conversationRoom(conversationId)).emit(event, ...args);
    },
    toCustomer(customerId, event, ...args) {
      customers.to(customerRoom(customerId)).emit(event, ...args);
    },
    toAgents(rooms, event, ...args) {
      agents.to(rooms).emit(event, ...args);
    },
    disconnectAgent(agentId) {
      agents.in(agentRoom(agentId)).disconnectSockets(true);
    },
  };
}
