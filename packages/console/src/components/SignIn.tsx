import type { ConsoleConfig } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { mintDemoAgentToken } from '../api/consoleApi';
import { signInHref } from '../session/signInHref';

/** Where the identity provider sends the agent back: this console, without query or fragment. */
export function consoleUrl(query = ''): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}${query}`;
}

/**
 * The sign-in screen. Production: one button to the bank's single sign-on, which returns with the
 * token in the fragment. Demo: pick one of the demo agents.
 *
 * @example
 * <SignIn config={config} reason={null} onToken={start} />
 */
export function SignIn(props: {
  config: ConsoleConfig;
  reason: string | null;
  onToken: (token: string) => void;
}) {
  const { config } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const pick = async (agentId: string) => {
    setBusy(agentId);
    setError(null);
    const result = await mintDemoAgentToken(agentId);
    setBusy(null);
    if (result.ok) props.onToken(result.data.token);
    else setError(result.error.message);
  };

  return (
    <main class="signin">
      <div class="signin-card">
        <h1>
          <span class="brand-mark" aria-hidden="true" /> Parley console
        </h1>
        {props.reason !== null && (
          <p class="callout error" role="alert">
            {props.reason}
          </p>
        )}
        {config.signInUrl !== null && (
          <>
            <p>Sign in with your bank account to answer customers.</p>
            <a class="button primary wide" href={signInHref(config.signInUrl, consoleUrl())}>
              Sign in with the bank’s single sign-on
            </a>
          </>
        )}
        {config.demo && (
          <section aria-labelledby="demo-agents">
            <h2 id="demo-agents">Demo: sign in as</h2>
            <ul class="demo-agents">
              {config.demoAgents.map((agent) => (
                <li key={agent.id}>
                  <button
                    type="button"
                    class="button wide"
                    disabled={busy !== null}
                    onClick={() => void pick(agent.id)}
                  >
                    <strong>{agent.name}</strong>
                    <span class="muted"> · {agent.roles.join(', ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {config.signInUrl === null && !config.demo && (
          <p class="callout error" role="alert">
            No sign-in is configured for this console. Ask your administrator to set
            PARLEY_CONSOLE_SIGN_IN_URL on the Parley server.
          </p>
        )}
        {error !== null && (
          <p class="callout error" role="alert">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
