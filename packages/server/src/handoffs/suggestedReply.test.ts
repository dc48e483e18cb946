import { SUPPORTED_LOCALES, xPostLength } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { suggestedReply } from './suggestedReply.js';

const url = `https://chat.bank.example/h/${'Yb3kQ9zR2mX8pL4wT7vN1c'}`;
const NEVER_POST = {
  en: 'never post',
  ru: 'не публикуйте',
  pl: 'Nigdy nie publikuj',
  bg: 'никога не публикувайте',
  nl: 'nooit',
};

describe('suggestedReply', () => {
  it.each(SUPPORTED_LOCALES)(
    'in %s carries the link, the warning and the agent, within 280',
    (locale) => {
      const reply = suggestedReply({ locale, customerName: 'Anna', agentName: 'Olga', url });
      expect(reply).toContain(url);
      expect(reply).toContain('Olga');
      expect(reply.startsWith('Anna')).toBe(true);
      expect(reply).toContain(NEVER_POST[locale]);
      expect(xPostLength(reply)).toBeLessThanOrEqual(280);
    },
  );

  it('drops the name rather than exceed 280 characters', () => {
    const customerName = 'A'.repeat(190);
    const reply = suggestedReply({ locale: 'bg', customerName, agentName: 'Olga', url });
    expect(reply).not.toContain(customerName);
    expect(xPostLength(reply)).toBeLessThanOrEqual(280);
  });

  it('names the team when the handoff belongs to a team', () => {
    expect(suggestedReply({ locale: 'pl', customerName: null, agentName: null, url })).toContain(
      'nasz zespół',
    );
  });
});
