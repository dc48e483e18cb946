import { useState } from 'preact/hooks';
import { useApp } from '../AppContext.js';
import { LazyEndChatConfirm } from './lazyScreens.js';

/**
 * The panel's title, who the customer is talking to, a small menu (call back, end chat) and the
 * minimise button in launcher mode.
 *
 * @example
 * <Header />
 */
export function Header() {
  const { state, t, inline, close, show } = useApp();
  const [menu, setMenu] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const status = state.conversation?.status;
  const agent = status?.state === 'active' || status?.state === 'waiting' ? status.agent : null;
  const canEnd = state.conversation !== null && status?.state !== 'closed';
  const signedIn = state.auth === 'signedIn';
  return (
    <header class="head">
      <div class="title">
        <h2 id="pw-title" tabIndex={-1}>
          {t('panelTitle')}
        </h2>
        {agent === null ? null : <p>{t('talkingTo', { name: agent.name })}</p>}
      </div>
      {signedIn ? (
        <button
          type="button"
          class="icon"
          aria-expanded={menu}
          aria-controls="pw-menu"
          aria-label={t('menu')}
          onClick={() => setMenu(!menu)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      ) : null}
      {inline ? null : (
        <button type="button" class="icon" aria-label={t('minimise')} onClick={close}>
          <span aria-hidden="true">—</span>
        </button>
      )}
      {menu ? (
        <ul class="menu" id="pw-menu">
          <li>
            <button
              type="button"
              onClick={() => {
                setMenu(false);
                show('callback');
              }}
            >
              {t('cbTitle')}
            </button>
          </li>
          {canEnd ? (
            <li>
              <button
                type="button"
                onClick={() => {
                  setMenu(false);
                  setConfirming(true);
                }}
              >
                {t('endChat')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {confirming ? <LazyEndChatConfirm onDone={() => setConfirming(false)} /> : null}
    </header>
  );
}
