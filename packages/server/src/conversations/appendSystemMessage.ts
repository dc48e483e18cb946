import type { Locale, Message } from '@parley/protocol';
import { archiveEntry, SYSTEM_ACTOR } from '../archive/archiveEntry.js';
import { newId } from '../domain/ids.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { fanoutMessage } from './fanoutMessage.js';
import { type SystemText, systemText } from './systemTexts.js';

/**
 * Stores one of the server's own lines ("This chat is recorded…", "You are now talking to…") in
 * the customer's language and sends it to both sides.
 *
 * @example
 * await appendSystemMessage(ctx, conversation, 'transferred', 'ru', 'Piotr');
 */
export async function appendSystemMessage(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  kind: SystemText,
  locale: Locale,
  name?: string,
): Promise<Message> {
  const now = ctx.now();
  const text = systemText(kind, locale, name);
  const { message } = await ctx.store.appendMessage(
    {
      id: newId('message'),
      conversationId: conversation.id,
      clientMsgId: null,
      kind: 'system',
      sender: { role: 'system', id: null, name: null },
      text,
      redactions: [],
      createdAt: now.toISOString(),
    },
    archiveEntry('system', now, SYSTEM_ACTOR, { text }),
  );
  fanoutMessage(ctx.fanout, conversation, message);
  return message;
}
