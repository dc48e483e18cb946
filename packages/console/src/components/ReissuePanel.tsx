import {
  type AgentConversation,
  type Locale,
  resolveLocale,
  SUPPORTED_LOCALES,
} from '@parley/protocol';
import { useState } from 'preact/hooks';
import { LOCALE_NAMES } from '../text/localeNames';
import { useConsole } from './ConsoleContext';
import type { Reissued } from './ReissueResult';

/**
 * The way out when the wrong person claimed a handoff: withdraw the link if it is still pending,
 * end this chat, and create a new link for the same public thread to send by direct message.
 *
 * @example
 * <ReissuePanel conversation={c} onCancel={cancel} onDone={showNewLink} />
 */
export function ReissuePanel(props: {
  conversation: AgentConversation;
  onCancel: () => void;
  onDone: (reissued: Reissued) => void;
}) {
  const { actions } = useConsole();
  const c = props.conversation;
  const [locale, setLocale] = useState<Locale>(resolveLocale(c.customer.locale));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reissue = async () => {
    setBusy(true);
    setError(null);
    if (c.handoffId !== null) {
      // Usually already claimed (and so no longer revocable); a pending one is withdrawn.
      await actions.revokeHandoff(c.handoffId);
    }
    const created = await actions.createHandoff({
      channel: c.channel,
      thread: c.publicThread,
      customerHandle: c.customer.socialHandle ?? c.publicThread[0]?.handle ?? 'unknown',
      locale,
      note: `Re-issued: the earlier link was claimed by ${c.customer.name} (${c.customer.id}).`,
    });
    if (!created.ok) {
      setBusy(false);
      setError(created.error.message);
      return;
    }
    const closed = await actions.close(c.id);
    setBusy(false);
    if (!closed.ok) setError(`The new link is ready, but closing failed: ${closed.error.message}`);
    props.onDone({ url: created.data.url, locale, handle: c.customer.socialHandle });
  };

  return (
    <fieldset class="plain reissue">
      <legend class="visually-hidden">Re-issue the handoff</legend>
      <p class="small">
        This ends the chat with <strong>{c.customer.name}</strong> and creates a new link for{' '}
        <strong>{c.customer.socialHandle ?? 'the public poster'}</strong>.
      </p>
      <label for="reissue-locale" class="small">
        Language of the direct message
      </label>
      <select
        id="reissue-locale"
        value={locale}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
      >
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
      <p class="row-actions">
        <button
          type="button"
          class="button small danger"
          disabled={busy}
          onClick={() => void reissue()}
        >
          End chat and issue a new link
        </button>
        <button type="button" class="button small ghost" onClick={props.onCancel}>
          Cancel
        </button>
      </p>
    </fieldset>
  );
}
