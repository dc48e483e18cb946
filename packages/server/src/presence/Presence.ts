import type { AgentPresence, Presence as PresenceStatus } from '@parley/protocol';
import type { AgentActor } from '../domain/actors.js';

/**
 * Which agents are connected and whether they are available. The in-memory registry below serves
 * one node; a shared one (Redis) serves a cluster behind the same interface.
 */
export interface Presence {
  /**
   * A console connected, or refreshed its token: the agent's name and teams become the token's,
   * so a move to another team shows at once.
   */
  connected(agent: AgentActor, socketId: string): Promise<void>;
  disconnected(agentId: string, socketId: string): Promise<void>;
  /** Sets a connected agent's status; null if the agent has no connected console. */
  set(agentId: string, status: 'online' | 'away'): Promise<AgentPresence | null>;
  statusOf(agentId: string): Promise<PresenceStatus>;
  /** The agent's name and teams as their token said at connection, if connected. */
  get(agentId: string): Promise<{ name: string; teams: readonly string[] } | null>;
  /** Connected agents of any of `teams`, one entry per agent and team. */
  list(teams: readonly string[]): Promise<AgentPresence[]>;
}

interface Entry {
  name: string;
  teams: readonly string[];
  status: 'online' | 'away';
  sockets: Set<string>;
}

/**
 * A single node's presence registry. An agent is online from their first console's connection
 * until their last one disconnects.
 *
 * @example
 * const presence = createMemoryPresence();
 * await presence.connected(olga, socket.id);
 */
export function createMemoryPresence(): Presence {
  const agents = new Map<string, Entry>();
  return {
    async connected(agent, socketId) {
      const entry = agents.get(agent.id) ?? {
        name: agent.name,
        teams: agent.teams,
        status: 'online' as const,
        sockets: new Set<string>(),
      };
      entry.name = agent.name;
      entry.teams = agent.teams;
      entry.sockets.add(socketId);
      agents.set(agent.id, entry);
    },
    async disconnected(agentId, socketId) {
      const entry = agents.get(agentId);
      entry?.sockets.delete(socketId);
      if (entry?.sockets.size === 0) agents.delete(agentId);
    },
    async set(agentId, status) {
      const entry = agents.get(agentId);
      if (entry === undefined) return null;
      entry.status = status;
      return { id: agentId, name: entry.name, team: entry.teams[0] ?? '', status };
    },
    async statusOf(agentId) {
      return agents.get(agentId)?.status ?? 'offline';
    },
    async get(agentId) {
      const entry = agents.get(agentId);
      return entry === undefined ? null : { name: entry.name, teams: entry.teams };
    },
    async list(teams) {
      const result: AgentPresence[] = [];
      for (const [id, entry] of agents) {
        for (const team of entry.teams) {
          if (teams.includes(team))
            result.push({ id, name: entry.name, team, status: entry.status });
        }
      }
      return result;
    },
  };
}
