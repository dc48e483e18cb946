import * as v from 'valibot';
import { IsoTime, int, label, PrincipalId, Token } from './primitives.js';

/**
 * The Socket.IO handshake's `auth` payload: a bearer token and the protocol's major version.
 * Tokens never travel in a URL.
 */
export const HandshakeAuth = v.strictObject({ token: Token, v: int(0, 1_000) });
export type HandshakeAuth = v.InferOutput<typeof HandshakeAuth>;

/**
 * A Parley customer session: `POST /v1/customer/sessions` trades the bank's identity token for
 * one, and the first connection with an identity token sends one as `session:issued`. Clients
 * keep it in `sessionStorage` and reconnect with it.
 */
export const SessionIssued = v.strictObject({
  token: Token,
  expiresAt: IsoTime,
  customer: v.strictObject({ id: PrincipalId, name: label() }),
});
export type SessionIssued = v.InferOutput<typeof SessionIssued>;

/** `session:refresh`: a fresh token (identity or session for customers, the IdP's for agents). */
export const RefreshSession = v.strictObject({ token: Token });
export type RefreshSession = v.InferOutput<typeof RefreshSession>;

/** The answer to `session:refresh`; customers also get a new session token. */
export const SessionRefreshed = v.strictObject({
  expiresAt: IsoTime,
  sessionToken: v.nullable(Token),
});
export type SessionRefreshed = v.InferOutput<typeof SessionRefreshed>;

/** `session:expiring`: refresh before `disconnectAt` or the socket is closed. */
export const SessionExpiring = v.strictObject({ expiresAt: IsoTime, disconnectAt: IsoTime });
export type SessionExpiring = v.InferOutput<typeof SessionExpiring>;
