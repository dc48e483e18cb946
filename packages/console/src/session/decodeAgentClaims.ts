import { ROLES, type Role } from '@parley/protocol';

/** Who the console shows as signed in. Display only: the server verifies the token itself. */
export interface AgentIdentity {
  id: string;
  name: string;
  roles: Role[];
  teams: string[];
  /** When the token expires, in ms since the epoch; null without an `exp` claim. */
  expiresAt: number | null;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Reads the agent's id, name, roles and teams from a JWT's payload, to label the console and
 * choose its views (a supervisor sees the NPS dashboard). The signature is not checked here —
 * the server refuses a forged token on connect, and everything shown comes from the server.
 * Returns null for anything that is not a readable JWT.
 *
 * @example
 * decodeAgentClaims(token)?.roles; // ['agent', 'supervisor']
 */
export function decodeAgentClaims(token: string): AgentIdentity | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.sub !== 'string') return null;
  const roles = strings(claims.roles).filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r),
  );
  const teams = strings(claims.teams);
  if (typeof claims.team === 'string') teams.push(claims.team);
  return {
    id: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    roles,
    teams,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
}
