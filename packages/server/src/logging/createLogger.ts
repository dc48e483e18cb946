import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/index.js';
import { LOG_REDACT_PATHS, REDACTED } from './logRedactPaths.js';
import { scrubLogText } from './scrubLogText.js';
import { scrubLogValue, serializeRequest } from './scrubLogValue.js';

/**
 * The server's logger: JSON lines via pino, never holding message text, a token, a phone number
 * or an account number. Three layers: pino `redact` paths censor known keys; a `log` formatter
 * censors the same keys at any depth and scrubs every other string; a `logMethod` hook and the
 * `msg` serializer scrub the message itself, before and after interpolation, including one taken
 * from an error. Tests pass a `destination` so nothing
 * reaches stdout.
 *
 * @example
 * const logger = createLogger(config);
 * logger.info({ conversationId }, 'conversation claimed');
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name: 'parley',
    level: config.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED },
    serializers: {
      req: serializeRequest,
      err: (error: Error) => scrubLogValue(error),
      // pino applies the message key's serializer to the final message, after `%s` interpolation:
      // the place to catch a secret split across format arguments (`/h/%s`).
      msg: (message: unknown) => (typeof message === 'string' ? scrubLogText(message) : message),
    },
    formatters: {
      log: (object) => scrubLogValue(object) as Record<string, unknown>,
      bindings: (bindings) => scrubLogValue(bindings) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed: unknown[] = args.map((arg) =>
          typeof arg === 'string' ? scrubLogText(arg) : arg,
        );
        // pino takes the message from an error when none is given; take it here, scrubbed.
        const [first] = args;
        const error =
          first instanceof Error
            ? first
            : typeof first === 'object' && first !== null && 'err' in first
              ? (first as { err: unknown }).err
              : undefined;
        if (args.length === 1 && error instanceof Error) scrubbed.push(scrubLogText(error.message));
        method.apply(this, scrubbed as Parameters<pino.LogFn>);
      },
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
