import { createHmac } from 'node:crypto';
import type { ArchiveInput, ArchiveRecord } from './records.js';

/**
 * The archive's tamper evidence. Each entry's `hash` is an HMAC over the previous entry's hash and
 * the entry itself, so editing, deleting or reordering any stored entry breaks every link after it,
 * and nobody without the chain key can forge a consistent chain. Every store links entries with
 * these functions, so a chain written by SQLite verifies after migration to PostgreSQL.
 */

/** The `previousHash` of a conversation's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const MESSAGE_LIKE: ReadonlySet<ArchiveInput['type']> = new Set([
  'message',
  'note',
  'system',
  'amendment',
]);

/**
 * Whether an entry's text lives in the message row (so the archive keeps only its MAC).
 *
 * @example
 * isMessageLike('amendment'); // true
 * isMessageLike('transferred'); // false
 */
export function isMessageLike(type: ArchiveInput['type']): boolean {
  return MESSAGE_LIKE.has(type);
}

/**
 * Hex HMAC-SHA256 of a text under the chain key. A keyed MAC rather than a plain hash because
 * a masked text such as "account ••••7810" leaves few enough unknown digits to brute-force a hash.
 *
 * @example
 * macText(key, 'Hello'); // '3f1c…' (64 hex characters)
 */
export function macText(key: Uint8Array, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/**
 * The next link of a conversation's chain: hex HMAC-SHA256 under `key` of
 * `previousHash + '\n' + canonical JSON of the record`.
 *
 * @example
 * const hash = linkArchive(key, GENESIS_HASH, { conversationId: 'cv_…', index: 1, … });
 */
export function linkArchive(
  key: Uint8Array,
  previousHash: string,
  record: Omit<ArchiveRecord, 'hash'>,
): string {
  // Only the known fields, rebuilt explicitly: a store that returns an extra column (or a record
  // that still carries its `hash`) must not change what is signed. Written in canonical (sorted)
  // key order, so that with canonical data JSON.stringify writes the canonical form itself
  // (isCanonical), and canonicalJson is left for data that is not.
  const signed = {
    actor: { id: record.actor.id, name: record.actor.name, role: record.actor.role },
    at: record.at,
    conversationId: record.conversationId,
    data: record.data,
    index: record.index,
    seq: record.seq,
    text: record.text,
    textMac: record.textMac,
    type: record.type,
  };
  return createHmac('sha256', key)
    .update(
      `${previousHash}\n${isCanonical(signed) ? JSON.stringify(signed) : canonicalJson(signed)}`,
      'utf8',
    )
    .digest('hex');
}

/** The outcome of {@link verifyChain}; `brokenAt` is the 1-based chain position that failed. */
export type ChainVerification =
  | { ok: true; head: string }
  | { ok: false; brokenAt: number; reason: string };

/**
 * Recomputes every link of one conversation's archive, in the order given (as `listArchive`
 * returns it). With `currentTextsBySeq` (each message's current text, notes included), it also
 * checks that the latest message-like entry for each `seq` carries the MAC of that text, so a
 * message row edited outside `amendMessage` is caught, as is a message with no archive entry.
 *
 * @example
 * const texts = new Map(messages.map((m) => [m.seq, m.text]));
 * const result = verifyChain(key, await store.listArchive(id), texts);
 * if (!result.ok) alarm(`archive of ${id} broken at entry ${result.brokenAt}: ${result.reason}`);
 */
export function verifyChain(
  key: Uint8Array,
  records: readonly ArchiveRecord[],
  currentTextsBySeq?: ReadonlyMap<number, string>,
): ChainVerification {
  let previous = GENESIS_HASH;
  const latestBySeq = new Map<number, ArchiveRecord>();
  for (const [i, record] of records.entries()) {
    const position = i + 1;
    if (record.index !== position) {
      return broken(position, `expected entry ${position}, found entry ${record.index}`);
    }
    if (record.conversationId !== records[0]?.conversationId) {
      return broken(position, 'entry belongs to another conversation');
    }
    const { hash, ...unsigned } = record;
    if (linkArchive(key, previous, unsigned) !== hash) {
      return broken(position, 'hash does not match the entry and its predecessor');
    }
    previous = hash;
    if (isMessageLike(record.type) && record.seq !== null) latestBySeq.set(record.seq, record);
  }
  if (currentTextsBySeq) {
    const textFailure = checkTexts(key, latestBySeq, currentTextsBySeq, records.length);
    if (textFailure) return textFailure;
  }
  return { ok: true, head: previous };
}

function checkTexts(
  key: Uint8Array,
  latestBySeq: ReadonlyMap<number, ArchiveRecord>,
  texts: ReadonlyMap<number, string>,
  length: number,
): ChainVerification | null {
  const failures: { brokenAt: number; reason: string }[] = [];
  for (const [seq, record] of latestBySeq) {
    const text = texts.get(seq);
    if (text === undefined) {
      failures.push({ brokenAt: record.index, reason: `message ${seq} is missing` });
    } else if (record.textMac !== macText(key, text)) {
      failures.push({ brokenAt: record.index, reason: `message ${seq} text does not match` });
    }
  }
  for (const seq of texts.keys()) {
    if (!latestBySeq.has(seq)) {
      // Not any single entry's fault: the chain is incomplete after its last entry.
      failures.push({ brokenAt: length + 1, reason: `message ${seq} has no archive entry` });
    }
  }
  failures.sort((a, b) => a.brokenAt - b.brokenAt);
  const first = failures[0];
  return first ? broken(first.brokenAt, first.reason) : null;
}

function broken(brokenAt: number, reason: string): ChainVerification {
  return { ok: false, brokenAt, reason };
}

/**
 * JSON with object keys sorted at every depth (by UTF-16 code units, `Array#sort`'s default), so
 * equal records sign equally in every store. Properties that are `undefined` are left out, as
 * `JSON.stringify` does; array items that are `undefined` become `null`. Entries whose data is
 * canonical already are written by JSON.stringify instead (see isCanonical); the rest come here.
 */
function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}

/**
 * Whether `JSON.stringify(value)` is already its canonical JSON: JSON's own scalars, arrays, and
 * plain objects whose keys are in sorted order, at every depth, with nothing JSON.stringify would
 * turn into something else (a `toJSON` such as a Date's, a function, a Map). Such a value, which
 * every entry's data usually is, signs with one native call instead of a string built piece by
 * piece: about 2 KB less garbage and a few microseconds less per relayed message.
 */
function isCanonical(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined': // left out of objects, null in arrays: the same in both
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  const prototype = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    return prototype === Array.prototype && !('toJSON' in value) && value.every(isCanonical);
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return isSorted(keys) && keys.every((key) => isCanonical(record[key]));
}

/** Whether `keys` are in `Array#sort`'s default order (UTF-16 code units; keys are distinct). */
function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  }
  return true;
}
