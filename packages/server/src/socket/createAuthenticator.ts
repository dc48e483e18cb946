import { ParleyError } from '@parley/protocol';
import type { TokenService } from '../auth/createTokenService.js';
import { hashServiceKey } from '../auth/generateServiceKey.js';
import type { AgentPrincipal, CustomerPrincipal } from '../auth/principals.js';
import type { Store } from '../store/Store.js';
import type { Authenticator, CustomerSession } from './Authenticator.js';

function customerSession(principal: CustomerPrincipal): CustomerSession {
  return {
    actor: {
      kind: 'customer',
      id: principal.sub,
      name: principal.name,
      phone: principal.phone,
      locale: principal.locale,
    },
    expiresAt: new Date(principal.expiresAt),
    fromIdentity: principal.source === 'identity',
    signedInAt: principal.signedInAt,
  };
}

function agentSession(principal: AgentPrincipal) {
  return {
    actor: {
      kind: 'agent' as const,
      id: principal.sub,
      name: principal.name,
      roles: principal.roles,
      teams: principal.teams,
    },
    expiresAt: new Date(principal.expiresAt),
  };
}

/**
 * The socket and HTTP layers' view of authentication, over the token service and the store
 * (service keys are looked up by their hash; a withdrawn agent is refused however valid the token).
 *
 * @example
 * const auth = createAuthenticator(createTokenService(config), store);
 */
export function createAuthenticator(tokens: TokenService, store: Store): Authenticator {
  return {
    customer: async (token) => customerSession(await tokens.verifyCustomerToken(token)),
    customerIdentity: async (token) => customerSession(await tokens.verifyCustomerIdentity(token)),
    agent: async (token) => {
      const session = agentSession(await tokens.verifyAgentToken(token));
      // Withdrawal (`POST /v1/agents/:id/deny`) must hold wherever the still-valid token is
      // shown: the socket handshake, `session:refresh` and every REST call alike.
      if (await store.isDenied(session.actor.id)) {
        throw new ParleyError(
          'UNAUTHENTICATED',
          'Your access to Parley was withdrawn. Ask your supervisor.',
        );
      }
      return session;
    },
    issueSession: (actor, signedInAt) =>
      tokens.issueSessionToken({
        sub: actor.id,
        name: actor.name,
        phone: actor.phone,
        locale: actor.locale as CustomerPrincipal['locale'],
        ...(signedInAt === undefined ? {} : { signedInAt }),
      }),
    serviceKey: async (key) => {
      const record = await store.getServiceKeyByHash(hashServiceKey(key));
      return record === null ? null : { keyId: record.id, name: record.name };
    },
  };
}
