import { createHash, randomBytes } from 'node:crypto';

/**
 * A new handoff code: 128 bits from the operating system's CSPRNG, 22 base64url characters.
 * The code goes in a public link, so it must be unguessable; the server keeps only its hash.
 *
 * @example
 * const code = newHandoffCode(); // 'Yb3kQ9zR2mX8pL4wT7vN1c'
 */
export function newHandoffCode(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The SHA-256 of a code, hex. Lookups go through the hash, so every code — real or guessed —
 * takes the same path, and a leaked database does not leak claimable links.
 *
 * @example
 * hashHandoffCode('Yb3kQ9zR2mX8pL4wT7vN1c').length; // 64
 */
export function hashHandoffCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
