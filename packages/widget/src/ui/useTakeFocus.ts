import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Focuses the element on mount if focus was lost — the control the customer used is gone because
 * the screen changed (after "Continue privately", the chat replaces the button) — so keyboard and
 * screen-reader users keep their place. Never steals focus from the page.
 *
 * @example
 * const ref = useRef<HTMLTextAreaElement>(null);
 * useTakeFocus(ref);
 */
export function useTakeFocus(ref: RefObject<HTMLElement>): void {
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const root = element.getRootNode() as ShadowRoot | Document;
    const lost = document.activeElement === document.body || document.activeElement === null;
    const inWidget =
      root !== document &&
      root.activeElement === null &&
      document.activeElement === (root as ShadowRoot).host;
    if (lost || inWidget) element.focus({ preventScroll: true });
  }, []);
}
