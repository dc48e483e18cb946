import * as v from 'valibot';
import type { WireError } from './errors.js';
import { ERROR_CODES } from './errors.js';

/**
 * A message for one issue that never echoes the input back: valibot's defaults quote the received
 * value, which could be a megabyte of text or a card number.
 */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  // A strict object reports an unknown key as "Expected never"; say what to do instead.
  if (issue.expected === 'never') return 'Unknown field; remove it.';
  if (issue.kind === 'schema') return `Expected ${issue.expected ?? 'another type'}.`;
  if (issue.received !== '' && issue.message.includes(issue.received)) {
    return `Invalid value; expected ${issue.expected ?? 'another value'}.`;
  }
  return issue.message;
}

/** The outcome of {@link validate}: the parsed value, or a `VALIDATION_FAILED` wire error. */
export type Validated<T> = { ok: true; value: T } | { ok: false; error: WireError };

/**
 * Validates untrusted input against a protocol schema. Never throws: hostile input (getters that
 * throw, cyclic objects) comes back as `VALIDATION_FAILED` like any other bad input. The parsed
 * value is a fresh object holding only the schema's keys, so `__proto__` and friends never reach
 * a handler.
 *
 * @example
 * const result = validate(SendMessage, payload);
 * if (!result.ok) return ack({ ok: false, error: result.error });
 */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): Validated<v.InferOutput<TSchema>> {
  try {
    const result = v.safeParse(schema, input, { abortPipeEarly: true });
    if (result.success) return { ok: true, value: result.output };
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? '';
    const message = describeIssue(issue);
    const detail = path === '' ? message : `${path}: ${message}`;
    return {
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: `Invalid request. ${detail}`, path },
    };
  } catch {
    return {
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: ERROR_CODES.VALIDATION_FAILED.message,
        path: '',
      },
    };
  }
}
