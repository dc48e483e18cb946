import type { CustomerConversation } from '@parley/protocol';
import { cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, vi } from 'vitest';
import type { Catalog } from '../i18n/Catalog.js';
import { createT } from '../i18n/createT.js';
import { en } from '../i18n/en.js';
import { createFormat } from '../i18n/format.js';
import { AppContext, type AppValue, type ChatActions } from '../ui/AppContext.js';
import { type ChatState, INITIAL_STATE } from '../ui/session/ChatState.js';

// Without vitest globals, Testing Library cannot register its own clean-up.
afterEach(cleanup);

/** Every action a spy, resolving like the real ones. */
export function fakeActions(): {
  [K in keyof ChatActions]: ReturnType<typeof vi.fn>;
} & ChatActions {
  return {
    signIn: vi.fn(async () => {}),
    demoSignIn: vi.fn(async () => {}),
    claim: vi.fn(async () => {}),
    startChat: vi.fn(async () => {}),
    send: vi.fn(() => false),
    retry: vi.fn(),
    discard: vi.fn(),
    typing: vi.fn(),
    endChat: vi.fn(async () => {}),
    requestCallback: vi.fn(async () => ({ ok: true as const, data: CALLBACK })),
    cancelCallback: vi.fn(async () => {}),
    clearCallback: vi.fn(),
    submitSurvey: vi.fn(async () => true),
    skipSurvey: vi.fn(),
    setVisible: vi.fn(),
    dismissError: vi.fn(),
  } as never;
}

/** A stored call-back. */
export const CALLBACK = {
  id: 'cb_AAAAAAAAAAAAAAAAAAAAAA',
  conversationId: null,
  customerId: 'cust-anna',
  customerName: 'Anna',
  phone: '+48601234567',
  window: {
    from: '2026-11-23T16:00:00.000Z',
    to: '2026-11-23T17:00:00.000Z',
    timeZone: 'Europe/Warsaw',
  },
  note: null,
  state: 'requested' as const,
  team: 'social-care',
  agentId: null,
  requestedBy: 'customer' as const,
  scheduledFor: null,
  createdAt: '2026-11-22T21:00:00.000Z',
  updatedAt: '2026-11-22T21:00:00.000Z',
};

/** A conversation in the given status. */
export function conversation(
  status: CustomerConversation['status'],
  publicThread: CustomerConversation['publicThread'] = [],
): CustomerConversation {
  return {
    id: 'cv_AAAAAAAAAAAAAAAAAAAAAA',
    channel: 'x',
    team: 'social-care',
    teamName: 'Social care',
    handoffId: null,
    publicThread,
    createdAt: '2026-11-22T21:00:00.000Z',
    lastSeq: 0,
    status,
  };
}

/** A stored message. */
export function message(
  seq: number,
  role: 'customer' | 'agent' | 'system',
  text: string,
  createdAt = '2026-11-22T21:00:00.000Z',
): ChatState['messages'][number] {
  return {
    id: `m_${String(seq).padStart(22, 'A')}`,
    conversationId: 'cv_AAAAAAAAAAAAAAAAAAAAAA',
    seq,
    clientMsgId: null,
    kind: role === 'system' ? 'system' : 'text',
    sender: {
      role,
      id: role === 'agent' ? 'olga' : role === 'customer' ? 'cust-anna' : null,
      name: role === 'agent' ? 'Olga' : role === 'customer' ? 'Anna' : null,
    },
    text,
    createdAt,
    redactions: [],
  };
}

/**
 * Renders components inside the app's context with a state and spied actions, in English unless
 * told otherwise.
 *
 * @example
 * const { chat } = renderWithApp(<HandoffScreen />, { code: 'x'.repeat(22) });
 */
export function renderWithApp(
  ui: ComponentChildren,
  state: Partial<ChatState> = {},
  overrides: Partial<Omit<AppValue, 'state' | 'chat'>> & { catalog?: Catalog } = {},
) {
  const chat = fakeActions();
  const { catalog = en, ...rest } = overrides;
  const locale = overrides.locale ?? 'en';
  const value: AppValue = {
    state: { ...INITIAL_STATE, ...state },
    chat,
    t: createT(locale, catalog),
    f: createFormat(locale === 'en' ? 'en-GB' : locale, 'UTC'),
    locale,
    inline: false,
    inApp: false,
    server: 'https://chat.bank.example',
    demoSignIn: false,
    canSignIn: true,
    show: vi.fn(),
    close: vi.fn(),
    ...rest,
  };
  const result = render(<AppContext.Provider value={value}>{ui}</AppContext.Provider>);
  const rerender = (next: Partial<ChatState>) =>
    result.rerender(
      <AppContext.Provider value={{ ...value, state: { ...value.state, ...next } }}>
        {ui}
      </AppContext.Provider>,
    );
  return { ...result, chat, value, rerender };
}
