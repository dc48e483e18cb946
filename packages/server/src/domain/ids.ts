import { randomFillSync } from 'node:crypto';

/** Bytes drawn from the CSPRNG at once: one system call serves 256 ids instead of one. */
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** The next 16 unused random bytes; every byte is handed out once. */
function random16(): Buffer {
  if (offset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

/** The id prefixes, one per kind of object, so an id in a log says what it names. */
export const ID_PREFIXES = {
  conversation: 'cv',
  handoff: 'ho',
  message: 'm',
  callback: 'cb',
  legalHold: 'lh',
  audit: 'au',
  serviceKey: 'sk',
} as const;

/**
 * A new unguessable id: the kind's prefix and 128 random bits in base64url (22 characters),
 * matching `ID_REGEX` in the protocol. Ids are never the only guard — every request is
 * authorised for the object it names — but guessing one must not be a way in.
 *
 * @example
 * newId('conversation'); // 'cv_3q2YpX0b1nVf8kLmT9wR4A'
 */
export function newId(kind: keyof typeof ID_PREFIXES): string {
  return `${ID_PREFIXES[kind]}_${random16().toString('base64url')}`;
}
