/**
 * `@parley/widget` for bundlers: the same widget and API as the script tag. Importing runs
 * nothing; `createParley` draws the launcher, and the chat UI is a separate chunk loaded on first
 * open.
 *
 * @example
 * import { createParley } from '@parley/widget';
 * const parley = createParley({ server: 'https://chat.bank.example', getIdentityToken });
 * parley.on('unread', (count) => updateTitle(count));
 */
import { canAdoptStyles } from './core/adoptStyles.js';
import { createCore } from './core/createCore.js';
import { createEmitter } from './core/createEmitter.js';
import type { ParleyApi, ParleyOptions } from './types.js';

export type {
  Emit,
  ParleyApi,
  ParleyEvent,
  ParleyEventMap,
  ParleyOptions,
  ParleyTheme,
} from './types.js';

/**
 * Creates the widget on the page. In a browser without constructable style sheets (before
 * Safari 16.4) nothing is drawn and every method does nothing.
 *
 * @example
 * const parley = createParley({ server: 'https://chat.bank.example', mode: 'inline', container: '#chat' });
 */
export function createParley(options: ParleyOptions): ParleyApi {
  const { on, emit } = createEmitter();
  const command = canAdoptStyles()
    ? createCore(
        { ...options, server: options.server ?? location.origin },
        () => import('./ui/mountUi.js'),
        emit,
      )
    : () => {};
  return {
    open: () => command('open'),
    close: () => command('close'),
    toggle: () => command('toggle'),
    requestCallback: () => command('requestCallback'),
    shutdown: () => command('shutdown'),
    on,
  };
}
