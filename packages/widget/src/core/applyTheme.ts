import type { ParleyTheme } from '../types.js';

/**
 * Puts the theme on the host as CSS custom properties (set through the CSSOM, which a strict CSP
 * allows, unlike a `style` attribute in markup) and the colour scheme as `data-scheme`.
 *
 * @example
 * applyTheme(host, { brand: '#0b5cad', radius: '8px' });
 */
export function applyTheme(host: HTMLElement, theme: ParleyTheme = {}): void {
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) host.style.setProperty(`--parley-${name}`, value);
  };
  set('brand', theme.brand);
  set('font', theme.font);
  set('radius', theme.radius);
  if (theme.colorScheme !== undefined && theme.colorScheme !== 'auto')
    host.setAttribute('data-scheme', theme.colorScheme);
}
