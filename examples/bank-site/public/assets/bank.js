// Bank of Example's own script: who is signed in, the sign-in page, and the Parley widget's set-up.
// The bank "signs in" a customer by asking Parley's demo identity endpoint for an identity token
// (`POST /v1/demo/sign-in`, which answers only in demo mode). A real bank mints that token on its
// own backend for the customer its login already knows, and hands it to the widget the same way.

/** The signed-in customer's name, for this tab only, as a bank's session would hold it. */
const CUSTOMER_KEY = 'bank:customer';

function signedInName() {
  try {
    return sessionStorage.getItem(CUSTOMER_KEY);
  } catch {
    return null;
  }
}

/** A fresh customer identity token (they live at most 15 minutes) from the demo identity endpoint. */
async function identityTokenFor(name) {
  const response = await fetch('/v1/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (response.status === 404)
    throw new Error('Demo sign-in is off on this server: start it with PARLEY_DEMO=1 (npm start).');
  if (!response.ok) throw new Error(`Sign-in failed (${response.status}). Try again.`);
  return (await response.json()).identityToken;
}

/**
 * Where to go after signing in. The widget sends customers here with `?parley_return=<page>`;
 * only a page of this site is accepted, so the sign-in page is never an open redirect.
 */
function returnAddress() {
  const raw = new URLSearchParams(location.search).get('parley_return');
  if (raw === null) return null;
  try {
    const target = new URL(raw, location.origin);
    return target.origin === location.origin ? target.href.split('#')[0] : null;
  } catch {
    return null;
  }
}

function showName(name) {
  for (const element of document.querySelectorAll('[data-customer-name]'))
    element.textContent = name ?? '';
}

function setUpSignInPage() {
  const form = document.getElementById('sign-in-form');
  const error = document.getElementById('sign-in-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = form.elements.name.value.trim();
    if (name === '') {
      error.textContent = 'Enter your name to sign in.';
      error.hidden = false;
      return;
    }
    error.hidden = true;
    try {
      const token = await identityTokenFor(name);
      sessionStorage.setItem(CUSTOMER_KEY, name);
      const back = returnAddress();
      // Back to the page the widget came from, with the token in the fragment (never sent to a
      // server, taken out of the address bar by the widget at once); otherwise to the accounts.
      if (back !== null) location.replace(`${back}#parley-token=${token}`);
      else location.assign('/demo');
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    }
  });
}

// Loaded in the page's head, before anything is drawn: no flash of the signed-out page.
document.documentElement.classList.toggle('signed-in', signedInName() !== null);

document.addEventListener('DOMContentLoaded', () => {
  showName(signedInName());
  if (document.body.dataset.page === 'sign-in') {
    // No chat on the login page: the customer is on their way back to it.
    setUpSignInPage();
    return;
  }
  // After the body exists: the launcher is drawn into it.
  Parley('init', {
    locale: document.documentElement.lang,
    theme: { brand: '#12355b' },
    // Signed in to the bank: the widget signs in silently. Signed out: its "Sign in" button
    // sends the customer to the bank's login page, which returns with the token.
    getIdentityToken: () => {
      const name = signedInName();
      return name === null ? Promise.reject(new Error('signed out')) : identityTokenFor(name);
    },
    loginUrl: '/demo/sign-in',
  });
  for (const button of document.querySelectorAll('[data-parley]'))
    button.addEventListener('click', () => Parley(button.dataset.parley));
  for (const button of document.querySelectorAll('[data-action="sign-out"]'))
    button.addEventListener('click', () => {
      // Signing out of the bank ends the chat session on this device too.
      Parley('shutdown');
      sessionStorage.removeItem(CUSTOMER_KEY);
      location.assign('/demo');
    });
});
