import { useApp } from '../AppContext.js';
import { ScreenHeading } from './ScreenHeading.js';
import { SignIn } from './SignIn.js';

/**
 * The session ran out and could not be renewed without the customer: sign in again; the
 * conversation and the unsent messages are still there afterwards.
 *
 * @example
 * <SessionEnded />
 */
export function SessionEnded() {
  const { t } = useApp();
  return (
    <div class="screen stack">
      <ScreenHeading>{t('sessionEnded')}</ScreenHeading>
      <SignIn />
    </div>
  );
}
