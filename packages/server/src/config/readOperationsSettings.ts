import type { LogLevel } from './Config.js';
import type { EnvReader } from './EnvReader.js';
import { parseHttpUrl } from './parseHttpUrl.js';

/** A Redis key prefix: short and free of spaces and glob characters. */
const REDIS_PREFIX_REGEX = /^[A-Za-z0-9:_-]{1,64}$/;

/** Storage, logging, metrics and the call-back webhook. */
export interface OperationsSettings {
  databaseUrl: string | null;
  redisUrl: string | null;
  redisPrefix: string;
  logLevel: LogLevel;
  metrics: { enabled: boolean; token: string | null; port: number | null };
  callbackWebhook: { url: string; secret: string } | null;
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

function readServiceUrl(
  read: EnvReader,
  name: 'DATABASE_URL' | 'REDIS_URL',
  schemes: readonly string[],
) {
  const raw = read.string(name);
  if (raw === undefined) return null;
  let scheme = '';
  try {
    scheme = new URL(raw).protocol;
  } catch {}
  if (schemes.includes(scheme)) return raw;
  read.fail(
    name,
    `${name} must be a ${schemes.map((s) => `${s}//…`).join(' or ')} URL. Fix it or leave it unset.`,
  );
  return null;
}

/**
 * Reads the operational settings. The webhook URL and secret come as a pair: a webhook without a
 * signature could be forged, and a secret without a URL is a forgotten setting.
 *
 * @example
 * readOperationsSettings(new EnvReader({ PARLEY_LOG_LEVEL: 'debug' }), 8080).logLevel; // 'debug'
 */
export function readOperationsSettings(read: EnvReader, port: number): OperationsSettings {
  const levelRaw = read.string('PARLEY_LOG_LEVEL')?.toLowerCase() ?? 'info';
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(levelRaw)) logLevel = levelRaw as LogLevel;
  else
    read.fail(
      'PARLEY_LOG_LEVEL',
      `PARLEY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${read.quote('PARLEY_LOG_LEVEL')}. Set PARLEY_LOG_LEVEL=info or leave it unset.`,
    );

  const token = read.secret('PARLEY_METRICS_TOKEN') ?? null;
  const metricsPort = read.integer('PARLEY_METRICS_PORT', {
    min: 0,
    max: 65535,
    fallback: null,
    what: 'a port number',
    example: 9464,
  });
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port) {
    read.fail(
      'PARLEY_METRICS_PORT',
      `PARLEY_METRICS_PORT must differ from PARLEY_PORT (${port}): it is meant to be an internal port. Set PARLEY_METRICS_PORT=9464 or leave it unset.`,
    );
  }

  let callbackWebhook: OperationsSettings['callbackWebhook'] = null;
  const urlRaw = read.string('PARLEY_CALLBACK_WEBHOOK_URL');
  const secret = read.secret('PARLEY_CALLBACK_WEBHOOK_SECRET');
  const secretSet = read.string('PARLEY_CALLBACK_WEBHOOK_SECRET') !== undefined;
  if (urlRaw !== undefined && !secretSet) {
    read.fail(
      'PARLEY_CALLBACK_WEBHOOK_SECRET',
      'PARLEY_CALLBACK_WEBHOOK_SECRET is required with PARLEY_CALLBACK_WEBHOOK_URL: set both (the secret signs each webhook body) or neither.',
    );
  } else if (urlRaw === undefined && secretSet) {
    read.fail(
      'PARLEY_CALLBACK_WEBHOOK_URL',
      'PARLEY_CALLBACK_WEBHOOK_URL is required with PARLEY_CALLBACK_WEBHOOK_SECRET: set both or neither.',
    );
  } else if (urlRaw !== undefined) {
    const parsed = parseHttpUrl(urlRaw, { httpsOnly: true });
    if (!parsed.ok)
      read.fail(
        'PARLEY_CALLBACK_WEBHOOK_URL',
        `PARLEY_CALLBACK_WEBHOOK_URL ${parsed.reason}, got ${read.quote('PARLEY_CALLBACK_WEBHOOK_URL')}. Set e.g. https://crm.bank.example/parley/callbacks.`,
      );
    else if (secret !== undefined) callbackWebhook = { url: parsed.value, secret };
  }

  let redisPrefix = read.string('PARLEY_REDIS_PREFIX') ?? 'parley';
  if (!REDIS_PREFIX_REGEX.test(redisPrefix)) {
    read.fail(
      'PARLEY_REDIS_PREFIX',
      `PARLEY_REDIS_PREFIX must be 1–64 letters, digits, ':', '_' or '-', got ${read.quote('PARLEY_REDIS_PREFIX')}. Set e.g. PARLEY_REDIS_PREFIX=parley-prod.`,
    );
    redisPrefix = 'parley';
  }

  return {
    databaseUrl: readServiceUrl(read, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisPrefix,
    redisUrl: readServiceUrl(read, 'REDIS_URL', ['redis:', 'rediss:']),
    logLevel,
    metrics: { enabled: token !== null || metricsPort !== null, token, port: metricsPort },
    callbackWebhook,
  };
}
