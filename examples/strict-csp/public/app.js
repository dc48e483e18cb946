// The page's only script, a file from its own origin: the snippet's queue stub, then
// Parley('init'). A strict CSP needs nothing more than this and the loader's <script src>.
window.Parley =
  window.Parley ||
  function parleyStub(...args) {
    window.Parley.q = window.Parley.q || [];
    window.Parley.q.push(args);
  };

/** An identity token from the bank's backend for the signed-in customer. */
async function getIdentityToken() {
  const response = await fetch('/identity-token', { method: 'POST' });
  if (!response.ok) throw new Error('Not signed in.');
  return (await response.json()).identityToken;
}

// Counts what the browser blocks, so anyone can see the policy costs the chat nothing.
let violations = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  violations += 1;
  const status = document.querySelector('#violations strong');
  if (status !== null) status.textContent = `${violations} (last: ${event.violatedDirective})`;
});

document.addEventListener('DOMContentLoaded', () => {
  Parley('init', {
    server: document.querySelector('meta[name="parley-server"]').content,
    locale: 'en',
    getIdentityToken,
    theme: { brand: '#0b5cad' },
  });
});
