import { LAUNCHER_LABELS } from '../i18n/launcherLabels.js';
import type { Emit, ParleyOptions } from '../types.js';
import { adoptStyles } from './adoptStyles.js';
import { LAUNCHER_CSS } from './launcherCss.js';
import { ALL_KEYS, CODE_KEY, OPEN_KEY, readKey, SESSION_KEY, writeKey } from './storage.js';
import type { UiCommand, UiHandle, UiModule } from './UiModule.js';

/** The widget's commands: the UI's, and `shutdown`. */
export type CoreCommand = UiCommand | 'shutdown';

/**
 * The part of the widget that runs on every page, so every byte counts: it draws the launcher
 * and loads the UI chunk only when it is needed — on the first open, or at once when the widget
 * is inline, or there is a handoff code, a returned token, a panel left open or a conversation
 * to go on with. Until then it only remembers what was asked of it. No timers, no network.
 * Returns the one function every API call goes through.
 *
 * @example
 * const command = createCore({ server }, () => import('./ui/mountUi.js'), emit);
 * command('open');
 */
export function createCore(
  options: ParleyOptions & { server: string },
  loadUi: () => Promise<UiModule>,
  emit: Emit,
): (command: CoreCommand) => void {
  const inline = options.mode === 'inline';
  const host = document.createElement('parley-widget');
  // The launcher's and the panel's CSS match `:host([data-position=left])`.
  host.dataset.position = options.position ?? 'right';
  const brand = options.theme?.brand;
  if (brand) host.style.setProperty('--parley-brand', brand);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, LAUNCHER_CSS);
  let launcher: HTMLButtonElement | null = null;
  let ui: UiHandle | null = null;
  let loading: Promise<unknown> | null = null;
  let pending: UiCommand[] = [];

  const load = () =>
    (loading ??= loadUi().then(
      (module) => {
        ui = module.mountUi({ shadow, options, inline, emit, launcher });
        for (const command of pending) ui[command]();
        pending = [];
      },
      (error: unknown) => {
        // A failed chunk download (offline, blocked): the next tap tries again.
        loading = null;
        pending = [];
        emit('error', { code: 'UNAVAILABLE', message: `${error}` });
      },
    ));
  const command = (name: CoreCommand) => {
    if (name === 'shutdown') {
      ui?.destroy();
      host.remove();
      for (const key of ALL_KEYS) writeKey(key, null);
    } else if (ui !== null) ui[name]();
    else {
      pending.push(name);
      if (name !== 'close') load();
    }
  };

  // Inline, the UI chunk (loaded at once) puts the host into its container.
  if (!inline) {
    const language = (options.locale ?? navigator.language).slice(0, 2).toLowerCase();
    launcher = document.createElement('button');
    launcher.className = 'l';
    launcher.append(LAUNCHER_LABELS[language as 'en'] ?? LAUNCHER_LABELS.en);
    launcher.onclick = () => command('toggle');
    shadow.append(launcher);
    // The snippet may sit in <head>, and an async script can run before <body> exists.
    // An async script can run while <head> is still being parsed, before <body> exists: the
    // launcher then hangs off <html>, where a fixed-position element shows all the same.
    (document.body ?? document.documentElement).append(host);
  }
  // After the current task, so `on('ready')` calls queued after `init` still hear it.
  queueMicrotask(() => emit('ready', undefined));

  // A handoff code or a returned token in the address (`#parley=…`, `#parley-token=…`; the UI
  // checks their shape and takes them out of the address bar), a code waiting for sign-in, or a
  // panel left open on the previous page opens the panel; a signed-in session reconnects in the
  // background, so the badge counts what arrives.
  const fromAddress = location.hash.startsWith('#parley');
  if (inline || fromAddress || readKey(CODE_KEY) || readKey(OPEN_KEY)) command('open');
  else if (readKey(SESSION_KEY)) load();
  return command;
}
