import { HandshakeAuth, ParleyError, PROTOCOL_MAJOR, validate } from '@parley/protocol';

/**
 * The token from a Socket.IO handshake's `auth` payload, after checking its shape and the
 * protocol major. Tokens are read only from there: never from the query string, which ends up in
 * proxy logs and browser history.
 *
 * @example
 * const token = handshakeToken(socket.handshake.auth);
 */
export function handshakeToken(auth: unknown): string {
  const parsed = validate(HandshakeAuth, auth);
  if (!parsed.ok) {
    const versionOnly =
      typeof auth === 'object' && auth !== null && 'token' in auth && !('v' in auth);
    throw new ParleyError(
      versionOnly ? 'UNSUPPORTED_PROTOCOL_VERSION' : 'UNAUTHENTICATED',
      versionOnly
        ? `Send the protocol version in the handshake: auth = { token, v: ${PROTOCOL_MAJOR} }.`
        : 'Send a token in the handshake: auth = { token, v }.',
    );
  }
  if (parsed.value.v !== PROTOCOL_MAJOR) {
    throw new ParleyError(
      'UNSUPPORTED_PROTOCOL_VERSION',
      `This server speaks protocol ${PROTOCOL_MAJOR}; the client sent ${parsed.value.v}. Update the widget or console.`,
    );
  }
  return parsed.value.token;
}
