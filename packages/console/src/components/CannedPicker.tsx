import { type Locale, SUPPORTED_LOCALES } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { LOCALE_NAMES } from '../text/localeNames';
import { useConsole } from './ConsoleContext';

/**
 * Canned responses in the customer's language (another language can be picked); choosing one
 * puts its text in the composer to adjust before sending.
 *
 * @example
 * <CannedPicker locale="ru" onPick={(text) => insert(text)} />
 */
export function CannedPicker(props: { locale: Locale; onPick: (text: string) => void }) {
  const { canned } = useConsole();
  const [locale, setLocale] = useState<Locale>(props.locale);
  const responses = canned.texts.responses[locale];
  return (
    <div class="canned">
      <label class="visually-hidden" for="canned-locale">
        Language of canned responses
      </label>
      <select
        id="canned-locale"
        value={locale}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
      >
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
      <label class="visually-hidden" for="canned-response">
        Canned response ({LOCALE_NAMES[locale]})
      </label>
      <select
        id="canned-response"
        value=""
        onChange={(e) => {
          const chosen = responses[Number(e.currentTarget.value)];
          if (chosen !== undefined) props.onPick(chosen.text);
          e.currentTarget.value = '';
        }}
      >
        <option value="">Canned response…</option>
        {responses.map((r, i) => (
          <option key={r.title} value={String(i)}>
            {r.title}
          </option>
        ))}
      </select>
      {canned.warning !== null && (
        <span class="muted small" title={canned.warning}>
          (defaults in use)
        </span>
      )}
    </div>
  );
}
