import { type Locale, resolveLocale } from '@parley/protocol';
import type { Request, Response } from 'express';
import { escapeHtml } from './escapeHtml.js';
import type { HttpDeps } from './HttpDeps.js';

const TITLES: Record<Locale, string> = {
  en: 'Private chat with the bank',
  ru: 'Личный чат с банком',
  pl: 'Prywatny czat z bankiem',
  bg: 'Личен чат с банката',
  nl: 'Privéchat met de bank',
};

/**
 * `GET /chat`: the hosted full-page chat, where `/h/<code>` sends customers (`PARLEY_CHAT_URL`
 * defaults here). A container and the loader's script tag with `data-parley-*` attributes — no
 * inline script, so the server's strict CSP holds; the one style element carries the nonce. The
 * widget talks to the origin it was loaded from, so `connect-src 'self'` covers it whatever host
 * name the customer used. Outside demo mode the widget's sign-in button leads to the bank's login
 * page (`PARLEY_CUSTOMER_SIGN_IN_URL`), which returns with `#parley-token=`; in demo mode the widget
 * also offers "Demo sign-in" (`POST /v1/demo/sign-in`).
 *
 * @example
 * app.get('/chat', (req, res) => chatPage(deps, req, res));
 */
export function chatPage(deps: HttpDeps, req: Request, res: Response): void {
  const locale = resolveLocale(req.acceptsLanguages('en', 'ru', 'pl', 'bg', 'nl') || 'en');
  const nonce = res.locals.cspNonce as string;
  res.set({
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex',
  });
  const demo = deps.config.demo ? ' data-parley-demo-sign-in="true"' : '';
  const signInUrl = deps.config.customerSignInUrl;
  // Validated as an http(s) URL at start-up; escaped all the same, as it lands in an attribute.
  const login = signInUrl === null ? '' : ` data-parley-login-url="${escapeHtml(signInUrl)}"`;
  res.type('html').send(`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${TITLES[locale]}</title>
<style nonce="${nonce}">
html,body{height:100%;margin:0}
body{background:#e9edf1;font:16px/1.5 system-ui,sans-serif}
#parley-chat{height:100%;max-width:44rem;margin:0 auto;background:#fff}
</style></head>
<body><main id="parley-chat"></main>
<script src="/widget.js" async data-parley-mode="inline" data-parley-container="#parley-chat" data-parley-locale="${locale}"${login}${demo}></script>
</body></html>`);
}
