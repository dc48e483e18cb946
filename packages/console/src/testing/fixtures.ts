import type {
  AgentConversation,
  Callback,
  ConsoleConfig,
  HandoffSummary,
  Message,
} from '@parley/protocol';

/** A fixed "now" for component tests: 2026-11-22 21:30 UTC. */
export const NOW = Date.parse('2026-11-22T21:30:00.000Z');

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (n: number) => n * 60_000;

/** The public configuration the demo server would send. */
export const testConfig: ConsoleConfig = {
  demo: true,
  signInUrl: null,
  demoAgents: [{ id: 'olga', name: 'Olga', roles: ['agent'] }],
  teams: [
    { id: 'social-care', name: 'Social care' },
    { id: 'cards', name: 'Card specialists' },
  ],
  slaMinutes: { x: 15, facebook: 30, web: 5, other: 30 },
};

/**
 * A conversation as the server would push it; the SLA clock started `startedMinutesAgo` before
 * {@link NOW} with X's 15-minute target.
 */
export function conversation(
  id: string,
  overrides: Partial<AgentConversation> & { startedMinutesAgo?: number } = {},
): AgentConversation {
  const { startedMinutesAgo = 4, ...rest } = overrides;
  const started = NOW - minutes(startedMinutesAgo);
  return {
    id,
    channel: 'x',
    team: 'social-care',
    teamName: 'Social care',
    handoffId: 'ho_AAAAAAAAAAAAAAAAAAAAAA',
    publicThread: [
      {
        author: 'Anna K',
        handle: '@anna_k',
        text: 'списали деньги дважды, карта [card ••••5679]',
        postedAt: iso(started),
        url: 'https://x.com/anna_k/status/1',
      },
    ],
    createdAt: iso(NOW - minutes(1)),
    lastSeq: 0,
    status: {
      state: 'waiting',
      agent: { id: 'olga', name: 'Olga' },
      fallbackAt: iso(NOW + minutes(2)),
    },
    customer: {
      id: 'cust-anna',
      name: 'Anna Kuznetsova',
      socialHandle: '@anna_k',
      locale: 'ru',
      hasPhone: true,
    },
    sla: { startedAt: iso(started), deadline: iso(started + minutes(15)), firstReplyAt: null },
    lastMessageAt: null,
    ...rest,
  };
}

/** A handoff summary. */
export function handoff(id: string, overrides: Partial<HandoffSummary> = {}): HandoffSummary {
  return {
    id,
    state: 'pending',
    source: 'agent',
    channel: 'x',
    customerHandle: '@piotr_n',
    agentId: 'olga',
    team: 'social-care',
    createdAt: iso(NOW - minutes(3)),
    expiresAt: iso(NOW + minutes(60 * 24)),
    firstPostAt: iso(NOW - minutes(5)),
    claimedAt: null,
    conversationId: null,
    claimedBy: null,
    ...overrides,
  };
}

/** A stored message. */
export function message(
  conversationId: string,
  seq: number,
  overrides: Partial<Message> = {},
): Message {
  return {
    id: `m_${String(seq).padStart(22, '0')}`,
    conversationId,
    seq,
    clientMsgId: null,
    kind: 'text',
    sender: { role: 'customer', id: 'cust-anna', name: 'Anna Kuznetsova' },
    text: `message ${seq}`,
    createdAt: iso(NOW + seq * 1000),
    redactions: [],
    ...overrides,
  };
}

/** A call-back request. */
export function callback(id: string, overrides: Partial<Callback> = {}): Callback {
  return {
    id,
    conversationId: null,
    customerId: 'cust-ewa',
    customerName: 'Ewa Nowak',
    phone: '+48601234567',
    window: {
      from: '2026-11-23T17:00:00.000Z',
      to: '2026-11-23T19:00:00.000Z',
      timeZone: 'Europe/Warsaw',
    },
    note: null,
    state: 'requested',
    team: 'social-care',
    agentId: null,
    requestedBy: 'customer',
    scheduledFor: null,
    createdAt: iso(NOW),
    updatedAt: iso(NOW),
    ...overrides,
  };
}
