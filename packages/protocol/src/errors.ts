/**
 * The closed map of error codes. Each carries the HTTP status it maps to and a default message
 * that tells the customer, agent or integrating developer what to do next. On the wire an error
 * is always `{ code, message }` (plus `path` for validation failures).
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: {
    status: 401,
    message:
      'Sign in again: the token is missing, malformed, expired or not meant for this service.',
  },
  TOKEN_EXPIRED: {
    status: 401,
    message: 'The session has expired. Fetch a fresh token and send it with session:refresh.',
  },
  FORBIDDEN: {
    status: 403,
    message: 'You are signed in, but not allowed to do this. Ask a supervisor for access.',
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: 'This page is not on the server’s allowed origins. Add it to PARLEY_ALLOWED_ORIGINS.',
  },
  UNSUPPORTED_PROTOCOL_VERSION: {
    status: 400,
    message:
      'This client speaks a protocol version the server does not. Update the widget or console.',
  },
  VALIDATION_FAILED: {
    status: 400,
    message: 'The request is not valid. Check the field named in `path`.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'The request is too large. Shorten the text and try again.',
  },
  NOT_FOUND: {
    status: 404,
    message: 'Nothing exists at this address.',
  },
  HANDOFF_NOT_FOUND: {
    status: 404,
    message: 'This link is not valid. Check it was copied completely, or start a new chat.',
  },
  HANDOFF_EXPIRED: {
    status: 410,
    message: 'This link has expired. Start a new chat or ask for a call back.',
  },
  HANDOFF_ALREADY_CLAIMED: {
    status: 409,
    message: 'This link has already been used. Start a new chat or ask for a call back.',
  },
  HANDOFF_REVOKED: {
    status: 410,
    message: 'This link was withdrawn by the bank. Start a new chat or ask for a call back.',
  },
  CONVERSATION_NOT_FOUND: {
    status: 404,
    message: 'This conversation does not exist or is not yours. Start a new chat.',
  },
  CONVERSATION_CLOSED: {
    status: 409,
    message: 'This conversation has ended. Start a new chat to continue.',
  },
  CALLBACK_NOT_FOUND: {
    status: 404,
    message: 'This call-back request does not exist or is not yours.',
  },
  AGENT_NOT_FOUND: {
    status: 404,
    message: 'No such agent. Pick an agent from your team list.',
  },
  TEAM_NOT_FOUND: {
    status: 404,
    message: 'No such team. Check the team id in the server configuration.',
  },
  CONFLICT: {
    status: 409,
    message: 'Someone else changed this at the same moment. Reload it and try again.',
  },
  LEGAL_HOLD: {
    status: 409,
    message: 'This data is under legal hold and cannot be erased until compliance lifts the hold.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests. Wait a moment and try again.',
  },
  UNAVAILABLE: {
    status: 503,
    message: 'The service is briefly unavailable. Your messages are kept; try again shortly.',
  },
  INTERNAL: {
    status: 500,
    message: 'Something went wrong on our side. Try again; if it persists, quote the request id.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** One of the closed set of error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every error code, in declaration order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** An error as it travels: in an ack, a REST body or a refused connection's `data`. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** For `VALIDATION_FAILED`: the dot path of the first bad field, e.g. `thread.0.url`. */
  path?: string;
}

/**
 * Whether `value` names a known error code.
 *
 * @example
 * isErrorCode('HANDOFF_EXPIRED'); // true
 */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/**
 * The one error class of Parley. Thrown by the server's handlers and services, turned into a
 * {@link WireError} at the edge; anything else thrown becomes `INTERNAL`.
 *
 * @example
 * throw new ParleyError('HANDOFF_EXPIRED');
 * throw new ParleyError('VALIDATION_FAILED', 'text: too long', { path: 'text' });
 */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options?: { path?: string; cause?: unknown }) {
    super(message ?? ERROR_CODES[code].message, { cause: options?.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.path = options?.path;
    this.status = ERROR_CODES[code].status;
  }

  /** The error as it goes on the wire: no stack, no cause. */
  toWire(): WireError {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }

  /**
   * Rebuilds an error from a wire shape, e.g. on the client after a failed ack.
   *
   * @example
   * if (!ack.ok) throw ParleyError.fromWire(ack.error);
   */
  static fromWire(error: WireError): ParleyError {
    const code = isErrorCode(error.code) ? error.code : 'INTERNAL';
    return new ParleyError(
      code,
      error.message,
      error.path === undefined ? {} : { path: error.path },
    );
  }
}
