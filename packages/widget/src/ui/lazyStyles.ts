import { adoptStyles } from '../core/adoptStyles.js';

let root: ShadowRoot | null = null;

/**
 * Where lazily loaded screens put their styles: the widget's shadow root, set by `mountUi`.
 *
 * @example
 * setStyleRoot(shadow);
 */
export function setStyleRoot(shadow: ShadowRoot): void {
  root = shadow;
}

/**
 * Adopts the styles of a lazily loaded screen when its chunk arrives, so customers who never see
 * the survey or the confirmation never download their CSS either. A no-op outside the widget
 * (component tests).
 *
 * @example
 * adoptLazyStyles('.scores{display:flex}');
 */
export function adoptLazyStyles(css: string): void {
  if (root !== null) adoptStyles(root, css);
}
