import { describe, expect, it } from 'vitest';
import { createMessageLog } from './messageLog.js';

const m = (seq: number, text = `m${seq}`) => ({ seq, text, redactions: [] as string[] });

describe('createMessageLog', () => {
  it('keeps each message once, in seq order, however often it arrives', () => {
    const log = createMessageLog();
    log.merge([m(2), m(1)]);
    expect(log.merge([m(1), m(2)]).added).toBe(0);
    expect(log.messages().map((x) => x.seq)).toEqual([1, 2]);
  });

  it('reports a gap and resumes from the contiguous seq', () => {
    const log = createMessageLog();
    expect(log.merge([m(1), m(2)]).gap).toBe(false);
    expect(log.merge([m(4)]).gap).toBe(true);
    expect(log.contiguousSeq()).toBe(2);
    expect(log.merge([m(3)]).gap).toBe(false);
    expect(log.contiguousSeq()).toBe(4);
  });

  it('replaces an amended text without keeping the old one', () => {
    const log = createMessageLog();
    log.merge([m(1, 'my account is 40817810')]);
    expect(log.amend(1, 'my account is [account ••••]', ['account'])).toBe(true);
    expect(JSON.stringify(log.messages())).not.toContain('40817810');
    expect(log.amend(9, 'x', [])).toBe(false);
  });
});
