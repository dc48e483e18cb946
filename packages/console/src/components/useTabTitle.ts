import { useEffect } from 'preact/hooks';
import type { AgentIdentity } from '../session/decodeAgentClaims';
import type { ConsoleState } from '../state/ConsoleState';
import type { Store } from '../state/createStore';

/**
 * What needs the agent, counted for the tab title: conversations waiting for their first reply,
 * unread customer messages, and conversations in the team queue.
 *
 * @example
 * attentionCounts(store.get(), 'olga'); // { waiting: 1, unread: 2, queued: 0 }
 */
export function attentionCounts(state: ConsoleState, agentId: string) {
  let waiting = 0;
  let queued = 0;
  for (const c of Object.values(state.conversations)) {
    if (c.status.state === 'waiting' && c.status.agent.id === agentId) waiting += 1;
    if (c.status.state === 'queued') queued += 1;
  }
  const unread = Object.values(state.unread).reduce((sum, n) => sum + n, 0);
  return { waiting, unread, queued };
}

/**
 * Keeps the tab title telling the agent what waits, e.g. `(3) Parley — Olga`, so a glance at
 * the tab bar is enough while the console is in the background.
 *
 * @example
 * useTabTitle(store, me);
 */
export function useTabTitle(store: Store<ConsoleState>, me: AgentIdentity): void {
  useEffect(() => {
    const update = (state: ConsoleState) => {
      const { waiting, unread, queued } = attentionCounts(state, me.id);
      const total = waiting + unread + queued;
      const offline = state.connection === 'reconnecting' ? '⚠ Offline · ' : '';
      document.title = `${offline}${total > 0 ? `(${total}) ` : ''}Parley — ${me.name}`;
    };
    update(store.get());
    const stop = store.subscribe(update);
    return () => {
      stop();
      document.title = 'Parley console';
    };
  }, [store, me]);
}
