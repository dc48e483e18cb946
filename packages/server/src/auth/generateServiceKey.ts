import { createHash, randomBytes } from 'node:crypto';

/** Service keys start with this, so secret scanners and people can recognise a leaked one. */
export const SERVICE_KEY_PREFIX = 'psk_';

/**
 * The SHA-256 (hex) of a service key: the only form the store keeps. Keys are 256 random bits,
 * so a fast unsalted hash is enough; nothing about them is guessable.
 *
 * @example
 * store.getServiceKeyByHash(hashServiceKey(parseBearer(req.headers.authorization) ?? ''));
 */
export function hashServiceKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * A new service key (`psk_` + 32 random bytes as base64url) and its hash. Show the key once; store
 * only the hash.
 *
 * @example
 * const { key, keyHash } = generateServiceKey(); // key: 'psk_3q2…', keyHash: '9f86d0…'
 */
export function generateServiceKey(): { key: string; keyHash: string } {
  const key = `${SERVICE_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, keyHash: hashServiceKey(key) };
}
