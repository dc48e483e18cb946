// Types of chaosRun.mjs for the TypeScript suite that runs it (test/cluster/chaos.test.ts).
import type { RedisServer } from './redisServer.mjs';

/** A node of the cluster as the run needs it. */
export interface ChaosNode {
  url: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** What the run needs of the server's token minter. */
export interface ChaosMinter {
  agentToken(
    id: string,
    profile: { name: string; roles: 'agent'[]; teams: string[] },
  ): { token: string };
  customerIdentityToken(identity: { sub: string; name: string }): { token: string };
}

export interface ChaosCounts {
  sent: number;
  stored: number;
  delivered: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  viewsDiffering: number;
  notStored: number;
  missingFromViews: number;
  outboxLeft: number;
}

export interface ChaosResult {
  counts: ChaosCounts;
  problems: string[];
  staleBeforeClosingLines: number;
  clients: Record<string, number>;
  drops: number;
  events: string[];
  sockets: number;
  conversations: number;
}

export function runChaos(options: {
  startNode: (env: Record<string, string>) => Promise<ChaosNode>;
  env: Record<string, string>;
  redis: Pick<RedisServer, 'kill' | 'start'>;
  mint: ChaosMinter;
  protocol: { PROTOCOL_MAJOR: number; AGENT_NAMESPACE: string; CUSTOMER_NAMESPACE: string };
  nodeCount?: number;
  conversations?: number;
  conversationsPerAgent?: number;
  seconds?: number;
  meanGapMs?: number;
  dropEveryMs?: number;
  seed?: number;
  write?: (line: string) => void;
}): Promise<ChaosResult>;

export function chaosReport(result: ChaosResult): string;
