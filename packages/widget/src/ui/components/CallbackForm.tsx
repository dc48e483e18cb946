import { E164_REGEX, NOTE_MAX } from '@parley/protocol';
import { redact } from '@parley/protocol/redact';
import { useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../i18n/Catalog.js';
import { useApp } from '../AppContext.js';
import { callingCode, normalisePhone, PHONE_EXAMPLES } from '../phoneDefaults.js';

/** Half-hour slots of a day, as minutes after midnight. */
const SLOTS = Array.from({ length: 48 }, (_, i) => i * 30);
const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

type Field = 'phone' | 'window' | 'note';

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of `minutes` after local midnight, `day` days from today, in the device's zone. */
function instant(day: number, minutes: number, now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, 0, minutes);
}

/**
 * The call-back form: the phone (prefilled from the bank's token, or the country code from the
 * locale), a window in the customer's own time zone, and an optional note. Errors appear beside
 * their field and focus moves to the first one.
 *
 * @example
 * <CallbackForm />
 */
export function CallbackForm() {
  const { state, chat, t, f, locale } = useApp();
  const now = new Date();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The next half hour with an hour after it today; late in the evening, tomorrow at 10:00.
  const soonest = Math.ceil((now.getHours() * 60 + now.getMinutes() + 30) / 30) * 30;
  const late = soonest + 60 > 22 * 60;
  const [phone, setPhone] = useState(state.phone ?? `${callingCode(navigator.language, locale)} `);
  const [day, setDay] = useState(late ? 1 : 0);
  const [from, setFrom] = useState(late ? 600 : soonest);
  const [to, setTo] = useState(late ? 720 : soonest + 60);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const example = PHONE_EXAMPLES[locale];

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!E164_REGEX.test(normalisePhone(phone))) found.phone = t('cbPhoneInvalid', { example });
    if (to <= from) found.window = t('cbWindowInvalid');
    else if (instant(day, to, now).getTime() <= Date.now()) found.window = t('cbWindowPast');
    if (note.length > NOTE_MAX) found.note = t('cbNoteTooLong', { n: note.length - NOTE_MAX });
    return found;
  };

  const submit = async () => {
    const found = validate();
    setErrors(found);
    const first = (['phone', 'window', 'note'] as const).find((field) => found[field]);
    if (first !== undefined) {
      form.current?.querySelector<HTMLElement>(`#pw-cb-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const start = Math.max(instant(day, from, now).getTime(), Date.now());
    const trimmed = note.trim();
    const ack = await chat.requestCallback({
      ...(state.conversation === null ? {} : { conversationId: state.conversation.id }),
      phone: normalisePhone(phone),
      window: {
        from: new Date(start).toISOString(),
        to: instant(day, to, now).toISOString(),
        timeZone: zone,
      },
      // The note is masked like any message: a number typed here never leaves the device.
      ...(trimmed === '' ? {} : { note: redact(trimmed).text }),
    });
    setBusy(false);
    if (!ack.ok) {
      const key: MessageKey = ack.error.code === 'UNAVAILABLE' ? 'errorNetwork' : 'errorGeneric';
      setErrors(
        ack.error.path?.startsWith('phone') === true
          ? { phone: t('cbPhoneInvalid', { example }) }
          : { note: t(key) },
      );
    }
  };

  const describe = (field: Field, hint?: string) =>
    [errors[field] === undefined ? '' : `pw-cb-${field}-err`, hint ?? ''].join(' ').trim() ||
    undefined;
  const error = (field: Field) =>
    errors[field] === undefined ? null : (
      <p class="err-text" id={`pw-cb-${field}-err`}>
        {errors[field]}
      </p>
    );

  return (
    <form
      ref={form}
      class="stack form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p>{t('cbIntro')}</p>
      <label for="pw-cb-phone">{t('cbPhone')}</label>
      <input
        id="pw-cb-phone"
        type="tel"
        autocomplete="tel"
        inputMode="tel"
        value={phone}
        aria-invalid={errors.phone !== undefined}
        aria-describedby={describe('phone', 'pw-cb-phone-hint')}
        onInput={(event) => setPhone(event.currentTarget.value)}
      />
      <p class="hint" id="pw-cb-phone-hint">
        {t('cbPhoneHint', { example })}
      </p>
      {error('phone')}

      <fieldset aria-describedby={describe('window', 'pw-cb-zone')}>
        <legend>{t('cbDay')}</legend>
        <select
          id="pw-cb-window"
          aria-label={t('cbDay')}
          value={day}
          onChange={(event) => setDay(Number(event.currentTarget.value))}
        >
          {DAYS.map((d) => (
            <option key={d} value={d}>
              {f.day(instant(d, 12 * 60, now).toISOString(), now)}
            </option>
          ))}
        </select>
        <div class="row">
          <label>
            {t('cbFrom')}
            <select
              value={from}
              aria-invalid={errors.window !== undefined}
              onChange={(event) => setFrom(Number(event.currentTarget.value))}
            >
              {SLOTS.map((m) => (
                <option key={m} value={m}>
                  {clock(m)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('cbTo')}
            <select
              value={to}
              aria-invalid={errors.window !== undefined}
              onChange={(event) => setTo(Number(event.currentTarget.value))}
            >
              {[...SLOTS.slice(1), 24 * 60 - 1].map((m) => (
                <option key={m} value={m}>
                  {clock(m)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="hint" id="pw-cb-zone">
          {t('cbZone', { zone })}
        </p>
        {error('window')}
      </fieldset>

      <label for="pw-cb-note">{t('cbNote')}</label>
      <textarea
        id="pw-cb-note"
        rows={3}
        value={note}
        aria-invalid={errors.note !== undefined}
        aria-describedby={describe('note')}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      {error('note')}
      <button type="submit" class="btn" disabled={busy}>
        {busy ? t('cbSubmitting') : t('cbSubmit')}
      </button>
    </form>
  );
}
