import type { Emit, ParleyOptions } from '../types.js';

/** What the loader hands the lazily loaded UI chunk. */
export interface UiContext {
  shadow: ShadowRoot;
  options: ParleyOptions & { server: string };
  inline: boolean;
  emit: Emit;
  /** The launcher button (null inline); the UI adds the unread badge and hides it while open. */
  launcher: HTMLButtonElement | null;
}

/**
 * What the UI chunk gives back: from then on it owns the open state (the panel, the launcher's
 * `aria-expanded`, focus, the `open`/`close` events).
 */
export interface UiHandle {
  open(): void;
  close(): void;
  toggle(): void;
  /** Opens on the call-back form. */
  requestCallback(): void;
  destroy(): void;
}

/** The API commands the loader forwards to the UI once it is there (and queues until then). */
export type UiCommand = 'open' | 'close' | 'toggle' | 'requestCallback';

/** The UI chunk's module. */
export interface UiModule {
  mountUi(context: UiContext): UiHandle;
}
