import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES, isErrorCode, ParleyError } from './errors.js';

describe('ParleyError', () => {
  it('carries the code, the HTTP status and the default message', () => {
    const error = new ParleyError('HANDOFF_EXPIRED');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('HANDOFF_EXPIRED');
    expect(error.status).toBe(410);
    expect(error.message).toBe(ERROR_CODES.HANDOFF_EXPIRED.message);
  });

  it('goes on the wire as { code, message } without stack or cause', () => {
    const error = new ParleyError('INTERNAL', undefined, { cause: new Error('db down') });
    expect(error.toWire()).toEqual({ code: 'INTERNAL', message: ERROR_CODES.INTERNAL.message });
    expect(JSON.stringify(error.toWire())).not.toContain('db down');
  });

  it('keeps the path of a validation failure', () => {
    const error = new ParleyError('VALIDATION_FAILED', 'text: too long', { path: 'text' });
    expect(error.toWire()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'text: too long',
      path: 'text',
    });
  });

  it('rebuilds from the wire, mapping an unknown code to INTERNAL', () => {
    expect(ParleyError.fromWire({ code: 'RATE_LIMITED', message: 'slow down' }).code).toBe(
      'RATE_LIMITED',
    );
    const unknown = ParleyError.fromWire({ code: 'NOPE' as never, message: 'x' });
    expect(unknown.code).toBe('INTERNAL');
  });
});

describe('the error codes', () => {
  it('recognise only their own names, not inherited keys', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('__proto__')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('each tell the reader what to do, in one or two sentences', () => {
    for (const code of ERROR_CODE_LIST) {
      const { message, status } = ERROR_CODES[code];
      expect(message.length, code).toBeGreaterThan(15);
      expect(message.length, code).toBeLessThan(160);
      expect(status, code).toBeGreaterThanOrEqual(400);
    }
  });
});
