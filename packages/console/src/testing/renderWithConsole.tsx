import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { type Mock, vi } from 'vitest';
import { defaultCannedTexts } from '../canned/defaultCannedTexts';
import { ConsoleContext, type ConsoleEnv } from '../components/ConsoleContext';
import type { ConsoleActions } from '../connection/ConsoleActions';
import type { AgentIdentity } from '../session/decodeAgentClaims';
import { type ConsoleState, initialConsoleState } from '../state/ConsoleState';
import { createStore } from '../state/createStore';
import { testConfig } from './fixtures';

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

/** Actions that record their calls and answer `ok` unless a test says otherwise. */
export function fakeActions(): { [K in keyof ConsoleActions]: Mock<ConsoleActions[K]> } {
  const fn = <T extends (...args: never[]) => unknown>(impl: T): Mock<T> => vi.fn(impl);
  return {
    open: fn(() => ok(null)),
    setView: fn(() => {}),
    step: fn(() => {}),
    send: fn(() => {}),
    addNote: fn(() => {}),
    retry: fn(() => {}),
    discard: fn(() => {}),
    typing: fn(() => {}),
    createHandoff: fn(() => Promise.reject(new Error('not stubbed'))),
    revokeHandoff: fn(() => Promise.reject(new Error('not stubbed'))),
    openHandoff: fn(() => {}),
    getHandoff: fn(() => Promise.reject(new Error('not stubbed'))),
    pickHandoff: fn(() => Promise.reject(new Error('not stubbed'))),
    transfer: fn(() => Promise.reject(new Error('not stubbed'))),
    requestCallback: fn(() => Promise.reject(new Error('not stubbed'))),
    updateCallback: fn(() => Promise.reject(new Error('not stubbed'))),
    close: fn(() => Promise.reject(new Error('not stubbed'))),
    history: fn(() => ok([])),
    refreshAgents: fn(() => Promise.resolve()),
    refreshSession: fn(() => Promise.reject(new Error('not stubbed'))),
    dismissNotice: fn(() => {}),
    dismissClosed: fn(() => {}),
  };
}

export const olga: AgentIdentity = {
  id: 'olga',
  name: 'Olga',
  roles: ['agent'],
  teams: ['social-care'],
  expiresAt: null,
};

/**
 * Renders a component inside a console environment with a real store (seeded with `state`) and
 * fake actions, as the signed-in console would.
 *
 * @example
 * const { store, actions } = renderWithConsole(<Inbox />, { conversations: { … } });
 */
export function renderWithConsole(
  ui: ComponentChildren,
  state: Partial<ConsoleState> = {},
  options: { me?: AgentIdentity } = {},
) {
  const store = createStore<ConsoleState>({
    ...initialConsoleState,
    connection: 'online',
    ...state,
  });
  const actions = fakeActions();
  const env: ConsoleEnv = {
    store,
    actions,
    me: options.me ?? olga,
    config: testConfig,
    canned: { texts: defaultCannedTexts, warning: null },
    alerts: null,
    token: () => 'test-token',
  };
  const result = render(<ConsoleContext.Provider value={env}>{ui}</ConsoleContext.Provider>);
  return { ...result, store, actions, env };
}
