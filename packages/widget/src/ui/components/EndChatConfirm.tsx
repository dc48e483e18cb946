import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../AppContext.js';
import { adoptLazyStyles } from '../lazyStyles.js';

// Travels with this chunk (see lazyStyles.ts).
adoptLazyStyles(
  '.confirm{position:absolute;top:100%;left:0;right:0;z-index:3;padding:12px 16px;background:var(--bg);color:var(--fg);border-bottom:1px solid var(--ln)}',
);

/**
 * "End this chat?" — asked once, since ending cannot be undone.
 *
 * @example
 * <EndChatConfirm onDone={() => setConfirming(false)} />
 */
export function EndChatConfirm({ onDone }: { onDone: () => void }) {
  const { chat, t } = useApp();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="pw-end-q">
      <p id="pw-end-q">{t('endChatConfirm')}</p>
      <div class="row">
        <button
          type="button"
          class="btn danger"
          ref={first}
          onClick={() => {
            onDone();
            void chat.endChat();
          }}
        >
          {t('endChat')}
        </button>
        <button type="button" class="btn secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
