// A bank's single-page app that bundles the widget from npm instead of pasting the snippet:
// `createParley` draws the launcher, and the chat UI is a separate chunk Vite splits out and
// loads on first open. The app keeps its own "Messages" button and unread badge in step with it.
import { createParley, type ParleyApi, type ParleyOptions } from '@parley/widget';
import './style.css';

/** What the app's server tells it at run time, so one build runs against any Parley server. */
interface AppConfig {
  parleyServer: string;
}

/** An identity token from the bank's backend for the signed-in customer. */
async function getIdentityToken(): Promise<string> {
  const response = await fetch('/identity-token', { method: 'POST' });
  if (!response.ok) throw new Error(`Sign-in needed (${response.status}).`);
  const { identityToken } = (await response.json()) as { identityToken: string };
  return identityToken;
}

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (found === null) throw new Error(`The page lacks ${selector}.`);
  return found;
}

async function start(): Promise<ParleyApi> {
  const config = (await (await fetch('/config.json')).json()) as AppConfig;
  const options: ParleyOptions = {
    server: config.parleyServer,
    locale: 'en',
    getIdentityToken,
    theme: { brand: '#12355b', radius: '16px' },
    position: 'right',
  };
  const parley = createParley(options);
  const badge = element<HTMLSpanElement>('#unread');
  parley.on('unread', (count) => {
    badge.hidden = count === 0;
    badge.textContent = String(count);
  });
  element<HTMLButtonElement>('#help').addEventListener('click', () => parley.toggle());
  parley.on('error', ({ code }) => {
    document.documentElement.dataset.parleyError = code;
  });
  return parley;
}

void start();
