import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE } from '@parley/protocol';
import type { Namespace, Server } from 'socket.io';
import { agentRoom, conversationRoom, customerRoom, type Fanout } from './Fanout.js';

/**
 * The fan-out over Socket.IO rooms. With the Redis adapter installed on `io`, every emit reaches
 * the room's sockets on every node.
 *
 * @example
 * const fanout = createSocketFanout(io);
 * fanout.toConversation(id, 'message:new', message);
 */
export function createSocketFanout(io: Server, exceptSocket?: string): Fanout {
  const customers = io.of(CUSTOMER_NAMESPACE);
  const agents = io.of(AGENT_NAMESPACE);
  // Every socket is in a room named by its id, so leaving one out is leaving out that room.
  const to = (namespace: Namespace, rooms: string | string[]) =>
    exceptSocket === undefined ? namespace.to(rooms) : namespace.to(rooms).except(exceptSocket);
  return {
    toConversation(conversationId, event, ...args) {
      to(customers, conversationRoom(conversationId)).emit(event, ...args);
    },
    toCustomer(customerId, event, ...args) {
      to(customers, customerRoom(customerId)).emit(event, ...args);
    },
    toAgents(rooms, event, ...args) {
      to(agents, rooms).emit(event, ...args);
    },
    excluding(socketId) {
      return createSocketFanout(io, socketId);
    },
    disconnectAgent(agentId) {
      agents.in(agentRoom(agentId)).disconnectSockets(true);
    },
  };
}
