import { useEffect } from 'preact/hooks';

/** A shortcut: `Alt` plus a physical key, so it works on every keyboard layout (Cyrillic too). */
export interface Shortcut {
  /** `KeyboardEvent.code`, e.g. `ArrowDown`, `KeyC`. */
  code: string;
  run(): void;
}

/**
 * Binds Alt-shortcuts on the whole console. `event.code` names the physical key, so Alt+C is the
 * same key on an English, Russian or Polish layout, and macOS's Option characters do not matter.
 *
 * @example
 * useShortcuts([{ code: 'ArrowDown', run: () => actions.step(1) }]);
 */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const shortcut = shortcuts.find((s) => s.code === event.code);
      if (shortcut === undefined) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
}

/** The shortcuts as the help line lists them. */
export const SHORTCUT_HELP: readonly [keys: string, what: string][] = [
  ['Alt+↓ / Alt+↑', 'next / previous conversation'],
  ['Enter', 'send (Shift+Enter: new line)'],
  ['Alt+C', 'close the conversation'],
  ['Alt+H', 'new handoff'],
  ['Alt+I', 'inbox'],
];
