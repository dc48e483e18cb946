import type { CannedTexts } from './CannedTexts';

/**
 * The console's default customer-facing texts in the five supported languages. Written for a
 * bank's social-care team: polite, short, no promises the agent cannot keep, and never a request
 * for a card or account number. A bank replaces any of them with `/console/config/canned.json`.
 */
export const defaultCannedTexts: CannedTexts = {
  responses: {
    en: [
      {
        title: 'Greeting',
        text: 'Hello {customer}, this is {agent} from the social care team. I have your public post in front of me, so there is no need to repeat it — let’s sort this out here.',
      },
      {
        title: 'Checking',
        text: 'Thank you. I’m checking this now; it will take a couple of minutes.',
      },
      {
        title: 'No card numbers',
        text: 'For your security, please don’t send full card or account numbers here. I can already see your accounts.',
      },
      {
        title: 'Dispute raised',
        text: 'I’ve raised a dispute for the duplicate payment. You’ll get a confirmation in the bank’s app within one working day.',
      },
      { title: 'Anything else?', text: 'Is there anything else I can help you with today?' },
    ],
    ru: [
      {
        title: 'Приветствие',
        text: 'Здравствуйте, {customer}! Это {agent} из службы поддержки банка в соцсетях. Ваш публичный пост передо мной, повторять ничего не нужно — давайте решим вопрос здесь.',
      },
      { title: 'Проверяю', text: 'Спасибо. Сейчас проверяю — это займёт пару минут.' },
      {
        title: 'Без номеров карт',
        text: 'Ради вашей безопасности, пожалуйста, не отправляйте здесь полные номера карт или счетов. Ваши счета мне уже видны.',
      },
      {
        title: 'Спор оформлен',
        text: 'Спор по двойному списанию оформлен. Подтверждение придёт в приложение банка в течение одного рабочего дня.',
      },
      { title: 'Что-то ещё?', text: 'Могу ли я ещё чем-нибудь помочь?' },
    ],
    pl: [
      {
        title: 'Powitanie',
        text: 'Dzień dobry, {customer}! Tu {agent} z zespołu obsługi klienta w mediach społecznościowych. Mam przed sobą Twój publiczny wpis, nie musisz go powtarzać — wyjaśnijmy sprawę tutaj.',
      },
      { title: 'Sprawdzam', text: 'Dziękuję. Już to sprawdzam — zajmie to kilka minut.' },
      {
        title: 'Bez numerów kart',
        text: 'Dla Twojego bezpieczeństwa nie wysyłaj tutaj pełnych numerów kart ani kont. Twoje rachunki już widzę.',
      },
      {
        title: 'Reklamacja zgłoszona',
        text: 'Reklamacja podwójnego obciążenia została zgłoszona. Potwierdzenie otrzymasz w aplikacji banku w ciągu jednego dnia roboczego.',
      },
      { title: 'Coś jeszcze?', text: 'Czy mogę jeszcze w czymś pomóc?' },
    ],
    bg: [
      {
        title: 'Поздрав',
        text: 'Здравейте, {customer}! Аз съм {agent} от екипа за обслужване на клиенти в социалните мрежи. Виждам публичната Ви публикация, няма нужда да я повтаряте — нека решим въпроса тук.',
      },
      { title: 'Проверявам', text: 'Благодаря. Проверявам веднага — ще отнеме няколко минути.' },
      {
        title: 'Без номера на карти',
        text: 'За Вашата сигурност, моля, не изпращайте тук пълни номера на карти или сметки. Вече виждам сметките Ви.',
      },
      {
        title: 'Възражение подадено',
        text: 'Подадохме възражение за двойното плащане. Ще получите потвърждение в приложението на банката до един работен ден.',
      },
      { title: 'Нещо друго?', text: 'Мога ли да помогна с нещо друго?' },
    ],
    nl: [
      {
        title: 'Begroeting',
        text: 'Hallo {customer}, met {agent} van het social-care-team. Ik heb je openbare bericht voor me, je hoeft niets te herhalen — laten we het hier oplossen.',
      },
      {
        title: 'Even kijken',
        text: 'Dank je. Ik zoek het nu voor je uit; dat duurt een paar minuten.',
      },
      {
        title: 'Geen kaartnummers',
        text: 'Stuur voor je veiligheid hier geen volledige kaart- of rekeningnummers. Ik kan je rekeningen al zien.',
      },
      {
        title: 'Bezwaar ingediend',
        text: 'We hebben bezwaar gemaakt tegen de dubbele afschrijving. Je krijgt binnen één werkdag een bevestiging in de app van de bank.',
      },
      { title: 'Nog iets?', text: 'Kan ik je nog ergens anders mee helpen?' },
    ],
  },
  closingReplies: {
    en: 'Glad we could sort this out in private — thanks for your patience!',
    ru: 'Рады, что смогли решить вопрос в личном чате, — спасибо за терпение!',
    pl: 'Cieszymy się, że udało się to wyjaśnić w prywatnej rozmowie — dziękujemy za cierpliwość!',
    bg: 'Радваме се, че успяхме да решим въпроса в личен чат — благодарим за търпението!',
    nl: 'Fijn dat we het privé konden oplossen — bedankt voor je geduld!',
  },
  reissueMessages: {
    en: 'For your security we have withdrawn the earlier link. Here is a new one, just for you: {url} Sign in with your bank login to continue.',
    ru: 'Ради вашей безопасности мы отозвали прежнюю ссылку. Вот новая, только для вас: {url} Войдите в банк, чтобы продолжить.',
    pl: 'Dla Twojego bezpieczeństwa wycofaliśmy poprzedni link. Oto nowy, tylko dla Ciebie: {url} Zaloguj się w banku, aby kontynuować.',
    bg: 'За Вашата сигурност оттеглихме предишния линк. Ето нов, само за Вас: {url} Влезте в банката, за да продължите.',
    nl: 'Voor je veiligheid hebben we de eerdere link ingetrokken. Hier is een nieuwe, alleen voor jou: {url} Log in bij de bank om verder te gaan.',
  },
};
