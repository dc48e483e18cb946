import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { TrustProxy } from './Config.js';
import type { EnvReader } from './EnvReader.js';
import { parseFrameAncestors } from './parseFrameAncestors.js';
import { parseHttpUrl, parseOrigin } from './parseHttpUrl.js';
import { parseTrustProxy } from './parseTrustProxy.js';

/** A host name: letters, digits, dots and dashes (IP addresses are checked with `isIP`). */
const HOST_NAME_REGEX = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** Where the server listens and which web origins it serves. */
export interface NetworkSettings {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  chatUrl: string;
  consoleSignInUrl: string | null;
  customerSignInUrl: string | null;
  allowedOrigins: string[];
  frameAncestors: string[];
  trustProxy: TrustProxy;
}

function readUrl(
  read: EnvReader,
  name:
    | 'PARLEY_PUBLIC_URL'
    | 'PARLEY_CHAT_URL'
    | 'PARLEY_CONSOLE_SIGN_IN_URL'
    | 'PARLEY_CUSTOMER_SIGN_IN_URL',
  fallback: string,
) {
  const raw = read.string(name);
  if (raw === undefined) return fallback;
  const parsed = parseHttpUrl(raw);
  if (parsed.ok) return parsed.value;
  read.fail(
    name,
    `${name} ${parsed.reason}, got ${read.quote(name)}. Set e.g. ${name}=https://chat.bank.example or leave it unset.`,
  );
  return fallback;
}

/**
 * Reads the network settings. The demo binds to loopback by default because it hands out demo
 * tokens to anyone who can reach it; production binds to every interface (containers).
 *
 * @example
 * readNetworkSettings(new EnvReader({ PARLEY_PORT: '0' }), '/srv', false).publicUrl; // 'http://localhost:0'
 */
export function readNetworkSettings(read: EnvReader, cwd: string, demo: boolean): NetworkSettings {
  const port = read.integer('PARLEY_PORT', {
    min: 0,
    max: 65535,
    fallback: 8080,
    what: 'a port number',
    example: 8080,
  });
  let host = read.string('PARLEY_HOST') ?? (demo ? '127.0.0.1' : '0.0.0.0');
  if (isIP(host) === 0 && !HOST_NAME_REGEX.test(host)) {
    read.fail(
      'PARLEY_HOST',
      `PARLEY_HOST must be an IP address or host name, got ${read.quote('PARLEY_HOST')}. Set PARLEY_HOST=0.0.0.0 or leave it unset.`,
    );
    host = '0.0.0.0';
  }
  const dataDir = resolve(cwd, read.string('PARLEY_DATA_DIR') ?? './data');
  const publicUrl = readUrl(read, 'PARLEY_PUBLIC_URL', `http://localhost:${port}`);
  const chatUrl = readUrl(read, 'PARLEY_CHAT_URL', `${publicUrl}/chat`);
  const signIn = readUrl(read, 'PARLEY_CONSOLE_SIGN_IN_URL', '');
  const consoleSignInUrl = signIn === '' ? null : signIn;
  const customerSignIn = readUrl(read, 'PARLEY_CUSTOMER_SIGN_IN_URL', '');
  const customerSignInUrl = customerSignIn === '' ? null : customerSignIn;

  const publicOrigin = new URL(publicUrl).origin;
  const defaults = demo
    ? [publicOrigin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]
    : [publicOrigin];
  let allowedOrigins = [...new Set(defaults)];
  const originsRaw = read.string('PARLEY_ALLOWED_ORIGINS');
  if (originsRaw !== undefined) {
    const entries = originsRaw
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const parsed = entries.map((entry) => ({ entry, result: parseOrigin(entry) }));
    const bad = parsed.find((p) => !p.result.ok);
    if (entries.length === 0 || bad !== undefined) {
      const what =
        bad === undefined
          ? 'is empty'
          : `has ${JSON.stringify(bad.entry.slice(0, 60))}, which ${bad.result.ok ? '' : bad.result.reason}`;
      read.fail(
        'PARLEY_ALLOWED_ORIGINS',
        `PARLEY_ALLOWED_ORIGINS ${what}. List exact origins separated by commas, e.g. PARLEY_ALLOWED_ORIGINS=https://bank.example,https://www.bank.example (never *).`,
      );
    } else {
      allowedOrigins = [...new Set(parsed.map((p) => (p.result.ok ? p.result.value : '')))];
    }
  }

  let frameAncestors = ["'self'"];
  const ancestorsRaw = read.string('PARLEY_FRAME_ANCESTORS');
  if (ancestorsRaw !== undefined) {
    const parsed = parseFrameAncestors(ancestorsRaw);
    if (parsed.ok) frameAncestors = parsed.value;
    else
      read.fail(
        'PARLEY_FRAME_ANCESTORS',
        `PARLEY_FRAME_ANCESTORS ${parsed.reason}. Set e.g. PARLEY_FRAME_ANCESTORS="'self' https://*.bank.example" or leave it unset.`,
      );
  }

  let trustProxy: TrustProxy = false;
  const proxyRaw = read.string('PARLEY_TRUST_PROXY');
  if (proxyRaw !== undefined) {
    const parsed = parseTrustProxy(proxyRaw);
    if (parsed.ok) trustProxy = parsed.value;
    else
      read.fail(
        'PARLEY_TRUST_PROXY',
        `PARLEY_TRUST_PROXY ${parsed.reason}, got ${read.quote('PARLEY_TRUST_PROXY')}. Set PARLEY_TRUST_PROXY=1 behind one load balancer, or leave it unset.`,
      );
  }
  return {
    port,
    host,
    dataDir,
    publicUrl,
    chatUrl,
    consoleSignInUrl,
    customerSignInUrl,
    allowedOrigins,
    frameAncestors,
    trustProxy,
  };
}
