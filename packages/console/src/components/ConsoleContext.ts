import type { ConsoleConfig } from '@parley/protocol';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Alerts } from '../alerts/createAlerts';
import type { LoadedCannedTexts } from '../canned/loadCannedTexts';
import type { ConsoleActions } from '../connection/ConsoleActions';
import type { AgentIdentity } from '../session/decodeAgentClaims';
import type { ConsoleState } from '../state/ConsoleState';
import type { Store } from '../state/createStore';

/** What every component of a signed-in console can reach. */
export interface ConsoleEnv {
  store: Store<ConsoleState>;
  actions: ConsoleActions;
  me: AgentIdentity;
  config: ConsoleConfig;
  canned: LoadedCannedTexts;
  alerts: Alerts | null;
  /** The agent's current token, for REST calls (it changes on refresh). */
  token(): string;
}

export const ConsoleContext = createContext<ConsoleEnv | null>(null);

/**
 * The signed-in console's environment.
 *
 * @example
 * const { store, actions, me } = useConsole();
 */
export function useConsole(): ConsoleEnv {
  const env = useContext(ConsoleContext);
  if (env === null) throw new Error('useConsole() must be used inside <ConsoleContext.Provider>.');
  return env;
}
