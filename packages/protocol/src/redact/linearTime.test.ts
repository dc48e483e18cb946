import { describe, expect, it } from 'vitest';
import { createConversationRedactor } from './createConversationRedactor.js';
import { redact } from './redact.js';

const MEGABYTE = 1_000_000;
const repeat = (unit: string): string =>
  unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);

/**
 * 1 MB of input built to make a backtracking or quadratic scanner blow up. The bound is generous
 * on purpose (seconds, on a loaded CI machine): it catches exponential or quadratic behaviour,
 * not a slow day. Speed is measured by bench/redact, not asserted here.
 */
const ADVERSARIAL: Readonly<Record<string, string>> = {
  'a million digits': repeat('4111111111111111'),
  'alternating digits and dashes': repeat('4-1-1-1-'),
  'alternating digits and spaces': repeat('5 '),
  'digits and dots (dates everywhere)': repeat('1.'),
  'near-IBANs, printed': repeat('PL61 1090 1014 0000 0712 1981 287 '),
  'near-IBANs, electronic': repeat('DE8937040044053201300'),
  'cards in a row': repeat('4111 1111 1111 1111 '),
  'hex soup': repeat('a1b2c3d4e5'),
  'zero-width between digits': repeat('4\u200b'),
  'keywords and codes': repeat('cvv 123 код 4567 account 12345678 '),
  'URLs with IDs': repeat(`x.com/status/${'1'.repeat(40)} `),
  'full-width digits': repeat('４１１１ '),
  'BIKs and Russian accounts': repeat('044525225 40702810038000000000 '),
  'Arabic-Indic digits': repeat('٤١١١'),
};

describe('linear time', () => {
  it.each(Object.entries(ADVERSARIAL))('redacts 1 MB of %s within 5 s', (_, text) => {
    const started = performance.now();
    const { text: out } = redact(text);
    expect(out.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  // 8,000 pushes of 125 characters (1 MB in all) take about a second; a redactor that rescanned
  // the whole conversation on each push would scan 4 GB, over a minute. The bound sits between
  // the two, far from both: a loaded two-core machine has been seen to stretch the second to six.
  it('keeps the conversation redactor linear too', { timeout: 40_000 }, () => {
    const conversation = createConversationRedactor();
    const message = repeat('4 1 ').slice(0, 125);
    const started = performance.now();
    for (let i = 0; i < 8_000; i++) conversation.push(message, 'customer');
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
