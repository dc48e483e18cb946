import { findSensitive } from './findSensitive.js';

/**
 * Whether `text` holds anything {@link redact} would mask: the widget warns before sending and
 * can show the masked preview.
 *
 * @example containsSensitiveNumber('IBAN NL91 ABNA 0417 1643 00') // true
 */
export function containsSensitiveNumber(text: string): boolean {
  return findSensitive(text).length > 0;
}
