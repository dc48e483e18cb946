import type { agentRequests } from '../events/agent.js';
import type { customerRequests } from '../events/customer.js';
import type { PayloadOf } from '../events/define.js';
import type { restRoutes } from '../rest/routes.js';

/**
 * One valid payload for every event a client may emit and every REST body and query, as seeds for
 * the hostile-input harness. A test fails when an event or route has no sample, so nothing new
 * ships without its hostile cases.
 */

const conversationId = 'cv_3q2YpX0b1nVf8kLmT9wR4A';
const handoffId = 'ho_Z8x1Qw2Er3Ty4Ui5Op6As7';
const callbackId = 'cb_Lk9Jh8Gf7Ds6Ap5Oi4Uy3T';
const code = 'Yb3kQ9zR2mX8pL4wT7vN1c';
const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJl';
const window = {
  from: '2026-11-23T15:00:00.000Z',
  to: '2026-11-23T17:00:00.000Z',
  timeZone: 'Europe/Moscow',
};
const thread = [
  {
    author: 'Anna K',
    handle: '@anna_k',
    text: 'списали деньги дважды за одну покупку!',
    postedAt: '2026-11-22T20:10:00.000Z',
    url: 'https://x.com/anna_k/status/1859999999999999999',
  },
  {
    author: 'Bank',
    handle: '@bank',
    text: 'Anna, sorry about this. Let us sort it out privately.',
    postedAt: '2026-11-22T20:14:00.000Z',
    fromBank: true,
  },
];

/** A valid payload for each customer event. */
export const customerSamples: {
  [K in keyof typeof customerRequests]: PayloadOf<typeof customerRequests, K>;
} = {
  'handoff:preview': { code },
  'handoff:claim': { code },
  'conversation:start': { team: 'social-care', locale: 'ru' },
  'conversation:resume': { conversationId, afterSeq: 3 },
  'conversation:end': { conversationId },
  'message:send': {
    conversationId,
    clientMsgId: 'c1b2c3d4-e5f6-4711-8899-aabbccddeeff',
    text: 'Здравствуйте!',
  },
  typing: { conversationId, typing: true },
  'message:read': { conversationId, seq: 4 },
  'callback:request': { conversationId, phone: '+79161234567', window, note: 'After work, please' },
  'callback:cancel': { callbackId },
  'callback:list': { state: 'requested' },
  'survey:submit': { conversationId, score: 9, comment: 'Quick and kind.' },
  'session:refresh': { token },
};

/** A valid payload for each agent event. */
export const agentSamples: {
  [K in keyof typeof agentRequests]: PayloadOf<typeof agentRequests, K>;
} = {
  'handoff:create': {
    channel: 'x',
    thread,
    customerHandle: '@anna_k',
    locale: 'ru',
    note: 'Double charge',
  },
  'handoff:list': { state: 'pending' },
  'handoff:get': { handoffId },
  'handoff:pick': { handoffId },
  'handoff:revoke': { handoffId },
  'conversation:list': { scope: 'mine' },
  'conversation:join': { conversationId, afterSeq: 0 },
  'message:send': { conversationId, clientMsgId: 'agent-msg-0001', text: 'Hello Anna, Olga here.' },
  typing: { conversationId, typing: false },
  'message:read': { conversationId, seq: 2 },
  'conversation:transfer': {
    conversationId,
    to: { kind: 'agent', agentId: 'bob' },
    note: 'Card team',
  },
  'conversation:close': { conversationId },
  'note:add': { conversationId, clientMsgId: 'agent-note-0001', text: 'Customer verified.' },
  'customer:history': { customerId: 'cust-1001' },
  'callback:list': { state: 'requested' },
  'callback:request': { conversationId, window, note: 'Card specialist to call' },
  'callback:update': { callbackId, state: 'scheduled', scheduledFor: '2026-11-23T15:30:00.000Z' },
  'agent:list': {},
  'presence:set': { status: 'online' },
  'session:refresh': { token },
};

type RoutesWith<TPart extends 'body' | 'query'> = {
  [K in keyof typeof restRoutes]: (typeof restRoutes)[K] extends Record<TPart, unknown> ? K : never;
}[keyof typeof restRoutes];

/** A valid body for each REST route that takes one. */
export const restBodySamples: Record<RoutesWith<'body'>, unknown> = {
  createHandoff: { channel: 'facebook', thread, customerHandle: 'Anna K', team: 'social-care' },
  previewHandoff: { code },
  createCustomerSession: {},
  createAnonymousSession: {},
  createLegalHold: { customerId: 'cust-1001', reason: 'Complaint 2026-118 under review' },
  denyAgent: {},
  demoAgentToken: { agentId: 'alice' },
  demoSignIn: { name: 'Anna Kuznetsova' },
};

/** A valid query for each REST route that takes one (query values are strings). */
export const restQuerySamples: Record<RoutesWith<'query'>, unknown> = {
  listCallbacks: { state: 'requested', team: 'social-care' },
  searchConversations: { customerId: 'cust-1001', channel: 'x' },
  getTranscript: { format: 'json' },
  npsReport: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' },
  auditLog: { limit: '50' },
};
