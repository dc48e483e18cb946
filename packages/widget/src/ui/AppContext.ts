import type { Locale } from '@parley/protocol';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/createT.js';
import type { Format } from '../i18n/format.js';
import type { ChatState } from './session/ChatState.js';
import type { ChatSession } from './session/createChatSession.js';

/** The actions a screen may call: the session's, without its plumbing. */
export type ChatActions = Omit<ChatSession, 'getState' | 'subscribe' | 'start' | 'destroy'>;

/** What every screen reads: the state, the actions, the words and the formats. */
export interface AppValue {
  state: ChatState;
  chat: ChatActions;
  t: Translate;
  f: Format;
  locale: Locale;
  /** Inline on a page (no launcher, cannot be minimised). */
  inline: boolean;
  /** Inside the X, Facebook or Instagram in-app browser. */
  inApp: boolean;
  /** The server's public origin, for the "Open in your browser" link. */
  server: string;
  demoSignIn: boolean;
  canSignIn: boolean;
  /** Shows a screen: the chat (null) or the call-back form. */
  show(view: 'callback' | null): void;
  close(): void;
}

export const AppContext = createContext<AppValue | null>(null);

/**
 * The app's context; every screen is rendered inside `<AppContext.Provider>`.
 *
 * @example
 * const { state, t } = useApp();
 */
export function useApp(): AppValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}
