import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('makes http(s) URLs links and leaves sentence punctuation as text', () => {
    expect(linkify('See https://bank.example/help. Or HTTP://x.com/a?b=1)')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://bank.example/help', href: 'https://bank.example/help' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'HTTP://x.com/a?b=1', href: 'HTTP://x.com/a?b=1' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('never links another scheme', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://bank.example',
      'https://',
    ]) {
      expect(linkify(text).every((part) => part.kind === 'text')).toBe(true);
    }
  });

  it('stays linear on long adversarial input', () => {
    const text = `${'https://'.repeat(20_000)}${'.'.repeat(20_000)}`;
    const started = performance.now();
    linkify(text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
