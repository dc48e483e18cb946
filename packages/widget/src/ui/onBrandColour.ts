/** `#rgb` or `#rrggbb`. Other colour syntaxes keep the default white text. */
const HEX_COLOUR_REGEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** WCAG 2.1 relative luminance of one sRGB channel (0–255). https://www.w3.org/TR/WCAG21/#dfn-relative-luminance */
function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * The text colour for a bank's brand colour, white or near-black, whichever contrasts more: a
 * pale brand colour must not leave white text below 4.5:1.
 *
 * @example
 * onBrandColour('#ffd400'); // '#1b1f24'
 * onBrandColour('#0b5cad'); // '#ffffff'
 */
export function onBrandColour(brand: string): string {
  if (!HEX_COLOUR_REGEX.test(brand)) return '#ffffff';
  const hex = brand.length === 4 ? [...brand.slice(1)].map((c) => c + c).join('') : brand.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => channel(Number.parseInt(hex.slice(i, i + 2), 16)));
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  // Contrast with white: 1.05 / (L + 0.05); with #1b1f24 (L ≈ 0.0137): (L + 0.05) / 0.0637.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0637 ? '#ffffff' : '#1b1f24';
}
