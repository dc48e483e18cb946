import { randomBytes } from 'node:crypto';
import {
  type CallbackState,
  type CreateHandoffRequest,
  type CreateLegalHold,
  ParleyError,
  type RouteName,
} from '@parley/protocol';
import { transcriptText } from '../archive/buildTranscript.js';
import { withdrawAgent } from '../auth/withdrawAgent.js';
import { audit } from '../compliance/audit.js';
import {
  eraseCustomer,
  exportCustomer,
  liftLegalHold,
  placeLegalHold,
  readTranscript,
} from '../compliance/complianceOps.js';
import { searchConversations } from '../compliance/searchConversations.js';
import {
  type AgentActor,
  type CustomerActor,
  GUEST_PREFIX,
  type ServiceActor,
} from '../domain/actors.js';
import { createHandoff } from '../handoffs/createHandoff.js';
import { previewHandoff } from '../handoffs/previewHandoff.js';
import { npsReport } from '../reports/npsReport.js';
import type { HttpDeps } from './HttpDeps.js';
import type { RequestActor } from './requestActor.js';

/** What a route handler receives: the authenticated actor and the validated input. */
export interface RouteInput {
  actor: RequestActor;
  body: unknown;
  query: Record<string, string | undefined>;
  params: Record<string, string>;
  requestId: string;
  address: string;
}

/** Runs of anything but lower-case letters and digits, folded to `-` in a demo customer's id. */
const SLUG_SEPARATORS = /[^a-z0-9]+/g;

/** A plain-text answer (the `txt` transcript). */
export class TextAnswer {
  constructor(readonly text: string) {}
}

function staff(actor: RequestActor): AgentActor {
  if (actor.kind !== 'agent') throw new ParleyError('FORBIDDEN');
  return actor;
}

function creator(actor: RequestActor): AgentActor | ServiceActor {
  if (actor.kind !== 'agent' && actor.kind !== 'service') throw new ParleyError('FORBIDDEN');
  return actor;
}

function customer(actor: RequestActor): CustomerActor {
  if (actor.kind !== 'customer') throw new ParleyError('FORBIDDEN');
  return actor;
}

/**
 * One handler per REST route, keyed like `restRoutes`; the mounting code authenticates and
 * validates before any of these runs, so `body` and `query` have their schemas' shapes.
 */
export function restHandlers(
  deps: HttpDeps,
): Record<RouteName, (input: RouteInput) => Promise<unknown>> {
  const { ctx } = deps;
  return {
    createHandoff: async ({ actor, body }) =>
      createHandoff(ctx, creator(actor), body as CreateHandoffRequest),
    previewHandoff: async ({ body, address }) => {
      if (!(await deps.claimLimits.perAddress.hit(address))) throw new ParleyError('RATE_LIMITED');
      return previewHandoff(ctx, (body as { code: string }).code);
    },
    createCustomerSession: async ({ actor }) => {
      const me = customer(actor);
      const issued = deps.auth.issueSession(me);
      return {
        token: issued.token,
        expiresAt: issued.expiresAt,
        customer: { id: me.id, name: me.name },
      };
    },
    createAnonymousSession: async () => {
      if (!deps.config.anonymousChat) throw new ParleyError('NOT_FOUND');
      const guest: CustomerActor = {
        kind: 'customer',
        id: `${GUEST_PREFIX}${randomBytes(16).toString('base64url')}`,
        name: 'Guest',
        phone: null,
        locale: null,
      };
      const issued = deps.auth.issueSession(guest);
      return {
        token: issued.token,
        expiresAt: issued.expiresAt,
        customer: { id: guest.id, name: guest.name },
      };
    },
    listCallbacks: async ({ actor, query }) => {
      const teams =
        actor.kind === 'agent'
          ? [...actor.teams]
          : query.team === undefined
            ? undefined
            : [query.team];
      const callbacks = await ctx.store.listCallbacks({
        ...(teams === undefined ? {} : { teams }),
        ...(query.state === undefined ? {} : { states: [query.state as CallbackState] }),
        limit: 500,
      });
      return { callbacks };
    },
    getTranscript: async ({ actor, params, query, requestId }) => {
      const transcript = await readTranscript(
        ctx,
        staff(actor),
        params.conversationId ?? '',
        deps.chainKey,
        requestId,
      );
      return query.format === 'txt' ? new TextAnswer(transcriptText(transcript)) : transcript;
    },
    npsReport: async ({ query }) =>
      npsReport(ctx, {
        ...(query.from === undefined ? {} : { from: query.from }),
        ...(query.to === undefined ? {} : { to: query.to }),
      }),
    listLegalHolds: async () => ({ holds: await ctx.store.listLegalHolds({}) }),
    createLegalHold: async ({ actor, body, requestId }) =>
      placeLegalHold(ctx, staff(actor), body as CreateLegalHold, requestId),
    releaseLegalHold: async ({ actor, params, requestId }) =>
      liftLegalHold(ctx, staff(actor), params.holdId ?? '', requestId),
    auditLog: async ({ actor, query, requestId }) => {
      await audit(ctx, staff(actor), 'audit.read', 'audit', requestId);
      const entries = await ctx.store.listAudit({
        ...(query.before === undefined ? {} : { before: query.before }),
        limit: Number(query.limit ?? 100),
      });
      return { entries };
    },
    exportCustomer: async ({ actor, params, requestId }) =>
      exportCustomer(ctx, staff(actor), params.customerId ?? '', deps.chainKey, requestId),
    eraseCustomer: async ({ actor, params, requestId }) =>
      eraseCustomer(ctx, staff(actor), params.customerId ?? '', requestId),
    denyAgent: async ({ actor, params, requestId }) =>
      withdrawAgent(ctx, creator(actor), params.agentId ?? '', requestId),
    consoleConfig: async () => ({
      demo: deps.config.demo,
      signInUrl: deps.config.consoleSignInUrl,
      demoAgents: deps.config.demoAgents.map((a) => ({
        id: a.id,
        name: a.name,
        roles: [...a.roles],
      })),
      teams: deps.config.teams.map((t) => ({ id: t.id, name: t.name })),
      slaMinutes: { ...deps.config.slaMinutes },
    }),
    demoAgentToken: async ({ body }) => {
      if (deps.demo === null) throw new ParleyError('NOT_FOUND');
      const { agentId } = body as { agentId: string };
      if (!deps.config.demoAgents.some((a) => a.id === agentId)) {
        throw new ParleyError('AGENT_NOT_FOUND', 'Pick one of the demo agents.');
      }
      return deps.demo.agentToken(agentId);
    },
    searchConversations: async ({ actor, query, requestId }) => ({
      conversations: await searchConversations(ctx, staff(actor), query, requestId),
    }),
    demoSignIn: async ({ body }) => {
      if (deps.demo === null) throw new ParleyError('NOT_FOUND');
      const name = (body as { name?: string }).name ?? 'Anna Kowalska';
      const sub = `demo-${name.toLowerCase().replace(SLUG_SEPARATORS, '-').slice(0, 40)}`;
      const minted = deps.demo.customerIdentityToken({
        sub,
        name,
        phone: '+48601234567',
        locale: 'en',
      });
      return { identityToken: minted.token, expiresAt: minted.expiresAt };
    },
  };
}
