import { useApp } from '../AppContext.js';
import { CallbackForm } from './CallbackForm.js';
import { CallbackStatus } from './CallbackStatus.js';
import { ScreenHeading } from './ScreenHeading.js';

export { CallbackStatus };

import { SignIn } from './SignIn.js';

/**
 * The call-back screen: sign in if needed, then the form, or the status of the one requested.
 *
 * @example
 * <CallbackScreen />
 */
export function CallbackScreen() {
  const { state, t, show } = useApp();
  let body = <CallbackForm />;
  if (state.auth !== 'signedIn') body = <SignIn />;
  else if (state.callback !== null) body = <CallbackStatus />;
  return (
    <div class="screen stack">
      <button type="button" class="link back" onClick={() => show(null)}>
        <span aria-hidden="true">← </span>
        {t('back')}
      </button>
      <ScreenHeading>{t('cbTitle')}</ScreenHeading>
      {body}
    </div>
  );
}
