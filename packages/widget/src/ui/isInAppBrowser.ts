/**
 * The in-app browsers of X (Twitter), Facebook, Messenger and Instagram, by their user-agent
 * tokens. Each keeps its own cookie jar, so the customer is rarely signed in to the bank there.
 * https://developers.facebook.com/docs/sharing/best-practices (FBAN/FBAV), Instagram's
 * `Instagram <version>`, X's `Twitter for …`.
 */
const IN_APP_BROWSER_REGEX = /\b(?:FBAN|FBAV|FB_IAB|FBIOS|Instagram|Twitter(?:Android)?)\b/;

/**
 * Whether the page runs inside a social app's in-app browser.
 *
 * @example
 * isInAppBrowser('Mozilla/5.0 … [FBAN/FBIOS;FBAV/440.0]'); // true
 */
export function isInAppBrowser(userAgent: string): boolean {
  return IN_APP_BROWSER_REGEX.test(userAgent);
}
