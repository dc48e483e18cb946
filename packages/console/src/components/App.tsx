import type { ConsoleConfig } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { fetchConsoleConfig } from '../api/consoleApi';
import { RELAY_PARAM, relayToken } from '../session/authChannel';
import { type AgentIdentity, decodeAgentClaims } from '../session/decodeAgentClaims';
import { takeTokenFromFragment } from '../session/takeTokenFromFragment';
import { tokenStorage } from '../session/tokenStorage';
import { ConsoleRoot } from './ConsoleRoot';
import { SignIn } from './SignIn';

type Phase =
  | { phase: 'loading' }
  | { phase: 'config-error'; message: string }
  | { phase: 'relayed' }
  | { phase: 'signed-out'; config: ConsoleConfig; reason: string | null }
  | { phase: 'signed-in'; config: ConsoleConfig; token: string; me: AgentIdentity };

function signedIn(config: ConsoleConfig, token: string): Phase {
  const me = decodeAgentClaims(token);
  if (me === null) {
    tokenStorage.clear();
    return {
      phase: 'signed-out',
      config,
      reason: 'The sign-in returned a token this console cannot read. Sign in again.',
    };
  }
  tokenStorage.save(token);
  return { phase: 'signed-in', config, token, me };
}

/**
 * The console: loads the public configuration, takes the agent's token from the address bar
 * (where the identity provider returned it) or from this tab's storage, and shows the sign-in or
 * the signed-in console.
 *
 * @example
 * render(<App />, document.getElementById('app'));
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ phase: 'loading' });

  useEffect(() => {
    // Taken out of the address bar before anything else runs, whatever happens next.
    const returned = takeTokenFromFragment(window.location, window.history);
    if (returned !== null && new URLSearchParams(window.location.search).has(RELAY_PARAM)) {
      relayToken(returned);
      setPhase({ phase: 'relayed' });
      window.close();
      return;
    }
    void fetchConsoleConfig().then((result) => {
      if (!result.ok) {
        setPhase({ phase: 'config-error', message: result.error.message });
        return;
      }
      const token = returned ?? tokenStorage.load();
      setPhase(
        token === null
          ? { phase: 'signed-out', config: result.data, reason: null }
          : signedIn(result.data, token),
      );
    });
  }, []);

  switch (phase.phase) {
    case 'loading':
      return (
        <main class="splash">
          <p role="status">Loading the console…</p>
        </main>
      );
    case 'config-error':
      return (
        <main class="splash">
          <h1>The console could not start</h1>
          <p role="alert">{phase.message}</p>
          <button type="button" class="button primary" onClick={() => window.location.reload()}>
            Try again
          </button>
        </main>
      );
    case 'relayed':
      return (
        <main class="splash">
          <p role="status">You are signed in again. You can close this window.</p>
        </main>
      );
    case 'signed-out':
      return (
        <SignIn
          config={phase.config}
          reason={phase.reason}
          onToken={(token) => setPhase(signedIn(phase.config, token))}
        />
      );
    case 'signed-in':
      return (
        <ConsoleRoot
          config={phase.config}
          token={phase.token}
          me={phase.me}
          onSignedOut={(reason) => {
            tokenStorage.clear();
            setPhase({ phase: 'signed-out', config: phase.config, reason });
          }}
        />
      );
  }
}
