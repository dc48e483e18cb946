import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, linkArchive, macText, verifyChain } from './archiveChain.js';
import type { ArchiveInput, ArchiveRecord } from './records.js';

const key = randomBytes(32);
const SYSTEM = { role: 'system', id: null, name: null } as const;

/** Builds a chain the way a store does: message-like entries keep only their text's MAC. */
function chain(
  inputs: ArchiveInput[],
  conversationId = 'cv_AAAAAAAAAAAAAAAAAAAAAA',
): ArchiveRecord[] {
  const records: ArchiveRecord[] = [];
  let previous = GENESIS_HASH;
  for (const [i, input] of inputs.entries()) {
    const messageLike = ['message', 'note', 'system', 'amendment'].includes(input.type);
    const unsigned = {
      ...input,
      conversationId,
      index: i + 1,
      text: messageLike ? null : input.text,
      textMac: messageLike && input.text !== null ? macText(key, input.text) : null,
    };
    previous = linkArchive(key, previous, unsigned);
    records.push({ ...unsigned, hash: previous });
  }
  return records;
}

function input(type: ArchiveInput['type'], seq: number | null, text: string | null): ArchiveInput {
  return { type, at: '2026-03-02T09:00:00.000Z', actor: SYSTEM, seq, text, data: { n: 1 } };
}

const INPUTS = [
  input('handoff_created', null, 'Blocked card'),
  input('message', 1, 'my account is 40817810'),
  input('message', 2, 'Let me check'),
  input('transferred', null, 'Over to cards'),
  input('amendment', 1, 'my account is ••••7810'),
  input('closed', null, null),
];
const TEXTS = new Map([
  [1, 'my account is ••••7810'],
  [2, 'Let me check'],
]);

/**
 * The canonical form as the chain has always defined it, written the first way: archives signed
 * by every earlier release must keep verifying, so any rewrite must give the same string.
 */
function referenceCanonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${referenceCanonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function brokenAt(records: ArchiveRecord[], texts?: ReadonlyMap<number, string>) {
  const result = verifyChain(key, records, texts);
  return result.ok ? null : result.brokenAt;
}

describe('archiveChain', () => {
  it('computes each link as HMAC(previous hash, newline, canonical JSON with sorted keys)', () => {
    const record = chain([input('closed', null, null)])[0] as ArchiveRecord;
    const { hash, ...unsigned } = record;
    const canonical =
      '{"actor":{"id":null,"name":null,"role":"system"},"at":"2026-03-02T09:00:00.000Z",' +
      '"conversationId":"cv_AAAAAAAAAAAAAAAAAAAAAA","data":{"n":1},"index":1,"seq":null,' +
      '"text":null,"textMac":null,"type":"closed"}';
    const expected = createHmac('sha256', key)
      .update(`${GENESIS_HASH}\n${canonical}`)
      .digest('hex');
    expect(hash).toBe(expected);
    // Key order and extra properties do not change what is signed.
    const reordered = Object.fromEntries(Object.entries(unsigned).reverse()) as typeof unsigned;
    const actor = { name: null, id: null, role: 'system' } as const;
    const extra = { ...reordered, actor, hash: 'ignored', extra: 1 };
    expect(linkArchive(key, GENESIS_HASH, extra)).toBe(expected);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('signs any data, nested at any depth, in the canonical form the chain has always used', () => {
    const [first] = chain([input('transferred', null, 'Over to cards')]);
    if (first === undefined) throw new Error('no record');
    const { hash: _, ...base } = first;
    const signs = (value: unknown) => {
      const unsigned = { ...base, data: value as ArchiveRecord['data'] };
      const signed = { ...unsigned, actor: { ...unsigned.actor } };
      const expected = createHmac('sha256', key)
        .update(`${GENESIS_HASH}\n${referenceCanonical(signed)}`)
        .digest('hex');
      expect(linkArchive(key, GENESIS_HASH, unsigned)).toBe(expected);
    };
    // Keys that JavaScript itself orders differently from the sort: integer-like keys come first
    // in `Object.keys` in numeric order, and capitals sort before small letters.
    signs({ '10': 1, '9': 2, b: 1, B: 2, a: { z: 1, y: [{ d: 1, c: 2 }] } });
    signs({ A: 1, B: { a: 1, b: 2 } });
    // Sorted already, at every depth, with what JSON.stringify also leaves out or writes as null.
    signs({ a: [1, undefined, { b: null, c: 'x' }], b: undefined, c: { d: true } });
    // Values JSON.stringify would write differently: a Date (its toJSON), a function, an array
    // with a toJSON of its own.
    signs({ at: new Date(0) });
    signs({ a: () => 1, b: 1 });
    signs({ a: Object.assign([1], { toJSON: () => 'x' }) });
    // JSON values with keys in any order, and properties left undefined (which are not signed).
    const data = fc.dictionary(fc.string(), fc.option(fc.jsonValue(), { nil: undefined, freq: 4 }));
    fc.assert(
      fc.property(data, (value) => signs(value)),
      { numRuns: 500 },
    );
  });

  it('MACs text with HMAC-SHA256 under the key', () => {
    expect(macText(key, 'Hi')).toBe(createHmac('sha256', key).update('Hi').digest('hex'));
    expect(macText(randomBytes(32), 'Hi')).not.toBe(macText(key, 'Hi'));
  });

  it('verifies an intact chain and returns its head', () => {
    const records = chain(INPUTS);
    expect(verifyChain(key, records, TEXTS)).toEqual({ ok: true, head: records.at(-1)?.hash });
    expect(verifyChain(key, [])).toEqual({ ok: true, head: GENESIS_HASH });
  });

  it('detects a tampered text at its entry', () => {
    const records = chain(INPUTS).map((r) => (r.index === 4 ? { ...r, text: 'Nothing' } : r));
    expect(brokenAt(records)).toBe(4);
    const result = verifyChain(key, records);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('hash') });
  });

  it('detects a deleted entry where it was', () => {
    expect(brokenAt(chain(INPUTS).filter((r) => r.index !== 3))).toBe(3);
    expect(brokenAt(chain(INPUTS).slice(1))).toBe(1);
  });

  it('detects reordered entries at the first one out of place', () => {
    const records = chain(INPUTS);
    const swapped = [records[0], records[2], records[1], ...records.slice(3)] as ArchiveRecord[];
    expect(brokenAt(swapped)).toBe(2);
    // Renumbering the swapped entries does not help: their links no longer match.
    expect(brokenAt(swapped.map((r, i) => ({ ...r, index: i + 1 })))).toBe(2);
  });

  it('detects a changed message text at the latest entry for its seq', () => {
    const records = chain(INPUTS);
    expect(brokenAt(records, new Map(TEXTS).set(1, 'my account is 40817810'))).toBe(5);
    expect(brokenAt(records, new Map(TEXTS).set(2, 'Let me not check'))).toBe(3);
  });

  it('detects a deleted message and a message without an archive entry', () => {
    const records = chain(INPUTS);
    const missing = new Map(TEXTS);
    missing.delete(2);
    expect(verifyChain(key, records, missing)).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verifyChain(key, records, new Map(TEXTS).set(3, 'unarchived'))).toMatchObject({
      ok: false,
      brokenAt: 7,
      reason: 'message 3 has no archive entry',
    });
  });

  it('rejects a chain under another key and entries from another conversation', () => {
    expect(verifyChain(randomBytes(32), chain(INPUTS)).ok).toBe(false);
    const mixed = [
      ...chain(INPUTS.slice(0, 2)),
      ...chain(INPUTS.slice(2), 'cv_BBBBBBBBBBBBBBBBBBBBBB'),
    ];
    expect(brokenAt(mixed)).toBe(3);
  });
});
