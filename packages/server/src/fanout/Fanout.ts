import type { AgentServerEvents, CustomerServerEvents } from '@parley/protocol';

/**
 * Where the server's pushes go. Rooms, not sockets: with the Redis adapter a room spans every
 * node, so a service never needs to know where a client is connected.
 * - `/customer`: `conv:<conversationId>` (every socket of the conversation's customer that has it
 *   open) and `customer:<customerId>` (every socket of one customer).
 * - `/agent`: `agent:<agentId>` (every console of one agent), `team:<team>` (everyone in a team),
 *   `sup:<team>` (the team's supervisors).
 */
export interface Fanout {
  toConversation<K extends keyof CustomerServerEvents>(
    conversationId: string,
    event: K,
    ...args: Parameters<CustomerServerEvents[K]>
  ): void;
  toCustomer<K extends keyof CustomerServerEvents>(
    customerId: string,
    event: K,
    ...args: Parameters<CustomerServerEvents[K]>
  ): void;
  /** One emit to the union of the rooms, so an agent in several of them receives it once. */
  toAgents<K extends keyof AgentServerEvents>(
    rooms: AgentRoom[],
    event: K,
    ...args: Parameters<AgentServerEvents[K]>
  ): void;
  /**
   * The same fan-out, leaving out one socket: the one a message came from, whose sender hears it
   * back in the acknowledgement and need not be sent it twice.
   */
  excluding(socketId: string): Fanout;
  /** Disconnects every console of an agent whose access was withdrawn, on every node. */
  disconnectAgent(agentId: string): void;
}

/** A room of the `/agent` namespace. */
export type AgentRoom = `agent:${string}` | `team:${string}` | `sup:${string}`;

/** The room of one agent's consoles. */
export const agentRoom = (agentId: string): AgentRoom => `agent:${agentId}`;
/** The room of everyone in a team. */
export const teamRoom = (team: string): AgentRoom => `team:${team}`;
/** The room of a team's supervisors. */
export const supervisorRoom = (team: string): AgentRoom => `sup:${team}`;
/** The room of the customer sockets that have a conversation open. */
export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
/** The room of every socket of one customer. */
export const customerRoom = (customerId: string) => `customer:${customerId}`;
