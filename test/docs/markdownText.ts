/** A fence line opening or closing a code block: three or more backticks or tildes. */
const FENCE_REGEX = /^\s{0,3}(`{3,}|~{3,})/;
/** An inline code span (single backticks; the docs use no longer runs inside text). */
const CODE_SPAN_REGEX = /`[^`\n]*`/g;

/** One line of a Markdown file and whether it lies inside a fenced code block. */
export interface MarkdownLine {
  /** 1-based line number. */
  number: number;
  text: string;
  inFence: boolean;
  /** Whether this line opens or closes a fenced block. */
  fence: 'open' | 'close' | null;
}

/**
 * The lines of a Markdown document, each marked as prose or fenced code (fence lines themselves
 * count as code).
 *
 * @example
 * markdownLines('a\n```sh\nls\n```').map((l) => l.inFence); // [false, true, true, true]
 */
export function markdownLines(markdown: string): MarkdownLine[] {
  let fence: string | null = null;
  return markdown.split('\n').map((text, index) => {
    const marker = FENCE_REGEX.exec(text)?.[1];
    let inFence = fence !== null;
    let event: MarkdownLine['fence'] = null;
    if (marker !== undefined) {
      if (fence === null) {
        fence = marker;
        event = 'open';
      } else if (marker[0] === fence[0] && marker.length >= fence.length) {
        fence = null;
        event = 'close';
      }
      inFence = true;
    }
    return { number: index + 1, text, inFence, fence: event };
  });
}

/**
 * A line of prose without its code spans, so `[x](y)` written as code is not taken for a link.
 *
 * @example
 * withoutCodeSpans('see `[a](b)` and [c](d)'); // 'see  and [c](d)'
 */
export function withoutCodeSpans(text: string): string {
  return text.replace(CODE_SPAN_REGEX, '');
}
