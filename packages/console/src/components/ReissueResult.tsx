import type { Locale } from '@parley/protocol';
import { fillPlaceholders } from '../canned/loadCannedTexts';
import { LOCALE_NAMES } from '../text/localeNames';
import { useConsole } from './ConsoleContext';
import { CopyButton } from './CopyButton';

/** A re-issued handoff: the new link and the language of the direct message carrying it. */
export interface Reissued {
  url: string;
  locale: Locale;
  handle: string | null;
}

/**
 * The new link and a direct message for it in the poster's language, to send by DM — never in
 * the public thread, where the wrong person could claim it again.
 *
 * @example
 * <ReissueResult reissued={{ url, locale: 'ru', handle: '@anna_k' }} />
 */
export function ReissueResult(props: { reissued: Reissued }) {
  const { canned, actions } = useConsole();
  const { url, locale, handle } = props.reissued;
  const message = fillPlaceholders(canned.texts.reissueMessages[locale], { url });
  return (
    <div class="closing">
      <p class="callout success" role="status">
        The chat is closed and a new link is ready. Send it to {handle ?? 'the public poster'} by
        direct message, not in the public thread.
      </p>
      <label for="reissue-message">Direct message — {LOCALE_NAMES[locale]}</label>
      <textarea id="reissue-message" readOnly rows={3} lang={locale} value={message} />
      <p class="row-actions">
        <CopyButton text={message} label="Copy message" />
        <button type="button" class="button small" onClick={actions.dismissClosed}>
          Done
        </button>
      </p>
    </div>
  );
}
