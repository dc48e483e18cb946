import { redact } from './redact.js';
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

interface Last {
  readonly index: number;
  /** The redacted text, or undefined when the message was too long to keep. */
  readonly out: string | undefined;
  readonly findings: readonly Finding[];
  readonly tail: string;
  readonly tailStart: number;
}

/** Merges findings that overlap into the first of them, so nothing either one hid shows. */
function merge(findings: Finding[]): Finding[] {
  const sorted = findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of sorted) {
    const last = kept[kept.length - 1];
    if (last && finding.start < last.end) {
      if (finding.end > last.end) kept[kept.length - 1] = { ...last, end: finding.end };
    } else kept.push(finding);
  }
  return kept;
}

function render(text: string, findings: readonly Finding[], upTo = text.length): string {
  let out = '';
  let at = 0;
  for (const finding of findings) {
    if (finding.start >= upTo) break;
    out += text.slice(at, finding.start) + finding.mask;
    at = finding.end;
  }
  return out + text.slice(at, upTo);
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
      const previous = senders.get(sender);
      let straddleEnd = 0;
      if (previous?.tail) {
        const head = text.slice(0, HEAD_CHARS);
        const boundary = previous.tail.length + 1;
        const reliableEnd = head.length < text.length ? boundary + head.length - 40 : Infinity;
        const joined = redact(`${previous.tail} ${head}`, options).findings;
        const extra: Finding[] = [];
        for (const f of joined) {
          if (f.end <= boundary || f.end > reliableEnd) continue;
          if (f.start >= boundary) {
            extra.push({ ...f, start: f.start - boundary, end: f.end - boundary });
            continue;
          }
          let start = 0;
          while (start < f.end - boundary && isTokenBreak(text.charCodeAt(start))) start++;
          extra.push({ ...f, start, end: f.end - boundary });
          straddleEnd = f.end - boundary;
          if (previous.out === undefined) continue;
          // The earlier part: from the finding's start to the end of the earlier message.
          let rawStart = previous.tailStart + f.start;
          for (const g of previous.findings)
            if (g.start < rawStart && g.end > rawStart) rawStart = g.start;
          const kept = previous.findings.filter((g) => g.end <= rawStart);
          amended.push({
            index: previous.index,
            text: rebuild(previous.out, kept, rawStart, f.mask),
          });
        }
        findings = merge([...extra, ...findings]);
      }
      const out = render(text, findings);
      senders.delete(sender);
      if (senders.size >= SENDERS_MAX) senders.delete(senders.keys().next().value ?? '');
      const start = tailStart(text, straddleEnd);
      senders.set(sender, {
        index,
        out: text.length <= KEEP_MAX ? out : undefined,
        findings,
        tail: text.slice(start),
        tailStart: start,
      });
      return { text: out, findings, amended };
    },
  };
}

/** The earlier message's redacted text `out` up to raw offset `rawStart`, then `mask`. */
function rebuild(out: string, kept: readonly Finding[], rawStart: number, mask: string): string {
  let delta = 0;
  for (const g of kept) delta += g.mask.length - (g.end - g.start);
  return `${out.slice(0, rawStart + delta)}${mask}`;
}
