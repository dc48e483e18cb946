import { render } from 'preact';
import { resolveLocale } from '@parley/protocol';
import { adoptStyles } from '../core/adoptStyles.js';
import { applyTheme } from '../core/applyTheme.js';
import { CODE_KEY, OPEN_KEY, writeKey } from '../core/storage.js';
import { takeFromAddress } from '../core/takeFromAddress.js';
import type { UiContext, UiHandle } from '../core/UiModule.js';
import { createT, type Translate } from '../i18n/createT.js';
import { createFormat } from '../i18n/format.js';
import { loadCatalog } from '../i18n/loadCatalog.js';
import { AppContext, type AppValue } from './AppContext.js';
import { App } from './components/App.js';
import { isInAppBrowser } from './isInAppBrowser.js';
import { setStyleRoot } from './lazyStyles.js';
import { onBrandColour } from './onBrandColour.js';
import { PANEL_CSS } from './panelCss.js';
import { createChatSession } from './session/createChatSession.js';

/**
 * The UI chunk's entry: takes over from the loader — the address fragment, the theme, the open
 * state, the launcher's badge — renders the chat into the loader's shadow root and starts the
 * session.
 *
 * @example
 * const ui = mountUi(context);
 * ui.open();
 */
export function mountUi(context: UiContext): UiHandle {
  const { shadow, options, inline, launcher, emit } = context;
  const host = shadow.host as HTMLElement;
  const tag = options.locale ?? navigator.language;
  const locale = resolveLocale(tag);
  const { code, token } = takeFromAddress();
  if (code !== null) writeKey(CODE_KEY, code);
  adoptStyles(shadow, PANEL_CSS);
  setStyleRoot(shadow);
  applyTheme(host, options.theme);
  if (options.theme?.brand !== undefined)
    host.style.setProperty('--parley-on-brand', onBrandColour(options.theme.brand));
  if (inline) {
    host.setAttribute('data-mode', 'inline');
    const container =
      typeof options.container === 'string'
        ? document.querySelector(options.container)
        : options.container;
    (container ?? document.body).append(host);
  }
  const badge = document.createElement('span');
  badge.className = 'b';
  launcher?.setAttribute('aria-expanded', 'false');
  launcher?.append(badge);
  const launcherLabel = launcher?.firstChild?.textContent ?? '';
  const root = document.createElement('div');
  shadow.append(root);

  let t: Translate | null = null;
  const setUnread = (count: number) => {
    badge.textContent = count > 0 ? String(count) : '';
    // The count in words for screen readers; the badge alone would read as a bare number.
    if (count > 0 && t !== null)
      launcher?.setAttribute('aria-label', `${launcherLabel} — ${t('unread', { n: count })}`);
    else launcher?.removeAttribute('aria-label');
  };
  const chat = createChatSession({
    options,
    locale,
    returnedToken: token,
    emit,
    setUnread,
  });
  let open = inline;
  let view: 'callback' | null = null;
  let value: Omit<AppValue, 'state'> | null = null;

  const draw = () => {
    if (value === null) return;
    render(
      <AppContext.Provider value={{ ...value, state: chat.getState() }}>
        <App view={view} open={open} />
      </AppContext.Provider>,
      root,
    );
  };
  const focusPanel = () => {
    const target =
      shadow.querySelector<HTMLElement>('#pw-msg') ??
      shadow.querySelector<HTMLElement>('.main .h') ??
      shadow.querySelector<HTMLElement>('#pw-title');
    target?.focus({ preventScroll: true });
  };

  // On phones the panel fills the visual viewport, so the on-screen keyboard never hides the
  // message box. Listeners only while open: a closed widget does no work at all.
  const viewport = window.visualViewport;
  const fit = () => {
    if (!viewport) return;
    host.style.setProperty('--pw-vvh', `${viewport.height}px`);
    host.style.setProperty('--pw-vvt', `${viewport.offsetTop}px`);
  };
  const watchViewport = (on: boolean) => {
    if (!viewport || inline) return;
    const method = on ? 'addEventListener' : 'removeEventListener';
    viewport[method]('resize', fit);
    viewport[method]('scroll', fit);
    if (on) fit();
  };

  const setOpen = (next: boolean, nextView: 'callback' | null = view) => {
    view = nextView;
    const changed = next !== open;
    open = next || inline;
    if (!inline) {
      writeKey(OPEN_KEY, open ? '1' : null);
      host.toggleAttribute('data-open', open);
      launcher?.setAttribute('aria-expanded', String(open));
      if (launcher !== null) launcher.hidden = open;
    }
    chat.setVisible(open);
    watchViewport(open);
    draw();
    if (changed && open) focusPanel();
    // Focus back to the launcher only if it was in the widget (Escape, the minimise button).
    if (changed && !open && shadow.activeElement !== null) launcher?.focus();
    if (changed && !inline) emit(open ? 'open' : 'close', undefined);
  };

  // Escape closes the panel (not an inline chat, which is the page itself).
  const onKey = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape' && open && !inline) setOpen(false);
  };
  shadow.addEventListener('keydown', onKey);
  const unsubscribe = chat.subscribe(draw);
  void loadCatalog(locale).then((catalog) => {
    t = createT(locale, catalog);
    value = {
      chat,
      t,
      // Dates follow the full tag when it is the same language: en-GB customers see 24-hour times.
      f: createFormat(tag.split('-')[0]?.toLowerCase() === locale ? tag : locale),
      locale,
      inline,
      inApp: isInAppBrowser(navigator.userAgent),
      server: options.server,
      demoSignIn: options.demoSignIn === true,
      canSignIn:
        options.identityToken !== undefined ||
        options.getIdentityToken !== undefined ||
        options.loginUrl !== undefined,
      show: (next) => {
        view = next;
        draw();
      },
      close: () => setOpen(false),
    };
    draw();
    if (open) focusPanel();
    void chat.start();
  });

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!open),
    requestCallback: () => setOpen(true, 'callback'),
    destroy() {
      watchViewport(false);
      shadow.removeEventListener('keydown', onKey);
      unsubscribe();
      chat.destroy();
      render(null, root);
      root.remove();
      badge.remove();
    },
  };
}
