import type { AgentPresence, Presence as PresenceStatus } from '@parley/protocol';
import type { Presence } from '../presence/Presence.js';
import type { RedisClient } from './connectRedis.js';

/** How long a console's presence lives without being refreshed by its node. */
const SOCKET_TTL_SECONDS = 90;
/** How often a node refreshes the presence of each console connected to it. */
const REFRESH_MS = 30_000;
/**
 * Into how many slices a refresh round is cut. Refreshing every console at once sent thousands of
 * transactions to Redis in one turn of the event loop every 30 s (4 commands per console): the node
 * stalled, and every message in flight waited (the cluster bench's worst tail, with 2,000
 * consoles on one node). A slice every second keeps each burst to 1/30 of them.
 */
const REFRESH_SLICES = 30;

interface SocketEntry {
  name: string;
  teams: readonly string[];
}

/**
 * Presence shared by every node through Redis: one key per connected console (with a TTL its node
 * refreshes, so a node that dies takes its consoles offline within 90 s), a set of console ids per
 * agent, a set of agent ids per team, and each agent's chosen status. The refresh is spread over
 * its period, a slice of the consoles at a time.
 *
 * @example
 * const presence = createRedisPresence(redis, 'parley');
 */
export function createRedisPresence(
  redis: RedisClient,
  prefix: string,
  { refreshMs = REFRESH_MS, slices = REFRESH_SLICES } = {},
) {
  const socketKey = (agentId: string, socketId: string) =>
    `${prefix}:presence:${agentId}:socket:${socketId}`;
  const socketsKey = (agentId: string) => `${prefix}:presence:${agentId}:sockets`;
  const statusKey = (agentId: string) => `${prefix}:presence:${agentId}:status`;
  const teamKey = (team: string) => `${prefix}:team:${team}`;
  const local = new Map<string, { agentId: string; entry: SocketEntry }>();

  /** The live consoles of an agent; expired ones are dropped from the set as they are found. */
  async function liveSockets(agentId: string): Promise<SocketEntry[]> {
    const ids = await redis.sMembers(socketsKey(agentId));
    if (ids.length === 0) return [];
    const values = await redis.mGet(ids.map((id) => socketKey(agentId, id)));
    const dead = ids.filter((_, i) => values[i] === null);
    if (dead.length > 0) await redis.sRem(socketsKey(agentId), dead);
    return values
      .filter((v): v is string => typeof v === 'string')
      .map((v) => JSON.parse(v) as SocketEntry);
  }

  /**
   * Writes everything a console's presence consists of. The refresh writes all of it again (not
   * just the TTL), so a Redis that restarted empty is whole again within one refresh.
   */
  async function write(agentId: string, socketId: string, entry: SocketEntry): Promise<void> {
    const multi = redis
      .multi()
      .set(socketKey(agentId, socketId), JSON.stringify(entry), { EX: SOCKET_TTL_SECONDS })
      .sAdd(socketsKey(agentId), socketId)
      // NX: a status the agent chose ("away") survives; a lost one comes back as online.
      .set(statusKey(agentId), 'online', { NX: true });
    for (const team of entry.teams) multi.sAdd(teamKey(team), agentId);
    await multi.exec();
  }

  // Each round refreshes the consoles connected when it began, a slice per tick. A console that
  // connects meanwhile was written on connecting and joins the next round: refreshed within two
  // rounds (60 s), inside its 90 s TTL.
  let round: string[] = [];
  let next = 0;
  const timer = setInterval(() => {
    if (next >= round.length) {
      round = [...local.keys()];
      next = 0;
    }
    const end = Math.min(round.length, next + Math.ceil(round.length / slices));
    for (; next < end; next++) {
      const socketId = round[next] as string;
      const known = local.get(socketId);
      if (known !== undefined) void write(known.agentId, socketId, known.entry).catch(() => {});
    }
  }, refreshMs / slices);
  timer.unref();

  const presence: Presence & { stop(): void } = {
    async connected(agent, socketId) {
      const entry = { name: agent.name, teams: agent.teams };
      local.set(socketId, { agentId: agent.id, entry });
      // A first console starts the agent online, whatever status an earlier session left.
      if ((await liveSockets(agent.id)).length === 0)
        await redis.set(statusKey(agent.id), 'online');
      await write(agent.id, socketId, entry);
    },
    async disconnected(agentId, socketId) {
      local.delete(socketId);
      await redis
        .multi()
        .del(socketKey(agentId, socketId))
        .sRem(socketsKey(agentId), socketId)
        .exec();
    },
    async set(agentId, status) {
      const sockets = await liveSockets(agentId);
      const first = sockets[0];
      if (first === undefined) return null;
      await redis.set(statusKey(agentId), status);
      return { id: agentId, name: first.name, team: first.teams[0] ?? '', status };
    },
    async statusOf(agentId): Promise<PresenceStatus> {
      if ((await liveSockets(agentId)).length === 0) return 'offline';
      return (await redis.get(statusKey(agentId))) === 'away' ? 'away' : 'online';
    },
    async get(agentId) {
      const first = (await liveSockets(agentId))[0];
      return first === undefined ? null : { name: first.name, teams: first.teams };
    },
    async list(teams) {
      const result: AgentPresence[] = [];
      for (const team of teams) {
        for (const agentId of await redis.sMembers(teamKey(team))) {
          const status = await presence.statusOf(agentId);
          // The team set only grows; a console whose refreshed token left the team is not in it.
          const inTeam = (await liveSockets(agentId)).find((entry) => entry.teams.includes(team));
          if (status !== 'offline' && inTeam !== undefined)
            result.push({ id: agentId, name: inTeam.name, team, status });
        }
      }
      return result;
    },
    stop() {
      clearInterval(timer);
    },
  };
  return presence;
}
