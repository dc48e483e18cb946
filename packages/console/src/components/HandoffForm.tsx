import {
  type Channel,
  CreateHandoff,
  type HandoffCreated,
  type Locale,
  SUPPORTED_LOCALES,
  validate,
} from '@parley/protocol';
import { useState } from 'preact/hooks';
import { useStore } from '../state/useStore';
import { fromLocalInput, toLocalInput } from '../text/localDateTime';
import { LOCALE_NAMES } from '../text/localeNames';
import { useConsole } from './ConsoleContext';
import { HandoffResult } from './HandoffResult';
import { type PostDraft, PostFields } from './PostFields';
import { SocialToolHandoffs, waitsFor } from './SocialToolHandoffs';

const emptyPost = (handle: string): PostDraft => ({
  author: '',
  handle,
  text: '',
  postedAt: toLocalInput(new Date()),
  url: '',
  fromBank: false,
});

/** `validate()`'s lead-in, `Invalid request. thread.0.url: `, which the form words itself. */
const VALIDATION_PREFIX_REGEX = /^Invalid request\. (?:\S+: )?/;

/** `thread.0.url` → `Public post 1, url`: the form's words for a validation path. */
function fieldName(path: string | undefined): string {
  if (path === undefined || path === '') return '';
  const [first, index, field] = path.split('.');
  if (first === 'thread' && index !== undefined)
    return `Public post ${Number(index) + 1}${field ? `, ${field}` : ''}: `;
  return `${path}: `;
}

/**
 * Creates a handoff link for a public thread: the agent pastes one or several posts (author,
 * handle, text, time, link) or picks one the bank's social tool sent. The answer is the link and
 * a suggested public reply in the customer's language, to copy, with X's character count.
 *
 * @example
 * <HandoffForm />
 */
export function HandoffForm() {
  const { actions, store, me } = useConsole();
  const [tab, setTab] = useState<'paste' | 'tool'>('paste');
  const [channel, setChannel] = useState<Channel>('x');
  const [customerHandle, setCustomerHandle] = useState('');
  const [locale, setLocale] = useState<Locale>('en');
  const [note, setNote] = useState('');
  const [posts, setPosts] = useState<PostDraft[]>([emptyPost('')]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ result: HandoffCreated; channel: Channel } | null>(null);
  const handoffs = useStore(store, (st) => st.handoffs);
  const pending = Object.values(handoffs).filter((h) => waitsFor(me, h)).length;
  // A handoff opened from the inbox shows on the pending tab.
  const openId = useStore(store, (st) => st.openHandoffId);
  const showing = openId !== null ? 'tool' : tab;

  const submit = async (event: Event) => {
    event.preventDefault();
    const thread = posts.map((post) => ({
      author: post.author.trim(),
      handle: post.handle.trim() || customerHandle.trim(),
      text: post.text.trim(),
      postedAt: fromLocalInput(post.postedAt) ?? '',
      ...(post.url.trim() === '' ? {} : { url: post.url.trim() }),
      ...(post.fromBank ? { fromBank: true } : {}),
    }));
    const input = {
      channel,
      thread,
      customerHandle: customerHandle.trim(),
      locale,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    };
    // The protocol allows an empty post text (a photo-only post); a handoff needs words to show.
    const blank = thread.findIndex(
      (post) => post.text === '' || post.author === '' || post.handle === '',
    );
    if (customerHandle.trim() === '') {
      setError('Enter the customer’s handle, e.g. @anna_k.');
      return;
    }
    if (blank !== -1) {
      setError(
        `Public post ${blank + 1}: fill in the author, the handle and the text of the post.`,
      );
      return;
    }
    const checked = validate(CreateHandoff, input);
    if (!checked.ok) {
      setError(
        `${fieldName(checked.error.path)}${checked.error.message.replace(VALIDATION_PREFIX_REGEX, '')}`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    const ack = await actions.createHandoff(checked.value);
    setBusy(false);
    if (ack.ok) setCreated({ result: ack.data, channel });
    else setError(`${fieldName(ack.error.path)}${ack.error.message}`);
  };

  const reset = () => {
    setCreated(null);
    setPosts([emptyPost('')]);
    setCustomerHandle('');
    setNote('');
  };

  return (
    <section class="panel handoff" aria-labelledby="handoff-title">
      <h1 id="handoff-title">New handoff</h1>
      <fieldset class="segmented">
        <legend class="visually-hidden">Where the public thread comes from</legend>
        <button
          type="button"
          class="tab"
          aria-pressed={showing === 'paste'}
          onClick={() => {
            setTab('paste');
            actions.openHandoff(null);
          }}
        >
          Paste the public thread
        </button>
        <button
          type="button"
          class="tab"
          aria-pressed={showing === 'tool'}
          onClick={() => {
            setTab('tool');
            actions.openHandoff(null);
          }}
        >
          Pending handoffs ({pending})
        </button>
      </fieldset>
      {showing === 'tool' ? (
        <SocialToolHandoffs />
      ) : created !== null ? (
        <HandoffResult created={created.result} channel={created.channel} onAnother={reset} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div class="field-row">
            <div class="field">
              <label for="handoff-channel">Channel</label>
              <select
                id="handoff-channel"
                value={channel}
                onChange={(e) => setChannel(e.currentTarget.value as Channel)}
              >
                <option value="x">X</option>
                <option value="facebook">Facebook</option>
                <option value="other">Other</option>
              </select>
            </div>
            <div class="field">
              <label for="handoff-handle">Customer’s handle</label>
              <input
                id="handoff-handle"
                value={customerHandle}
                placeholder="@anna_k"
                required
                onInput={(e) => {
                  const handle = e.currentTarget.value;
                  // The first post is usually the customer's: keep its handle in step until edited.
                  setPosts((all) =>
                    all.map((p, i) =>
                      i === 0 && (p.handle === '' || p.handle === customerHandle)
                        ? { ...p, handle }
                        : p,
                    ),
                  );
                  setCustomerHandle(handle);
                }}
              />
            </div>
            <div class="field">
              <label for="handoff-locale">Customer’s language</label>
              <select
                id="handoff-locale"
                value={locale}
                onChange={(e) => setLocale(e.currentTarget.value as Locale)}
              >
                {SUPPORTED_LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {posts.map((post, index) => (
            <PostFields
              key={index}
              index={index}
              post={post}
              channel={channel}
              onChange={(next) => setPosts((all) => all.map((p, i) => (i === index ? next : p)))}
              onRemove={
                posts.length > 1 ? () => setPosts((all) => all.filter((_, i) => i !== index)) : null
              }
            />
          ))}
          <button
            type="button"
            class="button small"
            onClick={() => setPosts((all) => [...all, emptyPost(customerHandle)])}
          >
            Add another post
          </button>
          <div class="field">
            <label for="handoff-note">Note for whoever answers (internal, optional)</label>
            <textarea
              id="handoff-note"
              rows={2}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          {error !== null && (
            <p class="callout error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create handoff link'}
          </button>
        </form>
      )}
    </section>
  );
}
