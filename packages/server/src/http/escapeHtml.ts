/** The characters that end text or an attribute value in HTML. */
const HTML_SPECIAL_CHARS = /[&<>"']/g;

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('a"b'); // 'a&#34;b'
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL_CHARS, (c) => `&#${c.charCodeAt(0)};`);
}
