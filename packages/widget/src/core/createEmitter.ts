import type { Emit, ParleyApi } from '../types.js';

/**
 * The widget's event emitter: `on` for the API, `emit` for the widget. A listener that throws
 * does not stop the others or the widget. Kept tiny: it ships in the loader.
 *
 * @example
 * const { on, emit } = createEmitter();
 * on('unread', (n) => setBadge(n));
 */
export function createEmitter(): { on: ParleyApi['on']; emit: Emit } {
  // Entries, not listeners: the same function may be registered twice and unsubscribed once.
  const listeners = new Set<[string, (payload: never) => void]>();
  return {
    on(event, listener) {
      const entry: [string, (payload: never) => void] = [event, listener];
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(event, payload) {
      for (const [name, listener] of listeners) {
        try {
          if (name === event) (listener as (p: typeof payload) => void)(payload);
        } catch {
          // The bank's listener failed; the chat must go on regardless.
        }
      }
    },
  };
}
