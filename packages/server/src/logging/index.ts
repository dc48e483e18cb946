/** Logging: pino JSON lines that never hold message text, tokens, phone or account numbers. */
export { createLogger } from './createLogger.js';
export { LOG_REDACT_PATHS, REDACTED, SENSITIVE_LOG_KEYS } from './logRedactPaths.js';
export { scrubLogText } from './scrubLogText.js';
export { scrubLogValue, serializeRequest } from './scrubLogValue.js';
export { createRequestId, withRequestId } from './withRequestId.js';
