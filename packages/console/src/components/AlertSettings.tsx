import { useEffect, useState } from 'preact/hooks';
import { useConsole } from './ConsoleContext';

/**
 * The agent's alert switches: the chime (off until turned on, since browsers only allow sound
 * after a click, and a muted console must stay muted) and desktop notifications (asked for only
 * when the agent clicks).
 *
 * @example
 * <AlertSettings />
 */
export function AlertSettings() {
  const { alerts } = useConsole();
  const [settings, setSettings] = useState(() => alerts?.settings());
  useEffect(() => alerts?.subscribe(() => setSettings(alerts.settings())), [alerts]);
  if (alerts === null || settings === undefined) return null;
  return (
    <span class="alert-settings">
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.sound}
          onChange={(e) => alerts.setSound(e.currentTarget.checked)}
        />
        Sound
      </label>
      {settings.notifications === 'default' && (
        <button
          type="button"
          class="button small"
          onClick={() => void alerts.requestNotifications()}
        >
          Enable notifications
        </button>
      )}
      {settings.notifications === 'denied' && (
        <span
          class="muted small"
          title="Allow notifications for this site in the browser's site settings."
        >
          Notifications blocked
        </span>
      )}
    </span>
  );
}
