import type { ConsoleConfig } from '@parley/protocol';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createAlerts } from '../alerts/createAlerts';
import { mintDemoAgentToken } from '../api/consoleApi';
import { defaultCannedTexts } from '../canned/defaultCannedTexts';
import { type LoadedCannedTexts, loadCannedTexts } from '../canned/loadCannedTexts';
import { createConsoleClient } from '../connection/createConsoleClient';
import { onRelayedToken } from '../session/authChannel';
import { type AgentIdentity, decodeAgentClaims } from '../session/decodeAgentClaims';
import { tokenStorage } from '../session/tokenStorage';
import { initialConsoleState } from '../state/ConsoleState';
import { createStore } from '../state/createStore';
import { useStore } from '../state/useStore';
import { ConsoleContext, type ConsoleEnv } from './ConsoleContext';
import { ConsoleShell } from './ConsoleShell';
import { useTabTitle } from './useTabTitle';

/**
 * A signed-in console: one connection, one store, the alerts, the canned texts; renews the
 * session before it expires (demo: a fresh demo token; production: the agent signs in again in
 * a small window, and the console keeps running meanwhile).
 *
 * @example
 * <ConsoleRoot config={config} token={token} me={me} onSignedOut={showSignIn} />
 */
export function ConsoleRoot(props: {
  config: ConsoleConfig;
  token: string;
  me: AgentIdentity;
  onSignedOut: (reason: string) => void;
}) {
  const tokenRef = useRef(props.token);
  const [canned, setCanned] = useState<LoadedCannedTexts>({
    texts: defaultCannedTexts,
    warning: null,
  });
  const { env, client } = useMemo(() => {
    const store = createStore(initialConsoleState);
    const alerts = createAlerts();
    const client = createConsoleClient({
      token: props.token,
      me: props.me,
      store,
      alerts,
      slaMinutes: props.config.slaMinutes,
    });
    const env: ConsoleEnv = {
      store,
      actions: client,
      me: props.me,
      config: props.config,
      canned: { texts: defaultCannedTexts, warning: null },
      alerts,
      token: () => tokenRef.current,
    };
    return { env, client };
    // One connection per sign-in (props.token); the canned texts are patched in below.
  }, [props.token]);
  const live = useMemo(() => ({ ...env, canned }), [env, canned]);

  useEffect(() => () => client.disconnect(), [client]);
  useEffect(() => {
    void loadCannedTexts(import.meta.env.BASE_URL).then(setCanned);
  }, []);

  const connection = useStore(env.store, (s) => s.connection);
  const signedOutReason = useStore(env.store, (s) => s.signedOutReason);
  useEffect(() => {
    if (connection === 'signed-out') props.onSignedOut(signedOutReason ?? 'Sign in again.');
  }, [connection, signedOutReason, props.onSignedOut]);

  const refresh = async (token: string) => {
    const claims = decodeAgentClaims(token);
    if (claims?.id !== props.me.id) {
      env.store.set({
        notice: {
          tone: 'error',
          text: `That sign-in was for ${claims?.name ?? 'someone else'}. Sign in again as ${props.me.name}.`,
        },
      });
      return;
    }
    const ack = await env.actions.refreshSession(token);
    if (ack.ok) {
      tokenRef.current = token;
      tokenStorage.save(token);
    } else {
      env.store.set({ notice: { tone: 'error', text: ack.error.message } });
    }
  };
  useEffect(() => onRelayedToken((token) => void refresh(token)), [env]);

  // Demo tokens are re-minted without asking: there is no real sign-in to repeat.
  const expiring = useStore(env.store, (s) => s.sessionExpiring);
  useEffect(() => {
    if (expiring === null || !props.config.demo) return;
    void mintDemoAgentToken(props.me.id).then((minted) => {
      if (minted.ok) void refresh(minted.data.token);
    });
  }, [expiring]);

  useTabTitle(env.store, props.me);

  return (
    <ConsoleContext.Provider value={live}>
      <ConsoleShell
        onSignOut={() => props.onSignedOut('You signed out. Sign in to start a new shift.')}
      />
    </ConsoleContext.Provider>
  );
}
