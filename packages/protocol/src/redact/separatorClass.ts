import { DASH, DOT, INVISIBLE, SLASH, SPACE } from './constants.js';
/**
 * The class of a character that may sit between the digits of one number, or 0 for any other
 * character (a letter, a newline, `+`, `,`, `:` … ends the number). Line breaks are excluded on
 * purpose: a number broken over lines is rare, two numbers on two lines are common.
 *
 * @example separatorClass(0x2009) // SPACE (thin space)
 */
export function separatorClass(code: number): number {
  if (code < 0x80) {
    if (code === 0x20 || code === 0x09) return SPACE;
    if (code === 0x2d) return DASH;
    if (code === 0x2e) return DOT;
    return code === 0x2f ? SLASH : 0;
  }
  if (
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
    return SPACE;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) {
    return DASH;
  }
  if (code === 0xff0e || code === 0x2024 || code === 0xb7) return DOT;
  if (code === 0xff0f || code === 0x2044 || code === 0x2215) return SLASH;
  return code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff ||
    code === 0x180e
    ? INVISIBLE
    : 0;
}
