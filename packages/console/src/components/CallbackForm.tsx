import { type AgentConversation, NOTE_MAX } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { toLocalInput } from '../text/localDateTime';
import { zonedTimeToUtc } from '../text/zonedTimeToUtc';
import { useConsole } from './ConsoleContext';

/** Zones the customers of a Polish, Russian, Bulgarian or Dutch bank live in, offered first. */
const COMMON_ZONES = [
  'Europe/Moscow',
  'Europe/Warsaw',
  'Europe/Sofia',
  'Europe/Amsterdam',
  'Europe/London',
];

/**
 * Requests a call-back on the customer's behalf: the window in the customer's time zone ("18:00–
 * 20:00 Moscow time"), the verified phone number unless another is given, and a note.
 *
 * @example
 * <CallbackForm conversation={c} onDone={closePanel} />
 */
export function CallbackForm(props: { conversation: AgentConversation; onDone: () => void }) {
  const { actions } = useConsole();
  const c = props.conversation;
  const [phone, setPhone] = useState('');
  const [date, setDate] = useState(() => toLocalInput(new Date()).slice(0, 10));
  const [from, setFrom] = useState('18:00');
  const [to, setTo] = useState('20:00');
  const [zone, setZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const start = zonedTimeToUtc(date, from, zone);
    const end = zonedTimeToUtc(date, to, zone);
    if (start === null || end === null) {
      setError('Check the date, the times and the time zone (e.g. Europe/Moscow).');
      return;
    }
    if (!c.customer.hasPhone && phone.trim() === '') {
      setError(
        'The bank has no phone number for this customer: ask them for one and enter it as +48601234567.',
      );
      return;
    }
    const ack = await actions.requestCallback({
      conversationId: c.id,
      window: { from: start, to: end, timeZone: zone },
      ...(phone.trim() === '' ? {} : { phone: phone.trim() }),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
    if (ack.ok) props.onDone();
    else setError(ack.error.message);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Request a call-back">
      <div class="field-row">
        <div class="field">
          <label for="callback-phone">
            Phone{c.customer.hasPhone ? ' (empty: the verified number)' : ''}
          </label>
          <input
            id="callback-phone"
            type="tel"
            value={phone}
            placeholder="+48601234567"
            onInput={(e) => setPhone(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="callback-zone">Customer’s time zone</label>
          <input
            id="callback-zone"
            list="callback-zones"
            value={zone}
            onInput={(e) => setZone(e.currentTarget.value)}
          />
          <datalist id="callback-zones">
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="callback-date">Day</label>
          <input
            id="callback-date"
            type="date"
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="callback-from">From</label>
          <input
            id="callback-from"
            type="time"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="callback-to">To</label>
          <input
            id="callback-to"
            type="time"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </div>
      </div>
      <div class="field">
        <label for="callback-note">Note for the caller (internal)</label>
        <textarea
          id="callback-note"
          rows={2}
          maxLength={NOTE_MAX}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      {error !== null && (
        <p class="callout error" role="alert">
          {error}
        </p>
      )}
      <p class="row-actions">
        <button type="submit" class="button primary small">
          Request call-back
        </button>
        <button type="button" class="button small ghost" onClick={props.onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}
