import * as v from 'valibot';
import { MESSAGE_TEXT_MAX, NOTE_MAX } from '../limits.js';
import { ClientMsgId, Id, IsoTime, label, PrincipalId, Seq, text } from './primitives.js';

/** Who wrote a message. `system` lines are the server's (joined, transferred, recorded notice). */
export const SENDER_ROLES = ['customer', 'agent', 'system'] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];

/** The kinds of number the redaction engine masks, as listed on a message. */
export const REDACTION_KINDS = ['card', 'iban', 'account', 'routing', 'secret'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

const MESSAGE_KINDS = ['text', 'note', 'system'] as const;

function messageSchema<const TKinds extends readonly (typeof MESSAGE_KINDS)[number][]>(
  kinds: TKinds,
) {
  return v.strictObject({
    id: Id,
    conversationId: Id,
    seq: v.pipe(Seq, v.minValue(1, 'Must be 1 or more.')),
    clientMsgId: v.nullable(ClientMsgId),
    kind: v.picklist(kinds),
    sender: v.strictObject({
      role: v.picklist(SENDER_ROLES),
      id: v.nullable(PrincipalId),
      name: v.nullable(label()),
    }),
    /** Always the redacted text; the original is never stored. Masks may lengthen it a little. */
    text: text(MESSAGE_TEXT_MAX + 1_000),
    createdAt: IsoTime,
    /** The kinds of number that were masked in this message, so clients can explain why. */
    redactions: v.array(v.picklist(REDACTION_KINDS)),
  });
}

/** A message as the server stored it, as agents receive it: internal `note`s included. */
export const Message = messageSchema(MESSAGE_KINDS);
export type Message = v.InferOutput<typeof Message>;

/**
 * A message as a customer receives it. Notes are internal, so the customer's type has no `note`
 * kind: the server cannot emit one on the customer namespace without a type error.
 */
export const CustomerMessage = messageSchema(['text', 'system']);
export type CustomerMessage = v.InferOutput<typeof CustomerMessage>;

/** `message:send`: idempotent by `clientMsgId`, a repeat returns the stored original. */
export const SendMessage = v.strictObject({
  conversationId: Id,
  clientMsgId: ClientMsgId,
  text: text(MESSAGE_TEXT_MAX, 1),
});
export type SendMessage = v.InferOutput<typeof SendMessage>;

/** `note:add`: an internal note, seen by agents only. */
export const AddNote = v.strictObject({
  conversationId: Id,
  clientMsgId: ClientMsgId,
  text: text(NOTE_MAX, 1),
});
export type AddNote = v.InferOutput<typeof AddNote>;

/**
 * `message:amended`: a redaction applied after the fact, when a number was split across two
 * messages. Clients replace the text of message `seq`; the superseded text is gone.
 */
export const MessageAmended = v.strictObject({
  conversationId: Id,
  messageId: Id,
  seq: v.pipe(Seq, v.minValue(1, 'Must be 1 or more.')),
  text: text(MESSAGE_TEXT_MAX + 1_000),
  redactions: v.array(v.picklist(REDACTION_KINDS)),
});
export type MessageAmended = v.InferOutput<typeof MessageAmended>;

/** `typing` from a client. */
export const TypingSignal = v.strictObject({ conversationId: Id, typing: v.boolean() });
export type TypingSignal = v.InferOutput<typeof TypingSignal>;

/** `typing` from the server: who is typing on the other side. */
export const TypingUpdate = v.strictObject({
  conversationId: Id,
  role: v.picklist(['customer', 'agent']),
  name: v.nullable(label()),
  typing: v.boolean(),
});
export type TypingUpdate = v.InferOutput<typeof TypingUpdate>;

/** `message:read` from a client: everything up to and including `seq` has been read. */
export const ReadSignal = v.strictObject({
  conversationId: Id,
  seq: v.pipe(Seq, v.minValue(1, 'Must be 1 or more.')),
});
export type ReadSignal = v.InferOutput<typeof ReadSignal>;

/** `message:read` from the server: the other side has read up to `seq`. */
export const ReadUpdate = v.strictObject({
  conversationId: Id,
  role: v.picklist(['customer', 'agent']),
  seq: v.pipe(Seq, v.minValue(1, 'Must be 1 or more.')),
});
export type ReadUpdate = v.InferOutput<typeof ReadUpdate>;
