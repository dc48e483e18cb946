import { type Locale, X_POST_MAX, xPostLength } from '@parley/protocol';

/**
 * The public reply an agent posts with a handoff link, per locale. Each asks the customer never to
 * post card or account numbers, says that sign-in comes first, and names who will answer. `{name}`
 * is the customer's display name, `{agent}` the agent's (or the team's) name, `{url}` the link.
 */
const TEMPLATES: Record<Locale, { withName: string; withoutName: string; team: string }> = {
  en: {
    withName:
      "{name}, sorry about this. Let's continue privately: {url} Sign in first, then {agent} will help you. Please never post card or account numbers here.",
    withoutName:
      "Sorry about this. Let's continue privately: {url} Sign in first, then {agent} will help you. Please never post card or account numbers here.",
    team: 'our team',
  },
  ru: {
    withName:
      '{name}, извините за неудобства. Продолжим в личном чате: {url} Сначала войдите в банк, затем вам поможет {agent}. Пожалуйста, не публикуйте здесь номера карт и счетов.',
    withoutName:
      'Извините за неудобства. Продолжим в личном чате: {url} Сначала войдите в банк, затем вам поможет {agent}. Пожалуйста, не публикуйте здесь номера карт и счетов.',
    team: 'наша команда',
  },
  pl: {
    withName:
      '{name}, przepraszamy. Porozmawiajmy prywatnie: {url} Najpierw zaloguj się, potem pomoże Ci {agent}. Nigdy nie publikuj tu numerów kart ani kont.',
    withoutName:
      'Przepraszamy. Porozmawiajmy prywatnie: {url} Najpierw zaloguj się, potem pomoże Ci {agent}. Nigdy nie publikuj tu numerów kart ani kont.',
    team: 'nasz zespół',
  },
  bg: {
    withName:
      '{name}, съжаляваме. Нека продължим в личен чат: {url} Първо влезте в банката, после ще ви помогне {agent}. Моля, никога не публикувайте тук номера на карти или сметки.',
    withoutName:
      'Съжаляваме. Нека продължим в личен чат: {url} Първо влезте в банката, после ще ви помогне {agent}. Моля, никога не публикувайте тук номера на карти или сметки.',
    team: 'нашият екип',
  },
  nl: {
    withName:
      '{name}, excuses hiervoor. Laten we privé verder praten: {url} Log eerst in, daarna helpt {agent} je verder. Deel hier nooit kaart- of rekeningnummers.',
    withoutName:
      'Excuses hiervoor. Laten we privé verder praten: {url} Log eerst in, daarna helpt {agent} je verder. Deel hier nooit kaart- of rekeningnummers.',
    team: 'ons team',
  },
};

function fill(template: string, values: Record<'name' | 'agent' | 'url', string>): string {
  return template
    .replace('{name}', values.name)
    .replace('{agent}', values.agent)
    .replace('{url}', values.url);
}

/**
 * The suggested public reply for a handoff, in the customer's language, always within X's 280
 * characters (a URL counts 23): the customer's name is dropped before anything else is.
 *
 * @example
 * suggestedReply({ locale: 'ru', customerName: 'Anna', agentName: 'Olga', url });
 * // 'Anna, извините за неудобства. Продолжим в личном чате: https://… Сначала войдите …'
 */
export function suggestedReply(input: {
  locale: Locale;
  customerName: string | null;
  agentName: string | null;
  url: string;
}): string {
  const template = TEMPLATES[input.locale];
  const agent = input.agentName ?? template.team;
  const values = { name: input.customerName ?? '', agent, url: input.url };
  if (input.customerName !== null) {
    const withName = fill(template.withName, values);
    if (xPostLength(withName) <= X_POST_MAX) return withName;
  }
  const withoutName = fill(template.withoutName, values);
  if (xPostLength(withoutName) <= X_POST_MAX) return withoutName;
  return fill(template.withoutName, { ...values, agent: template.team });
}
