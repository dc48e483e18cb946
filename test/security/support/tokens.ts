import { createHmac, createSign, type KeyObject } from 'node:crypto';
import { PROTOCOL_MAJOR } from '@parley/protocol';
import { io } from 'socket.io-client';
import { TEST_ENV } from '../../../packages/server/test/harness.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS with any header and payload, HMAC-SHA256 over `key` (or unsigned for `none`). */
export function signHs256(
  payload: Record<string, unknown>,
  key: string | Buffer,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** RS256 over an RSA private key, as a real identity provider signs. */
export function signRs256(payload: Record<string, unknown>, privateKey: KeyObject): string {
  const input = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

/** `alg: none`: the header says no signature, the signature part is empty (RFC 7519 §6.1). */
export function unsigned(payload: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

/** Replaces a token's payload and keeps its header and signature, as a tamperer would. */
export function tampered(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
  return `${header}.${b64({ ...claims, ...change })}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);

/** Valid agent claims for the test server's agent audience and issuer. */
export function agentClaims(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: 'olga',
    name: 'Olga',
    roles: ['agent', 'compliance'],
    teams: ['social-care'],
    iss: TEST_ENV.PARLEY_AGENT_JWT_ISSUER,
    aud: TEST_ENV.PARLEY_AGENT_JWT_AUDIENCE,
    iat: now(),
    exp: now() + 600,
    ...change,
  };
}

/** Valid identity claims for the test server's customer audience and issuer. */
export function customerClaims(change: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: 'cust-anna',
    name: 'Anna',
    iss: TEST_ENV.PARLEY_CUSTOMER_JWT_ISSUER,
    aud: TEST_ENV.PARLEY_CUSTOMER_JWT_AUDIENCE,
    iat: now(),
    exp: now() + 600,
    ...change,
  };
}

export const agentToken = (change: Record<string, unknown> = {}) =>
  signHs256(agentClaims(change), TEST_ENV.PARLEY_AGENT_JWT_SECRET);
export const identityToken = (change: Record<string, unknown> = {}) =>
  signHs256(customerClaims(change), TEST_ENV.PARLEY_CUSTOMER_JWT_SECRET);

/** What a handshake came to: connected, or refused with the error's code. */
export type HandshakeResult = { connected: true } | { connected: false; code: string | undefined };

/**
 * Opens a real socket.io-client connection with `options` (auth, query, headers) and reports
 * whether the server let it in; the socket is closed either way.
 *
 * @example
 * expect(await handshake(t.url, '/agent', { auth: { token, v: 1 } })).toEqual({ connected: true });
 */
export function handshake(
  url: string,
  namespace: string,
  options: {
    auth?: Record<string, unknown>;
    query?: Record<string, string>;
    extraHeaders?: Record<string, string>;
    transports?: ('websocket' | 'polling')[];
  },
): Promise<HandshakeResult> {
  const socket = io(`${url}${namespace}`, {
    transports: options.transports ?? ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 10_000,
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.query === undefined ? {} : { query: options.query }),
    ...(options.extraHeaders === undefined ? {} : { extraHeaders: options.extraHeaders }),
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve({ connected: true });
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve({ connected: false, code: error.data?.code });
    });
  });
}

/** The handshake `auth` of the current protocol. */
export const auth = (token: string) => ({ token, v: PROTOCOL_MAJOR });
