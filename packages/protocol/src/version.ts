/**
 * The protocol's version. Clients send the major in the handshake (`auth.v`); a server refuses a
 * major it does not speak with `UNSUPPORTED_PROTOCOL_VERSION` instead of guessing.
 *
 * @example
 * io('/customer', { auth: { token, v: PROTOCOL_MAJOR } });
 */
export const PROTOCOL_VERSION = '1.0.0';

/** The major part of {@link PROTOCOL_VERSION}: the only part that changes compatibility. */
export const PROTOCOL_MAJOR = 1;
