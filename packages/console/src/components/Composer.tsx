import {
  type AgentConversation,
  MESSAGE_TEXT_MAX,
  NOTE_MAX,
  resolveLocale,
} from '@parley/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fillPlaceholders } from '../canned/loadCannedTexts';
import { CannedPicker } from './CannedPicker';
import { useConsole } from './ConsoleContext';
import { RedactionPreview } from './RedactionPreview';

/** Send "typing" at most this often while the agent types, and "stopped" after this much quiet. */
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

/**
 * Where the agent writes: a reply to the customer or an internal note (visibly different, never
 * sent to the customer), with the redaction preview, canned responses in the customer's
 * language, and Enter to send (Shift+Enter for a new line).
 *
 * @example
 * <Composer conversation={conversation} />
 */
export function Composer(props: { conversation: AgentConversation }) {
  const { actions, me } = useConsole();
  const c = props.conversation;
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  const typingSentAt = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const max = mode === 'reply' ? MESSAGE_TEXT_MAX : NOTE_MAX;

  const stopTyping = () => {
    if (idle.current !== null) clearTimeout(idle.current);
    idle.current = null;
    if (typingSentAt.current !== 0) actions.typing(c.id, false);
    typingSentAt.current = 0;
  };
  useEffect(() => stopTyping, [c.id]);

  const onInput = (value: string) => {
    setText(value);
    if (mode !== 'reply') return;
    if (Date.now() - typingSentAt.current > TYPING_REPEAT_MS) {
      actions.typing(c.id, true);
      typingSentAt.current = Date.now();
    }
    if (idle.current !== null) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const submit = () => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.length > max) return;
    if (mode === 'reply') actions.send(c.id, trimmed);
    else actions.addNote(c.id, trimmed);
    stopTyping();
    setText('');
    input.current?.focus();
  };

  return (
    <form
      class={`composer composer--${mode}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div class="composer-bar">
        <fieldset class="segmented">
          <legend class="visually-hidden">Write</legend>
          <button
            type="button"
            class="tab"
            aria-pressed={mode === 'reply'}
            onClick={() => setMode('reply')}
          >
            Reply to {c.customer.name}
          </button>
          <button
            type="button"
            class="tab"
            aria-pressed={mode === 'note'}
            onClick={() => setMode('note')}
          >
            Internal note
          </button>
        </fieldset>
        {mode === 'reply' && (
          <CannedPicker
            locale={resolveLocale(c.customer.locale)}
            onPick={(template) => {
              const filled = fillPlaceholders(template, {
                customer: c.customer.name,
                agent: me.name,
              });
              onInput(text.trim() === '' ? filled : `${text.trimEnd()} ${filled}`);
              input.current?.focus();
            }}
          />
        )}
      </div>
      <label for="composer-text" class="visually-hidden">
        {mode === 'reply' ? `Message to ${c.customer.name}` : 'Internal note, seen by agents only'}
      </label>
      <textarea
        id="composer-text"
        ref={input}
        rows={2}
        value={text}
        placeholder={
          mode === 'reply'
            ? `Write to ${c.customer.name}…`
            : 'Internal note — the customer never sees it'
        }
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <RedactionPreview text={text} />
      <div class="composer-foot">
        <span class={text.length > max ? 'x-count over' : 'muted small'}>
          {text.length > max
            ? `${text.length - max} characters too long`
            : `${text.length} / ${max}`}
        </span>
        <button
          type="submit"
          class={mode === 'reply' ? 'button primary' : 'button note-button'}
          disabled={text.trim() === '' || text.length > max}
        >
          {mode === 'reply' ? 'Send' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
