/**
 * Whether this browser has constructable style sheets (Chrome 73, Firefox 101, Safari 16.4). The
 * widget styles itself only through them: they need no `style-src` grant under a strict
 * Content-Security-Policy, and no nonce. Older browsers get no widget rather than a broken one.
 */
export function canAdoptStyles(): boolean {
  return 'adoptedStyleSheets' in document;
}

/**
 * Adds a style sheet to a shadow root.
 *
 * @example
 * adoptStyles(shadow, ':host{all:initial}');
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
