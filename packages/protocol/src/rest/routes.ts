import type { GenericSchema } from 'valibot';
import {
  CreateHandoffRequest,
  HandoffCodeRequest,
  HandoffCreated,
  HandoffPreview,
} from '../schemas/handoff.js';
import { CreateLegalHold, LegalHold, NpsReport, Transcript } from '../schemas/index.js';
import { Empty } from '../schemas/primitives.js';
import {
  AccessWithdrawn,
  AuditLog,
  AuditQuery,
  CallbackList,
  CallbackListQuery,
  ConsoleConfig,
  ConversationSearch,
  ConversationSearchQuery,
  CustomerExport,
  DemoAgentToken,
  DemoAgentTokenRequest,
  DemoIdentity,
  DemoSignIn,
  ErasureReceipt,
  LegalHoldList,
  NpsQuery,
  TranscriptQuery,
} from '../schemas/rest.js';
import { SessionIssued } from '../schemas/session.js';

/**
 * Who may call a route: `public` (no token), `customer-identity` (the bank's identity token for a
 * customer), `service` (a service API key), or a staff token holding one of the named roles
 * (`agent`, `supervisor`, `compliance`). Finer checks (which conversation, which team) follow in
 * the handler.
 */
export type RouteAuth =
  | 'public'
  | 'customer-identity'
  | 'service'
  | 'agent'
  | 'supervisor'
  | 'compliance';

/** One REST route of the `/v1` API. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Express-style path; `:name` segments are ids, never secrets. */
  readonly path: string;
  readonly auth: readonly RouteAuth[];
  readonly summary: string;
  readonly body?: GenericSchema;
  readonly query?: GenericSchema;
  readonly response: GenericSchema;
  /** The success status; 200 unless said otherwise. */
  readonly status?: 200 | 201;
}

/**
 * The REST API, one entry per route. The server mounts handlers by these keys, validates bodies
 * and queries with these schemas, and builds `/v1/openapi.json` from this table.
 */
export const restRoutes = {
  createHandoff: {
    method: 'POST',
    path: '/v1/handoffs',
    auth: ['agent', 'supervisor', 'service'],
    summary: 'Create a handoff link for a public conversation.',
    body: CreateHandoffRequest,
    response: HandoffCreated,
    status: 201,
  },
  previewHandoff: {
    method: 'POST',
    path: '/v1/handoffs/preview',
    auth: ['public'],
    summary: 'Who a handoff link leads to; the code travels in the body, never the URL.',
    body: HandoffCodeRequest,
    response: HandoffPreview,
  },
  createCustomerSession: {
    method: 'POST',
    path: '/v1/customer/sessions',
    auth: ['customer-identity'],
    summary: 'Trade the bank’s identity token for a Parley customer session token.',
    body: Empty,
    response: SessionIssued,
    status: 201,
  },
  createAnonymousSession: {
    method: 'POST',
    path: '/v1/customer/sessions/anonymous',
    auth: ['public'],
    summary:
      'A guest session for general questions, where the bank allows anonymous chat (404 otherwise). Guests cannot claim handoffs.',
    body: Empty,
    response: SessionIssued,
    status: 201,
  },
  listCallbacks: {
    method: 'GET',
    path: '/v1/callbacks',
    auth: ['agent', 'supervisor', 'service'],
    summary: 'Call-back requests, for telephony integrations.',
    query: CallbackListQuery,
    response: CallbackList,
  },
  searchConversations: {
    method: 'GET',
    path: '/v1/conversations',
    auth: ['compliance', 'supervisor'],
    summary:
      'Find conversations by customer, channel and time (supervisors: their teams’); audit-logged.',
    query: ConversationSearchQuery,
    response: ConversationSearch,
  },
  getTranscript: {
    method: 'GET',
    path: '/v1/conversations/:conversationId/transcript',
    auth: ['compliance', 'supervisor', 'agent'],
    summary: 'A conversation’s transcript with its public thread; every view is audit-logged.',
    query: TranscriptQuery,
    response: Transcript,
  },
  npsReport: {
    method: 'GET',
    path: '/v1/reports/nps',
    auth: ['supervisor', 'compliance'],
    summary: 'NPS by agent, channel and ISO week.',
    query: NpsQuery,
    response: NpsReport,
  },
  listLegalHolds: {
    method: 'GET',
    path: '/v1/legal-holds',
    auth: ['compliance'],
    summary: 'Legal holds, active and released.',
    response: LegalHoldList,
  },
  createLegalHold: {
    method: 'POST',
    path: '/v1/legal-holds',
    auth: ['compliance'],
    summary: 'Place a legal hold on everything of one customer.',
    body: CreateLegalHold,
    response: LegalHold,
    status: 201,
  },
  releaseLegalHold: {
    method: 'DELETE',
    path: '/v1/legal-holds/:holdId',
    auth: ['compliance'],
    summary: 'Lift a legal hold.',
    response: LegalHold,
  },
  auditLog: {
    method: 'GET',
    path: '/v1/audit',
    auth: ['compliance'],
    summary: 'The audit log, newest first.',
    query: AuditQuery,
    response: AuditLog,
  },
  exportCustomer: {
    method: 'GET',
    path: '/v1/customers/:customerId/export',
    auth: ['compliance'],
    summary: 'Everything held about one customer (GDPR Art. 15).',
    response: CustomerExport,
  },
  eraseCustomer: {
    method: 'DELETE',
    path: '/v1/customers/:customerId',
    auth: ['compliance'],
    summary: 'Erase one customer (GDPR Art. 17), unless under legal hold.',
    response: ErasureReceipt,
  },
  denyAgent: {
    method: 'POST',
    path: '/v1/agents/:agentId/deny',
    auth: ['supervisor', 'service'],
    summary:
      'Withdraw an agent’s access at once: their consoles are disconnected on every node. Supervisors only for agents of their own teams.',
    body: Empty,
    response: AccessWithdrawn,
  },
  consoleConfig: {
    method: 'GET',
    path: '/v1/console/config',
    auth: ['public'],
    summary: 'What the agent console needs before sign-in: how to sign in, teams, SLA targets.',
    response: ConsoleConfig,
  },
  demoAgentToken: {
    method: 'POST',
    path: '/v1/demo/agent-token',
    auth: ['public'],
    summary: 'Demo mode only: a demo agent’s token for the console. 404 otherwise.',
    body: DemoAgentTokenRequest,
    response: DemoAgentToken,
    status: 201,
  },
  demoSignIn: {
    method: 'POST',
    path: '/v1/demo/sign-in',
    auth: ['public'],
    summary: 'Demo mode only: an identity token for a demo customer. 404 otherwise.',
    body: DemoSignIn,
    response: DemoIdentity,
    status: 201,
  },
} as const satisfies Record<string, RouteSpec>;

/** The name of a REST route. */
export type RouteName = keyof typeof restRoutes;
