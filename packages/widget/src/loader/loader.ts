/**
 * The script-tag loader, `widget.js` (a classic script, ≤ 1.5 KB gzip). It replaces the snippet's
 * queue stub with the real `Parley(command, …args)`, replays the calls made before it loaded,
 * initialises from its own `data-parley-*` attributes if it has any, and `import()`s the UI chunk
 * from `<its own folder>/widget/` when the chat is first needed.
 *
 * @example
 * // <script>(function(w,n){w[n]=w[n]||function(){(w[n].q=w[n].q||[]).push(arguments)}})(window,'Parley');</script>
 * // <script async src="https://chat.bank.example/widget.js"></script>
 * Parley('init', { server: 'https://chat.bank.example', getIdentityToken });
 */
import { canAdoptStyles } from '../core/adoptStyles.js';
import { type CoreCommand, createCore } from '../core/createCore.js';
import { createEmitter } from '../core/createEmitter.js';
import type { UiModule } from '../core/UiModule.js';
import type { ParleyOptions } from '../types.js';
import { readDataset } from './readDataset.js';

/** The UI chunk's file name, fixed at build time from the UI build's manifest. */
declare const __PARLEY_UI__: string;

type Stub = ((command: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[] };

const script = document.currentScript as HTMLScriptElement | null;
const src = script?.src ?? '';
const base = src.slice(0, src.lastIndexOf('/') + 1);
const { on, emit } = createEmitter();
let core: ((command: CoreCommand) => void) | null = null;

function init(options: ParleyOptions): void {
  if (core !== null || !canAdoptStyles()) return;
  const server = options.server ?? new URL(src || location.href).origin;
  core = createCore(
    { ...options, server },
    () => import(/* @vite-ignore */ `${base}widget/${__PARLEY_UI__}`) as Promise<UiModule>,
    emit,
  );
}

function Parley(command: string, ...args: unknown[]): unknown {
  if (command === 'init') return init(args[0] as ParleyOptions);
  if (command === 'on') return on(args[0] as 'ready', args[1] as () => void);
  core?.(command as CoreCommand);
  if (command === 'shutdown') core = null;
}

const w = window as unknown as { Parley?: Stub };
const queued = Array.from(w.Parley?.q ?? []);
w.Parley = Parley;
for (const call of queued) Parley(...(Array.from(call) as [string]));
const fromTag = script === null ? null : readDataset(script.dataset);
if (fromTag !== null) init(fromTag);
