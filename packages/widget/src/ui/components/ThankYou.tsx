import { useApp } from '../AppContext.js';
import { ScreenHeading } from './ScreenHeading.js';

/**
 * After the survey.
 *
 * @example
 * <ThankYou />
 */
export function ThankYou() {
  const { t } = useApp();
  return (
    <div class="card thanks">
      <ScreenHeading>{t('thanks')}</ScreenHeading>
    </div>
  );
}
