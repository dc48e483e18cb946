import type { ParleyOptions } from '../types.js';

/**
 * Options from the loader's own `<script>` tag, so a page under a strict CSP needs no inline
 * script: `data-parley-server`, `-locale`, `-mode`, `-container`, `-login-url`, `-position`,
 * `-brand` (→ `theme.brand`), `-demo-sign-in="true"`. Null when it has none. (`parleyLoginUrl`,
 * as the browser names `data-parley-login-url`, becomes `loginUrl`.)
 *
 * @example
 * // <script src="…/widget.js" data-parley-mode="inline" data-parley-container="#chat"></script>
 * readDataset(document.currentScript.dataset); // { mode: 'inline', container: '#chat', … }
 */
export function readDataset(data: DOMStringMap): ParleyOptions | null {
  const options: Record<string, string | undefined> = {};
  for (const key in data)
    if (key.startsWith('parley')) options[key.charAt(6).toLowerCase() + key.slice(7)] = data[key];
  return Object.keys(options).length === 0
    ? null
    : ({
        ...options,
        theme: { brand: options.brand },
        demoSignIn: options.demoSignIn === 'true',
      } as ParleyOptions);
}
