import { useState } from 'preact/hooks';
import { useApp } from '../AppContext.js';

/**
 * "Open in your browser", for in-app browsers where the bank's sign-in cannot finish. No app
 * lets a page leave it, so the widget explains the app's own menu item and offers the handoff
 * link (`/h/<code>`, safe to copy: it grants nothing without sign-in) to paste elsewhere.
 *
 * @example
 * <OpenInBrowser />
 */
export function OpenInBrowser() {
  const { state, t, server } = useApp();
  const [copied, setCopied] = useState(false);
  const link = state.code === null ? location.href : `${server}/h/${state.code}`;
  const copy = () => {
    void navigator.clipboard?.writeText(link).then(() => setCopied(true));
  };
  return (
    <section class="card" aria-labelledby="pw-oib">
      <h4 id="pw-oib">{t('openInBrowser')}</h4>
      <p>{t('openInBrowserHelp')}</p>
      <p class="mono">{link}</p>
      <button type="button" class="btn secondary" onClick={copy}>
        {t('copyLink')}
      </button>
      <p role="status">{copied ? t('linkCopied') : ''}</p>
    </section>
  );
}
