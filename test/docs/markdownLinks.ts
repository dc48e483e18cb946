import { markdownLines, withoutCodeSpans } from './markdownText.js';

/** An inline link or image: `[text](target)` or `![alt](target "title")`. */
const INLINE_LINK_REGEX = /\[[^\]\n]*\]\(([^)\s]+)(?:\s+"[^"\n]*")?\)/g;
/** A reference definition: `[label]: target`. */
const REFERENCE_REGEX = /^\s{0,3}\[[^\]\n]+\]:\s*(\S+)/;
/** An HTML anchor a link may point at: `<a id="x">` or `<a name="x">`. */
const HTML_ANCHOR_REGEX = /<a\s+(?:id|name)="([^"\n]+)"/g;
/** An ATX heading: `## Text`, with optional closing hashes. */
const HEADING_REGEX = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
/** A link inside heading text, whose visible text is what the anchor is made from. */
const HEADING_LINK_REGEX = /\[([^\]\n]*)\]\([^)\n]*\)/g;
/** What GitHub drops from heading text when it makes an anchor: all but letters, digits, marks, `_`, `-` and spaces. */
const ANCHOR_DROPPED_REGEX = /[^\p{L}\p{N}\p{M}\p{Pc}\- ]/gu;
const SPACE_REGEX = / /g;
/** A target with a scheme (`https:`, `mailto:`) points outside the repository. */
const SCHEME_REGEX = /^[a-z][a-z0-9+.-]*:/i;

/** A link found in a Markdown file. */
export interface MarkdownLink {
  line: number;
  target: string;
}

/**
 * The relative links (and same-file `#anchor` links) of a Markdown document, outside code.
 *
 * @example
 * relativeLinks('[Deploy](docs/deployment.md#tls) and [site](https://bank.example)');
 * // [{ line: 1, target: 'docs/deployment.md#tls' }]
 */
export function relativeLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const line of markdownLines(markdown)) {
    if (line.inFence) continue;
    const text = withoutCodeSpans(line.text);
    const targets = [...text.matchAll(INLINE_LINK_REGEX)].map((match) => match[1] ?? '');
    const reference = REFERENCE_REGEX.exec(text)?.[1];
    if (reference !== undefined) targets.push(reference);
    for (const target of targets) {
      if (!SCHEME_REGEX.test(target)) links.push({ line: line.number, target });
    }
  }
  return links;
}

/**
 * The anchor GitHub gives a heading: its visible text, lower-cased, punctuation dropped, spaces
 * turned into hyphens.
 *
 * @example
 * headingAnchor('`/customer`: what the widget sends'); // 'customer-what-the-widget-sends'
 */
export function headingAnchor(heading: string): string {
  return heading
    .replace(HEADING_LINK_REGEX, '$1')
    .toLowerCase()
    .replace(ANCHOR_DROPPED_REGEX, '')
    .replace(SPACE_REGEX, '-');
}

/**
 * Every anchor a document offers: its headings' (repeated headings get `-1`, `-2`, … as on
 * GitHub) and explicit HTML anchors.
 *
 * @example
 * anchorsOf('# A\n## A'); // Set { 'a', 'a-1' }
 */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of markdownLines(markdown)) {
    if (line.inFence) continue;
    for (const match of line.text.matchAll(HTML_ANCHOR_REGEX)) anchors.add(match[1] ?? '');
    const heading = HEADING_REGEX.exec(line.text)?.[1];
    if (heading === undefined) continue;
    const base = headingAnchor(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}
