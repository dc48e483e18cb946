/**
 * Character tests shared by the scanner, the keyword look-up and the URL check. Unsigned
 * comparisons keep them one test each; `NaN` (a read past the end of the text) is neither.
 */

/** Whether `code` is an ASCII letter, either case. */
export const isAsciiLetter = (code: number): boolean => ((code | 0x20) - 0x61) >>> 0 < 26;

/** Whether `code` is an ASCII digit. `^` rather than `-`: `NaN ^ 0x30` is 0x30, not a digit. */
export const isAsciiDigit = (code: number): boolean => (code ^ 0x30) < 10;
