import { playChime } from './playChime';

/** Where the agent's sound choice is kept across shifts. */
const SOUND_KEY = 'parley.console.sound';

/** What the alert settings look like to the header. */
export interface AlertSettings {
  sound: boolean;
  notifications: 'unsupported' | NotificationPermission;
}

/** The console's chime and desktop notifications. */
export interface Alerts {
  settings(): AlertSettings;
  /** Turns the chime on or off; turning it on happens on a click, which lets audio start. */
  setSound(on: boolean): void;
  /** Asks for notification permission (on a click; browsers ignore it otherwise). */
  requestNotifications(): Promise<void>;
  /** Chimes (if enabled) and shows a desktop notification (if permitted) for the agent. */
  alert(title: string, body: string, tag: string): void;
  subscribe(listener: () => void): () => void;
}

function readSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * Alerts for the two moments an agent must not miss: a handoff claimed and a customer writing.
 * Sound only after the agent turned it on (and it can be muted again); notifications only with
 * the browser's permission, and only while the console window does not have the focus (agents work with two monitors).
 *
 * @example
 * const alerts = createAlerts();
 * alerts.alert('Anna claimed your handoff', 'X · @anna_k', 'claim-ho_1');
 */
export function createAlerts(
  env: { document: Document; window: Window } = { document, window },
): Alerts {
  let sound = readSound();
  let context: AudioContext | null = null;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const NotificationApi: typeof Notification | null =
    'Notification' in env.window ? (env.window as Window & typeof globalThis).Notification : null;

  return {
    settings: () => ({
      sound,
      notifications: NotificationApi === null ? 'unsupported' : NotificationApi.permission,
    }),
    setSound(on) {
      sound = on;
      try {
        localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
      } catch {
        // The choice holds for this page only.
      }
      if (on && context === null && 'AudioContext' in env.window) context = new AudioContext();
      if (on && context !== null) playChime(context);
      changed();
    },
    async requestNotifications() {
      if (NotificationApi === null) return;
      await NotificationApi.requestPermission();
      changed();
    },
    alert(title, body, tag) {
      if (sound) {
        if (context === null && 'AudioContext' in env.window) context = new AudioContext();
        if (context !== null && context.state !== 'closed') {
          void context.resume().then(() => playChime(context as AudioContext));
        }
      }
      if (NotificationApi?.permission === 'granted' && !env.document.hasFocus()) {
        const notification = new NotificationApi(title, { body, tag });
        notification.onclick = () => {
          env.window.focus();
          notification.close();
        };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
