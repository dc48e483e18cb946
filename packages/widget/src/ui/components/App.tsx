import type { ComponentChildren } from 'preact';
import { useApp } from '../AppContext.js';
import { ChatScreen } from './ChatScreen.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { ErrorNotice } from './ErrorNotice.js';
import { HandoffScreen } from './HandoffScreen.js';
import { Header } from './Header.js';
import { Home } from './Home.js';
import { LiveRegion } from './LiveRegion.js';
import { LazyCallbackScreen, LazyLinkGone, LazySessionEnded } from './lazyScreens.js';

/**
 * The panel and the screen the state calls for: the call-back form when asked, sign-in again
 * after a lost session, a dead link's way forward, the handoff, the chat, or the start.
 *
 * @example
 * <AppContext.Provider value={value}><App view={null} open /></AppContext.Provider>
 */
export function App({ view, open }: { view: 'callback' | null; open: boolean }) {
  const { state, t, inline } = useApp();
  let screen: ComponentChildren;
  if (view === 'callback') screen = <LazyCallbackScreen />;
  else if (state.auth === 'ended') screen = <LazySessionEnded />;
  else if (state.linkError !== null) screen = <LazyLinkGone code={state.linkError} />;
  else if (state.code !== null) screen = <HandoffScreen />;
  else if (state.conversation !== null) screen = <ChatScreen />;
  else screen = <Home />;
  const chat = view === null && state.conversation !== null && state.code === null;
  const body = (
    <>
      <Header />
      <ConnectionBanner />
      <ErrorNotice />
      <div class={chat ? 'main chat' : 'main scroll'}>{screen}</div>
      <LiveRegion />
    </>
  );
  // Inline, a region of the page; as a panel, a non-modal dialog (Escape closes it: mountUi).
  return inline ? (
    <section class="p" aria-label={t('panelLabel')} hidden={!open}>
      {body}
    </section>
  ) : (
    <div class="p" role="dialog" aria-label={t('panelLabel')} hidden={!open}>
      {body}
    </div>
  );
}
