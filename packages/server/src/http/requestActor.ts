import { ParleyError, type RouteAuth } from '@parley/protocol';
import type { Request } from 'express';
import { SERVICE_KEY_PREFIX } from '../auth/generateServiceKey.js';
import { parseBearer } from '../auth/parseBearer.js';
import type { AgentActor, CustomerActor, ServiceActor } from '../domain/actors.js';
import type { Authenticator } from '../socket/Authenticator.js';

/** Who made a REST request, once authenticated for its route. */
export type RequestActor = AgentActor | CustomerActor | ServiceActor | { kind: 'public' };

/**
 * Authenticates a request for a route: the `Authorization: Bearer` header only (a token in the
 * query string is ignored, never read). A service key, a customer's identity token or a staff
 * token, each accepted only where the route allows it.
 *
 * @example
 * const actor = await requestActor(auth, req, ['agent', 'service']);
 */
export async function requestActor(
  auth: Authenticator,
  req: Request,
  allowed: readonly RouteAuth[],
): Promise<RequestActor> {
  if (allowed.includes('public')) return { kind: 'public' };
  const token = parseBearer(req.headers.authorization);
  if (token === null) {
    throw new ParleyError(
      'UNAUTHENTICATED',
      'Send a token in the Authorization header: "Bearer <token>".',
    );
  }
  if (token.startsWith(SERVICE_KEY_PREFIX)) {
    const key = allowed.includes('service') ? await auth.serviceKey(token) : null;
    if (key === null)
      throw new ParleyError('UNAUTHENTICATED', 'This service key is unknown or not allowed here.');
    return { kind: 'service', keyId: key.keyId, name: key.name };
  }
  if (allowed.includes('customer-identity')) return (await auth.customerIdentity(token)).actor;
  const { actor } = await auth.agent(token);
  if (!actor.roles.some((role) => allowed.includes(role))) {
    throw new ParleyError(
      'FORBIDDEN',
      `This needs the ${allowed.filter((a) => a !== 'service').join(' or ')} role.`,
    );
  }
  return actor;
}
