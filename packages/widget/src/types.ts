import type { CustomerMessage, ErrorCode } from '@parley/protocol';

/**
 * How the widget looks. Every field becomes a CSS custom property on the widget's host element
 * (`--parley-brand`, `--parley-font`, `--parley-radius`), so a bank may also set them from its
 * own style sheet: custom properties inherit into the shadow root, nothing else does.
 */
export interface ParleyTheme {
  /** The brand colour of the launcher, the header and the customer's bubbles, e.g. `#0b5cad`. */
  brand?: string;
  /** A CSS font stack; the widget never downloads fonts. */
  font?: string;
  /** The corner radius of the panel and bubbles, e.g. `12px`. */
  radius?: string;
  /** `auto` (default) follows `prefers-color-scheme`. */
  colorScheme?: 'auto' | 'light' | 'dark';
}

/** The options of `Parley('init', …)` and `createParley(…)`. */
export interface ParleyOptions {
  /** The Parley server's origin, e.g. `https://chat.bank.example`; defaults to the loader's. */
  server?: string;
  /** A BCP 47 tag; defaults to `navigator.language`. en, ru, pl, bg and nl are supported. */
  locale?: string;
  /** The signed-in customer's identity token from the bank's backend. */
  identityToken?: string;
  /** Called whenever the widget needs a fresh identity token (sign-in, session refresh). */
  getIdentityToken?: () => Promise<string>;
  /**
   * The bank's login page. The widget sends the customer there with `?parley_return=<this page>`;
   * the login page returns to that address with `#parley-token=<identity token>`.
   */
  loginUrl?: string;
  theme?: ParleyTheme;
  /** Which bottom corner the launcher sits in; `right` by default. */
  position?: 'left' | 'right';
  /** `launcher` (default): a button that opens a panel. `inline`: the chat fills `container`. */
  mode?: 'launcher' | 'inline';
  /** For `inline`: the element, or a CSS selector for it. */
  container?: string | HTMLElement;
  /** Demo servers only: a "Demo sign-in" form that asks the server for a demo identity token. */
  demoSignIn?: boolean;
}

/** What each event hands its listeners. */
export interface ParleyEventMap {
  /** The widget is initialised and its launcher (or inline host) is on the page. */
  ready: undefined;
  open: undefined;
  close: undefined;
  /** A message arrived or was sent, as the server stored it (redacted). */
  message: CustomerMessage;
  /** Messages from the bank the customer has not seen yet. */
  unread: number;
  /** A handoff link was claimed (`conversationId`) or could not be (`code`). */
  handoff: { conversationId: string } | { code: ErrorCode };
  error: { code: ErrorCode; message: string };
}

/** A widget event's name. */
export type ParleyEvent = keyof ParleyEventMap;

/** Calls every listener of an event. */
export type Emit = <K extends ParleyEvent>(event: K, payload: ParleyEventMap[K]) => void;

/** The widget's API, the same from the script tag (`Parley('open')`) and from npm. */
export interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  /** Opens the widget on the call-back form. */
  requestCallback(): void;
  /** Removes the widget, disconnects and forgets the session (e.g. when the customer signs out). */
  shutdown(): void;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends ParleyEvent>(event: K, listener: (payload: ParleyEventMap[K]) => void): () => void;
}
