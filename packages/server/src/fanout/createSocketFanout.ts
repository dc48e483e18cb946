import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE } from '@parley/protocol';
import type { Namespace, Server } from 'socket.io';
import { agentRoom, conversationRoom, customerRoom, type Fanout } from './Fanout.js';

/** Options of {@link createSocketFanout}. */
export interface SocketFanoutOptions {
  /**
   * Whether other nodes share the rooms (the Redis adapter). Alone, a node knows every recipient
   * of a room, so it skips an emit that has none.
   */
  clustered: boolean;
}

/**
 * The fan-out over Socket.IO rooms. With the Redis adapter installed on `io`, every emit reaches
 * the room's sockets on every node.
 *
 * @example
 * const fanout = createSocketFanout(io, { clustered: false });
 * fanout.toConversation(id, 'message:new', message);
 */
export function createSocketFanout(
  io: Server,
  options: SocketFanoutOptions,
  exceptSocket?: string,
): Fanout {
  const customers = io.of(CUSTOMER_NAMESPACE);
  const agents = io.of(AGENT_NAMESPACE);
  // Socket.IO encodes a packet before it looks for its recipients. A message's copy for the
  // customer's other tabs usually has none (the tab that sent it is left out), and encoding it
  // anyway was a JSON string of the whole message per message for nobody.
  const reachesNobody = (namespace: Namespace, rooms: string | string[]) => {
    if (options.clustered) return false;
    for (const room of typeof rooms === 'string' ? [rooms] : rooms) {
      const sockets = namespace.adapter.rooms.get(room);
      if (sockets === undefined) continue;
      if (sockets.size > (exceptSocket !== undefined && sockets.has(exceptSocket) ? 1 : 0))
        return false;
    }
    return true;
  };
  // Every socket is in a room named by its id, so leaving one out is leaving out that room.
  const to = (namespace: Namespace, rooms: string | string[]) =>
    exceptSocket === undefined ? namespace.to(rooms) : namespace.to(rooms).except(exceptSocket);
  return {
    toConversation(conversationId, event, ...args) {
      const room = conversationRoom(conversationId);
      if (!reachesNobody(customers, room)) to(customers, room).emit(event, ...args);
    },
    toCustomer(customerId, event, ...args) {
      const room = customerRoom(customerId);
      if (!reachesNobody(customers, room)) to(customers, room).emit(event, ...args);
    },
    toAgents(rooms, event, ...args) {
      if (!reachesNobody(agents, rooms)) to(agents, rooms).emit(event, ...args);
    },
    excluding(socketId) {
      return createSocketFanout(io, options, socketId);
    },
    disconnectAgent(agentId) {
      agents.in(agentRoom(agentId)).disconnectSockets(true);
    },
  };
}
