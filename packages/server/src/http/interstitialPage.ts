import { HANDOFF_CODE_REGEX, type Locale, ParleyError, resolveLocale } from '@parley/protocol';
import type { Request, Response } from 'express';
import { previewHandoff } from '../handoffs/previewHandoff.js';
import { escapeHtml } from './escapeHtml.js';
import type { HttpDeps } from './HttpDeps.js';

const TEXTS: Record<
  Locale,
  { title: string; body: string; button: string; gone: string; newChat: string }
> = {
  en: {
    title: 'Continue privately with the bank',
    body: 'You will sign in with your bank first. Then {agent} continues the conversation with you in a private chat.',
    button: 'Continue privately',
    gone: 'This link can no longer be used. You can start a new private chat or ask us to call you.',
    newChat: 'Start a new chat',
  },
  ru: {
    title: 'Продолжить в личном чате с банком',
    body: 'Сначала войдите в банк. Затем {agent} продолжит разговор с вами в личном чате.',
    button: 'Продолжить в личном чате',
    gone: 'Эта ссылка больше не действует. Начните новый чат или попросите перезвонить вам.',
    newChat: 'Начать новый чат',
  },
  pl: {
    title: 'Kontynuuj prywatnie z bankiem',
    body: 'Najpierw zalogujesz się w banku. Potem {agent} będzie kontynuować rozmowę na prywatnym czacie.',
    button: 'Kontynuuj prywatnie',
    gone: 'Tego linku nie można już użyć. Rozpocznij nowy czat lub poproś o telefon.',
    newChat: 'Rozpocznij nowy czat',
  },
  bg: {
    title: 'Продължете лично с банката',
    body: 'Първо ще влезете в банката. После {agent} ще продължи разговора с вас в личен чат.',
    button: 'Продължете лично',
    gone: 'Тази връзка вече не може да се използва. Започнете нов чат или поискайте да ви се обадим.',
    newChat: 'Започнете нов чат',
  },
  nl: {
    title: 'Ga privé verder met de bank',
    body: 'Je logt eerst in bij je bank. Daarna praat {agent} privé met je verder.',
    button: 'Ga privé verder',
    gone: 'Deze link werkt niet meer. Begin een nieuwe chat of vraag ons je te bellen.',
    newChat: 'Nieuwe chat beginnen',
  },
};

const TEAM_WORD: Record<Locale, string> = {
  en: 'our team',
  ru: 'наша команда',
  pl: 'nasz zespół',
  bg: 'нашият екип',
  nl: 'ons team',
};

function page(
  locale: Locale,
  nonce: string,
  title: string,
  body: string,
  href: string,
  button: string,
): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<meta property="og:title" content="${escapeHtml(TEXTS[locale].title)}">
<meta property="og:description" content="${escapeHtml(TEXTS[locale].button)}">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f4f6f8;color:#1b1f24;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{max-width:28rem;margin:1rem;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 .75rem}
a.button{display:inline-block;margin-top:1rem;padding:.8rem 1.4rem;border-radius:8px;background:#0b5cad;color:#fff;text-decoration:none;font-weight:600}
a.button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>
<a class="button" href="${escapeHtml(href)}">${escapeHtml(button)}</a></main></body></html>`;
}

/**
 * `GET /h/<code>`: the page a public handoff link opens. It has no side effects — link-preview
 * bots fetch every posted link within seconds — and claims nothing: its button leads to the chat
 * page with the code in the URL fragment, which browsers never send to a server. The page says
 * who the customer will talk to, nothing private.
 *
 * @example
 * app.get('/h/:code', (req, res, next) => interstitialPage(deps, req, res).catch(next));
 */
export async function interstitialPage(deps: HttpDeps, req: Request, res: Response): Promise<void> {
  const locale = resolveLocale(req.acceptsLanguages('en', 'ru', 'pl', 'bg', 'nl') || 'en');
  const texts = TEXTS[locale];
  const nonce = res.locals.cspNonce as string;
  res.set({
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex',
  });
  const code = String(req.params.code ?? '');
  try {
    if (!HANDOFF_CODE_REGEX.test(code)) throw new ParleyError('HANDOFF_NOT_FOUND');
    const preview = await previewHandoff(deps.ctx, code);
    const agent =
      preview.agentName === null
        ? `${TEAM_WORD[locale]} (${preview.teamName})`
        : `${preview.agentName} (${preview.teamName})`;
    res
      .type('html')
      .send(
        page(
          locale,
          nonce,
          texts.title,
          texts.body.replace('{agent}', agent),
          `${deps.config.chatUrl}#parley=${code}`,
          texts.button,
        ),
      );
  } catch (error) {
    if (!(error instanceof ParleyError)) throw error;
    res
      .status(error.status === 404 ? 404 : 410)
      .type('html')
      .send(page(locale, nonce, texts.title, texts.gone, deps.config.chatUrl, texts.newChat));
  }
}
