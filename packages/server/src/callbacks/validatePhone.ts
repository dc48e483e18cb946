import { ParleyError } from '@parley/protocol';
import { isValidPhoneNumber } from 'libphonenumber-js';

/**
 * Checks an E.164 number against the numbering plan of its country (the protocol checked only
 * its syntax, so the widget does not carry libphonenumber's metadata).
 *
 * @example
 * assertDiallable('+48601234567', 'phone');
 */
export function assertDiallable(phone: string, path: string): void {
  if (!isValidPhoneNumber(phone)) {
    throw new ParleyError(
      'VALIDATION_FAILED',
      'This phone number does not exist in its country’s numbering plan. Check the digits and the country code.',
      { path },
    );
  }
}
