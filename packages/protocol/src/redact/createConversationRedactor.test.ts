import { describe, expect, it } from 'vitest';
import { createConversationRedactor } from './createConversationRedactor.js';
import { redact } from './redact.js';

describe('createConversationRedactor', () => {
  it('masks an account split over two messages and amends the first', () => {
    const conversation = createConversationRedactor();
    // The interim mask shows no digit: 7810 are the account's 5th to 8th, not its last.
    expect(conversation.push('my account is 40817810', 'customer')).toMatchObject({
      text: 'my account is [account ••••]',
      amended: [],
    });
    const second = conversation.push('0990 1234 5678', 'customer');
    expect(second.text).toBe('[account ••••5678]');
    expect(second.amended).toEqual([{ index: 0, text: 'my account is [account ••••5678]' }]);
    expect(second.findings).toEqual([
      { kind: 'account', start: 0, end: 14, mask: '[account ••••5678]' },
    ]);
  });

  it('masks a card split in two, an IBAN split in two, and context from the earlier message', () => {
    const conversation = createConversationRedactor();
    conversation.push('hi', 'agent');
    expect(conversation.push('card 4111 1111', 'customer').text).toBe('card 4111 1111');
    const second = conversation.push('1111 1111 thanks', 'customer');
    expect(second.text).toBe('[card ••••1111] thanks');
    expect(second.amended).toEqual([{ index: 1, text: 'card [card ••••1111]' }]);

    conversation.push('IBAN PL61 1090 1014', 'customer');
    expect(conversation.push('0000 0712 1981 2874', 'customer').amended).toEqual([
      { index: 3, text: 'IBAN [IBAN ••••2874]' },
    ]);

    conversation.push('and the CVV is', 'customer');
    expect(conversation.push('123', 'customer')).toMatchObject({
      text: '[CVV hidden]',
      amended: [],
    });
  });

  it('never shows a digit of an account fragment before the next message completes it', () => {
    const account = '40817810099910004312';
    // 16 digits would be a Luhn-valid Visa (a known limit, docs/redaction.md); 1–5 digits are not
    // masked at all until the next message.
    for (const split of [6, 8, 10, 12, 15, 17, 19]) {
      const conversation = createConversationRedactor();
      const first = conversation.push(`мой счёт ${account.slice(0, split)}`, 'customer');
      expect(first.text, `split at ${split}`).toBe('мой счёт [account ••••]');
      const second = conversation.push(account.slice(split), 'customer');
      expect(second.text).toBe('[account ••••4312]');
      expect(second.amended).toEqual([{ index: 0, text: 'мой счёт [account ••••4312]' }]);
      expect(redact(second.amended[0]?.text ?? '').text).toBe('мой счёт [account ••••4312]');
    }
    // The same account pushed in one message keeps its last 4.
    expect(createConversationRedactor().push(`мой счёт ${account}`).text).toBe(
      'мой счёт [account ••••4312]',
    );
  });

  it('keeps senders apart', () => {
    const conversation = createConversationRedactor();
    conversation.push('card 4111 1111', 'customer');
    expect(conversation.push('1111 1111', 'agent')).toMatchObject({
      text: '1111 1111',
      amended: [],
    });
  });

  it('changes nothing when the stored, redacted messages are pushed again after a restart', () => {
    const live = createConversationRedactor();
    const stored: string[] = [];
    const messages = ['my account is 40817810', '0990 1234 5678', 'card 4111 1111', '1111 1111'];
    for (const message of messages) {
      const { text, amended } = live.push(message, 'customer');
      stored.push(text);
      for (const { index, text: amendedText } of amended) stored[index] = amendedText;
    }
    const rebuilt = createConversationRedactor();
    for (const text of stored)
      expect(rebuilt.push(text, 'customer')).toEqual({ ...redact(text), amended: [] });
  });

  it('numbers pushes from firstIndex', () => {
    const conversation = createConversationRedactor({ firstIndex: 41 });
    conversation.push('card 4111 1111', 'c');
    expect(conversation.push('1111 1111', 'c').amended[0]?.index).toBe(41);
  });

  it('keeps a bounded tail per sender', () => {
    const conversation = createConversationRedactor();
    conversation.push(`${'x '.repeat(5_000)}card 4111 1111`, 'customer');
    expect(conversation.push('1111 1111', 'customer').text).toBe('[card ••••1111]');
  });
});
