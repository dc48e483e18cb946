import { MESSAGE_TEXT_MAX } from '@parley/protocol';
import { useRef, useState } from 'preact/hooks';
import { useApp } from '../AppContext.js';
import { useTakeFocus } from '../useTakeFocus.js';

/**
 * The message box. Enter sends, Shift+Enter breaks the line. What is sent is masked by the
 * redaction engine first; when it hid something, an inline note says so and why.
 *
 * @example
 * <Composer />
 */
export function Composer() {
  const { chat, t } = useApp();
  const [text, setText] = useState('');
  const [redacted, setRedacted] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useTakeFocus(box);
  const over = text.length - MESSAGE_TEXT_MAX;
  const send = () => {
    if (text.trim() === '' || over > 0) return;
    setRedacted(chat.send(text));
    setText('');
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <p class="note" role="status">
        {redacted ? t('redacted') : ''}
      </p>
      {over > 0 ? (
        <p class="err-text" id="pw-too-long" role="alert">
          {t('tooLong', { n: over })}
        </p>
      ) : null}
      <div class="row">
        <label for="pw-msg" class="sr">
          {t('messageLabel')}
        </label>
        <textarea
          id="pw-msg"
          ref={box}
          rows={1}
          value={text}
          placeholder={t('placeholder')}
          aria-invalid={over > 0}
          aria-describedby={over > 0 ? 'pw-too-long' : undefined}
          enterkeyhint="send"
          onInput={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            chat.typing(value !== '');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" class="btn send" disabled={text.trim() === '' || over > 0}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}
