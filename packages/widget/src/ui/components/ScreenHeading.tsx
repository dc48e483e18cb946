import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { useTakeFocus } from '../useTakeFocus.js';

/**
 * A screen's heading. When a screen replaces the one the customer was on, the control they used
 * is gone; focus moves here so keyboard and screen-reader users keep their place.
 *
 * @example
 * <ScreenHeading>{t('handoffTitle')}</ScreenHeading>
 */
export function ScreenHeading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useTakeFocus(ref);
  return (
    <h3 class="h" tabIndex={-1} ref={ref}>
      {children}
    </h3>
  );
}
