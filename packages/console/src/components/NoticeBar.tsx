import { useStore } from '../state/useStore';
import { useConsole } from './ConsoleContext';

/**
 * One line for what the agent should know now (a transfer went through, a colleague was quicker,
 * a request failed and what to do), until dismissed or replaced.
 *
 * @example
 * <NoticeBar />
 */
export function NoticeBar() {
  const { store, actions } = useConsole();
  const notice = useStore(store, (s) => s.notice);
  if (notice === null) return null;
  return (
    <div
      class={`notice notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <span>{notice.text}</span>
      <button type="button" class="button small ghost" onClick={actions.dismissNotice}>
        Dismiss
      </button>
    </div>
  );
}
