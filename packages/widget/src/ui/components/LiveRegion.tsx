import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../AppContext.js';

/**
 * A polite live region that announces each new message from the bank — only new ones, not the
 * history a resume brings back.
 *
 * @example
 * <LiveRegion />
 */
export function LiveRegion() {
  const { state, t } = useApp();
  const [text, setText] = useState('');
  const seen = useRef<number | null>(null);
  useEffect(() => {
    const last = state.messages[state.messages.length - 1];
    if (last === undefined) return;
    if (seen.current !== null && last.seq > seen.current && last.sender.role !== 'customer') {
      setText(t('newMessage', { name: last.sender.name ?? t('bank'), text: last.text }));
    }
    seen.current = Math.max(seen.current ?? 0, last.seq);
  }, [state.messages, t]);
  return (
    <div class="sr" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
