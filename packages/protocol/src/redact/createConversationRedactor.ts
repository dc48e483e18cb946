import { redact, render } from './redact.js';
import { isTokenBreak } from './tokenShape.js';
import type { Finding, RedactOptions, RedactResult } from './types.js';

/** Raw characters kept from the end of each sender's last message: a split number and its keyword. */
const TAIL_CHARS = 96;
/** Characters of a new message joined to that tail: enough for a 34-character IBAN in groups. */
const HEAD_CHARS = 160;
/** Longer messages are not kept for amending (their text is still redacted on its own). */
const KEEP_MAX = 16_384;
/** Senders remembered per conversation; the oldest is forgotten first. */
const SENDERS_MAX = 8;

/** Options of {@link createConversationRedactor}. */
export interface ConversationRedactorOptions extends RedactOptions {
  /** The index of the first push, when a rebuild starts after the conversation's first messages. */
  readonly firstIndex?: number;
}

/** An earlier message whose redacted text must be replaced. */
export interface AmendedMessage {
  /** The 0-based index of its push. */
  readonly index: number;
  readonly text: string;
}

/** The result of {@link ConversationRedactor.push}. */
export interface ConversationPush extends RedactResult {
  readonly amended: AmendedMessage[];
}

/** Redacts a conversation's messages in order; see {@link createConversationRedactor}. */
export interface ConversationRedactor {
  /** Redacts `text`, sent by `sender` (one key per participant; default ''). */
  push(text: string, sender?: string): ConversationPush;
}

/**
 * What is kept of a sender's last message: its push index, its redacted text (undefined when too
 * long to keep), its findings, its raw tail and where that tail starts. A tuple: internal only.
 */
type Last = [
  index: number,
  out: string | undefined,
  findings: readonly Finding[],
  tail: string,
  tailStart: number,
];

/** Merges findings that overlap into the first of them, so nothing either one hid shows. */
function merge(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (!last || finding.start >= last.end) kept.push(finding);
    else if (finding.end > last.end) kept[kept.length - 1] = { ...last, end: finding.end };
  }
  return kept;
}

/** Where the kept tail of a message starts: ~TAIL_CHARS from the end, at a token boundary. */
function tailStart(text: string, notBefore: number): number {
  let start = Math.max(notBefore, text.length - TAIL_CHARS);
  while (start > notBefore && start < text.length && !isTokenBreak(text.charCodeAt(start - 1))) {
    start++;
  }
  return start;
}

/**
 * A redactor that remembers the end of each sender's last message, so a number split over two
 * messages ("my account is 40817810" … "0990 1234 5678") is still masked: `push` then lists the
 * earlier message in `amended` with its new text. Memory is bounded (96 raw characters and one
 * redacted message per sender, at most 8 senders); after a restart, push the stored messages again.
 *
 * @example
 * const conversation = createConversationRedactor();
 * conversation.push('my card 4111 1111', 'customer');
 * conversation.push('1111 1111', 'customer');
 * // { text: '[card ••••1111]', amended: [{ index: 0, text: 'my card [card ••••1111]' }], … }
 */
export function createConversationRedactor(
  options: ConversationRedactorOptions = {},
): ConversationRedactor {
  const senders = new Map<string, Last>();
  let next = options.firstIndex ?? 0;
  return {
    push(text, sender = '') {
      const index = next++;
      let findings = redact(text, options).findings;
      const amended: AmendedMessage[] = [];
      const [
        previousIndex = 0,
        previousOut,
        previousFindings = [],
        tail = '',
        previousTailStart = 0,
      ] = senders.get(sender) ?? [];
      let straddleEnd = 0;
      if (tail) {
        const head = text.slice(0, HEAD_CHARS);
        const boundary = tail.length + 1;
        const reliableEnd = head.length < text.length ? boundary + head.length - 40 : Infinity;
        const extra: Finding[] = [];
        for (const f of redact(`${tail} ${head}`, options).findings) {
          if (f.end <= boundary || f.end > reliableEnd) continue;
          let start = f.start - boundary;
          if (start < 0) {
            // It straddles the two messages: masked in both.
            start = 0;
            while (start < f.end - boundary && isTokenBreak(text.charCodeAt(start))) start++;
            straddleEnd = f.end - boundary;
            if (previousOut !== undefined) {
              // The earlier message up to the finding's start (or the start of a mask it cuts
              // into), in redacted offsets, then the finding's mask.
              let rawStart = previousTailStart + f.start;
              let delta = 0;
              for (const g of previousFindings)
                if (g.start < rawStart && g.end > rawStart) rawStart = g.start;
              for (const g of previousFindings)
                if (g.end <= rawStart) delta += g.mask.length - (g.end - g.start);
              amended.push({
                index: previousIndex,
                text: previousOut.slice(0, rawStart + delta) + f.mask,
              });
            }
          }
          extra.push({ ...f, start, end: f.end - boundary });
        }
        findings = merge([...extra, ...findings]);
      }
      const out = render(text, findings);
      senders.delete(sender);
      if (senders.size >= SENDERS_MAX) senders.delete(senders.keys().next().value ?? '');
      const start = tailStart(text, straddleEnd);
      const kept = text.length > KEEP_MAX ? undefined : out;
      senders.set(sender, [index, kept, findings, text.slice(start), start]);
      return { text: out, findings, amended };
    },
  };
}
