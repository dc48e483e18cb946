import { useState } from 'preact/hooks';
import { useApp } from '../AppContext.js';

/**
 * Demo servers only: a name, then a demo identity token from `POST /v1/demo/sign-in`. Clearly
 * labelled, so nobody mistakes it for the bank's sign-in.
 *
 * @example
 * <DemoSignIn />
 */
export function DemoSignIn() {
  const { chat, t, state } = useApp();
  const [name, setName] = useState('');
  return (
    <form
      class="card demo"
      onSubmit={(event) => {
        event.preventDefault();
        void chat.demoSignIn(name);
      }}
    >
      <p class="muted">{t('demoHint')}</p>
      <label for="pw-demo-name">{t('demoName')}</label>
      <input
        id="pw-demo-name"
        autocomplete="name"
        maxLength={200}
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <button type="submit" class="btn" disabled={state.auth === 'signingIn'}>
        {t('demoSignIn')}
      </button>
    </form>
  );
}
